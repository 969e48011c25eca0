"""
A news photo's renditions follow its file: made when a photo is saved with a new file,
deleted when the file is replaced or the photo deleted. Originals are never deleted here: a
replaced or deleted photo's original stays in storage for its revision history.
"""

import functools
import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .images import delete_renditions, make_renditions
from .models import NewsPhoto

logger = logging.getLogger(__name__)


@receiver(post_save, sender=NewsPhoto)
def update_photo_renditions(sender, instance, raw, **kwargs):
    stored = getattr(instance, "stored_image_name", None)
    current = instance.image.name or None
    if current and current != stored:
        # Made during the save, so that no page ever has to make one during a request.
        if raw:
            # A fixture or a restored revision: its file may be missing; that must not stop it.
            try:
                make_renditions(instance.image)
            except Exception:
                logger.warning(
                    "No renditions for %s; run `manage.py make_renditions`.",
                    current,
                    exc_info=True,
                )
        else:
            make_renditions(instance.image)
    if stored and stored != current:
        transaction.on_commit(functools.partial(delete_renditions, instance.image.storage, stored))
    instance.stored_image_name = current


@receiver(post_delete, sender=NewsPhoto)
def delete_photo_renditions(sender, instance, **kwargs):
    name = getattr(instance, "stored_image_name", None) or instance.image.name
    if name:
        transaction.on_commit(functools.partial(delete_renditions, instance.image.storage, name))

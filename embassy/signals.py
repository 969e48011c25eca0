"""Any change to content makes the cached public pages stale."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import invalidate_public_pages

CONTENT_APPS = {"cooperation", "embassy"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        invalidate_public_pages()

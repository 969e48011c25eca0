"""Any change to public content (settings.PUBLIC_CONTENT_APPS) makes the cached pages stale."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from .cache import invalidate_public_pages


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    # A migration's historical models are saved while the tables may not match today's models:
    # the cache is emptied once, after the migrations.
    if sender._meta.apps is apps and sender._meta.app_label in settings.PUBLIC_CONTENT_APPS:
        invalidate_public_pages()


@receiver(post_migrate)
def content_migrated(sender, **kwargs):
    if sender.label in settings.PUBLIC_CONTENT_APPS:
        invalidate_public_pages()

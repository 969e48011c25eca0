"""
Any change to public content (settings.PUBLIC_CONTENT_APPS) makes the cached pages stale.

The content version is renewed at the change and, when the change is made in a transaction,
once more after the transaction has committed: another process that reads the rows in between
still reads the old ones, and would otherwise cache them under the new version, where they
would stay until the next change. Within `renewing_once()` (an import of thousands of rows) it
is renewed at the first change only, and after the commit: each renewal writes to the cache.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from .cache import invalidate_public_pages

# While renewing_once() runs: whether its block has renewed the version yet.
renewed_in_block = ContextVar("renewed_in_block", default=None)


@contextmanager
def renewing_once():
    """The changes made in the block renew the content version at the first one only."""
    token = renewed_in_block.set(False)
    try:
        yield
    finally:
        renewed_in_block.reset(token)


def invalidate_now_and_after_commit(changed_model, using):
    renewed = renewed_in_block.get()
    if not renewed:
        invalidate_public_pages(changed_model)
        if renewed is False:
            renewed_in_block.set(True)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    # Once per transaction, however many rows it saves (an import saves thousands).
    if not any(callback is invalidate_public_pages for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(invalidate_public_pages, using=using)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # A migration's historical models are saved while the tables may not match today's models:
    # the cache is emptied once, after the migrations.
    if sender._meta.apps is apps and sender._meta.app_label in settings.PUBLIC_CONTENT_APPS:
        invalidate_now_and_after_commit(sender, using)


@receiver(post_migrate)
def content_migrated(sender, **kwargs):
    if sender.label in settings.PUBLIC_CONTENT_APPS:
        invalidate_public_pages()

"""Any change to public content (settings.PUBLIC_CONTENT_APPS) makes the cached pages stale: at the
change, and again after its transaction commits, since a page made in between from the rows as
they were would otherwise be cached under the new version."""

from contextlib import contextmanager
from contextvars import ContextVar
from threading import local

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from .cache import invalidate_public_pages

# While renewing_once() runs: "", then the database of the block's first change.
changed_in_block = ContextVar("changed_in_block", default=None)
# Per thread and database: the renewal waiting for the current transaction's commit.
waiting = local()


@contextmanager
def renewing_once():
    """The block's changes renew the content version at the first one and after the commit."""
    token = changed_in_block.set("")
    try:
        yield
        using = changed_in_block.get()
    finally:
        changed_in_block.reset(token)
    if using:
        transaction.on_commit(invalidate_public_pages, using=using)


class RenewalAfterCommit:
    """Renews the version once, however many of a transaction's changes registered it."""

    done = False

    def __call__(self):
        if not self.done:
            self.done = True
            invalidate_public_pages()


def invalidate_now_and_after_commit(changed_model, using):
    changed = changed_in_block.get()
    if changed:
        return
    invalidate_public_pages(changed_model)
    if changed == "":
        changed_in_block.set(using)
    elif not transaction.get_autocommit(using):
        renewal = getattr(waiting, using, None)
        if renewal is None or renewal.done:
            # A renewal of a rolled back transaction is not done: the next commit does it.
            renewal = RenewalAfterCommit()
            setattr(waiting, using, renewal)
        transaction.on_commit(renewal, using=using)


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

"""
Load the embassy page's content: regions, agreements, visits, the news photo, the page text and
the footer's mission links, with the media files they refer to.

Entries are matched on their natural keys (slugs, the pair of parties): an entry that already
exists is left as it is, so running the command again, or on a database that staff have edited,
adds only what is missing and never overwrites an edit.
"""

from pathlib import Path

import reversion
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
# In dependency order: a fixture refers only to entries of the fixtures before it.
FIXTURE_NAMES = ["regions", "agreements", "visits", "news", "pages", "missions"]


class Command(BaseCommand):
    help = "Load the initial content of the regional cooperation section (safe to run again)."

    def handle(self, *args, **options):
        # Media first: a photo's width and height are read from its file when it is saved.
        copied = self.copy_media(FIXTURES_DIR / "media")
        # One revision of the history holds every entry added, so each can be compared with
        # later edits, reverted to its initial text, or recovered after it was deleted.
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment(_("Initial content, loaded from the embassy page."))
            for name in FIXTURE_NAMES:
                created, existing = self.load_fixture(FIXTURES_DIR / f"{name}.json")
                self.stdout.write(f"{name}: {created} added, {existing} already present")
        self.stdout.write(
            self.style.SUCCESS(f"Initial content loaded; {copied} media files copied.")
        )

    def load_fixture(self, path):
        created = existing = 0
        with path.open(encoding="utf-8") as stream:
            for deserialized in serializers.deserialize("json", stream):
                # The deserializer finds an existing row by its natural key and sets its pk.
                if deserialized.object.pk is not None:
                    existing += 1
                    continue
                # A full save, not a raw one: it runs the models' own save() (region paths,
                # timestamps, photo dimensions) and their signals, as an edit in the admin would.
                deserialized.object.save()
                created += 1
        return created, existing

    def copy_media(self, media_dir):
        """Copy the fixtures' media to the default storage, so that it works on any storage."""
        copied = 0
        for source in sorted(media_dir.rglob("*")):
            if not source.is_file():
                continue
            name = source.relative_to(media_dir).as_posix()
            if default_storage.exists(name):
                continue
            with source.open("rb") as stream:
                default_storage.save(name, File(stream))
            copied += 1
        return copied

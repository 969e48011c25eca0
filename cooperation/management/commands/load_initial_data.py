"""Load the embassy page's content and media from fixtures/; what exists (by natural key) stays."""

from collections import Counter
from pathlib import Path

import reversion
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from photos.fields import make_missing_renditions

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
# In dependency order; each holds one model's entries, then the rows linking them to regions.
FIXTURE_NAMES = ["regions", "agreements", "visits", "news", "overview", "missions"]


class Command(BaseCommand):
    help = "Load the section's initial content and media (what exists is left as it is)."

    def handle(self, *args, **options):
        # Media first: a photo's width and height are read from its file when it is saved.
        copied = self.copy_media(FIXTURES_DIR / "media")
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment(_("Initial content, loaded from the embassy page."))
            for name in FIXTURE_NAMES:
                added, existing = self.load_fixture(FIXTURES_DIR / f"{name}.json")
                self.stdout.write(f"{name}: {added} added, {existing} already present")
        self.stdout.write(
            self.style.SUCCESS(f"Initial content loaded; {copied} media files copied.")
        )

    def load_fixture(self, path):
        added, existing = Counter(), Counter()
        main_model = None
        with path.open(encoding="utf-8") as stream:
            for deserialized in serializers.deserialize("json", stream):
                entry = deserialized.object
                main_model = main_model or type(entry)
                if entry.pk is not None:
                    existing[type(entry)] += 1
                    continue
                # A full save, not a raw one, as an edit in the admin would.
                entry.save()
                make_missing_renditions(entry)
                added[type(entry)] += 1
        return added[main_model], existing[main_model]

    def copy_media(self, media_dir):
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

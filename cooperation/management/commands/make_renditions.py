"""
Make the missing renditions of every news photo: after restoring media from a backup, moving
them to another storage, or changing COOPERATION_IMAGE_RENDITION_WIDTHS. Saving a photo makes
its own renditions; this command is for the photos saved before.
"""

from django.core.management.base import BaseCommand, CommandError

from cooperation.images import delete_renditions, make_renditions
from cooperation.models import NewsPhoto


class Command(BaseCommand):
    help = "Make the missing renditions of every news photo (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete every photo's renditions and make them again (e.g. after changing "
            "their quality).",
        )

    def handle(self, *args, force=False, **options):
        written = failed = 0
        photos = NewsPhoto.objects.exclude(image="").only("pk", "image", "width", "height")
        for photo in photos.iterator():
            try:
                if force:
                    delete_renditions(photo.image.storage, photo.image.name)
                names = make_renditions(photo.image, force=force)
            except Exception as error:  # a missing or unreadable original: report, go on
                failed += 1
                self.stderr.write(f"{photo.image.name} (photo {photo.pk}): {error}")
                continue
            written += len(names)
            if options["verbosity"] > 1:
                for name in names:
                    self.stdout.write(name)
        self.stdout.write(f"{written} renditions written.")
        if failed:
            raise CommandError(f"{failed} photos have no renditions: their originals failed.")

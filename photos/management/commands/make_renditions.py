"""Make the missing renditions of every photo: after a backup restored, media moved, or
PHOTO_RENDITION_WIDTHS changed."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from photos.fields import photo_fields


class Command(BaseCommand):
    help = "Make the missing renditions of every photo (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete every photo's renditions and make them again (e.g. after changing "
            "their widths or quality).",
        )

    def handle(self, *args, force=False, **options):
        written = failed = 0
        fields = [(model, field) for model in apps.get_models() for field in photo_fields(model)]
        for model, field in fields:
            entries = model._default_manager.exclude(**{field.name: ""}).only(
                "pk", field.name, field.width_field, field.height_field
            )
            for entry in entries.iterator():
                image = getattr(entry, field.attname)
                try:
                    if force:
                        image.renditions.delete()
                    names = image.renditions.make(force=force)
                except Exception as error:  # a missing or unreadable original: report, go on
                    failed += 1
                    self.stderr.write(f"{image.name} ({model._meta.label} {entry.pk}): {error}")
                    continue
                written += len(names)
                if options["verbosity"] > 1:
                    for name in names:
                        self.stdout.write(name)
        self.stdout.write(f"{written} renditions written.")
        if failed:
            raise CommandError(f"{failed} photos have no renditions: their originals failed.")

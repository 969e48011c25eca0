"""Work out again every agreement's last exchange (cooperation.activity), e.g. after a restore."""

import time

from django.core.management.base import BaseCommand, CommandError

from cooperation.activity import refresh_every_agreement
from editorial.cache import invalidate_public_pages


class Command(BaseCommand):
    help = "Work out again every agreement's stored last exchange, e.g. after loaddata."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Agreements worked out per transaction (default 1000).",
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        start = time.perf_counter()
        count = refresh_every_agreement(batch_size)
        invalidate_public_pages()
        self.stdout.write(
            f"Last exchange worked out again for {count} agreement(s) "
            f"in {time.perf_counter() - start:.1f} s."
        )

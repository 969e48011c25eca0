from django.core.management.base import BaseCommand

from editorial.notices import send_digests


class Command(BaseCommand):
    help = "E-mail their desk to the staff who chose a daily digest. Run it once a day."

    def handle(self, **options):
        self.stdout.write(f"Digests sent: {send_digests()}")

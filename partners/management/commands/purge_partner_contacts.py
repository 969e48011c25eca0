import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partners.models import CONFIRMATION_DAYS, PartnerRequest

DAYS_PER_MONTH = 30


class Command(BaseCommand):
    help = (
        "Delete the contact details of partner requests closed some months ago, and the "
        f"requests not confirmed within {CONFIRMATION_DAYS} days. Meant to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.COOPERATION_PARTNER_CONTACT_MONTHS,
            help="Months (of 30 days) they are kept after closing; default: "
            "COOPERATION_PARTNER_CONTACT_MONTHS (%(default)s).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the requests whose contact details would be deleted.",
        )

    def handle(self, *args, months, dry_run, **options):
        if months < 0:
            raise CommandError("--months cannot be negative.")
        now = timezone.now()
        due = PartnerRequest.objects.contacts_to_delete(
            now - datetime.timedelta(days=months * DAYS_PER_MONTH)
        )
        unconfirmed = PartnerRequest.objects.filter(
            confirmed_at=None, created_at__lt=now - datetime.timedelta(days=CONFIRMATION_DAYS)
        )
        if dry_run:
            self.stdout.write(f"Contact details that would be deleted: {due.count()} request(s).")
            self.stdout.write(f"Unconfirmed requests that would be deleted: {unconfirmed.count()}.")
            return
        self.stdout.write(f"Contact details deleted: {due.delete_contacts()} request(s).")
        self.stdout.write(f"Unconfirmed requests deleted: {unconfirmed.delete()[0]}.")

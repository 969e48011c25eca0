import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partners.models import PartnerRequest

DAYS_PER_MONTH = 30


class Command(BaseCommand):
    help = (
        "Delete the contact details (name and e-mail address) of the partner search board's "
        "requests closed more than COOPERATION_PARTNER_CONTACT_MONTHS months ago. The requests "
        "stay, without them. Meant to run daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.COOPERATION_PARTNER_CONTACT_MONTHS,
            help=(
                "Keep the contact details this many months (of 30 days) after a request is "
                "closed; default: COOPERATION_PARTNER_CONTACT_MONTHS "
                f"({settings.COOPERATION_PARTNER_CONTACT_MONTHS})."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the requests whose contact details would be deleted.",
        )

    def handle(self, *args, months, dry_run, **options):
        if months < 0:
            raise CommandError("--months cannot be negative.")
        closed_before = timezone.now() - datetime.timedelta(days=months * DAYS_PER_MONTH)
        due = PartnerRequest.objects.contacts_to_delete(closed_before)
        if dry_run:
            self.stdout.write(f"Contact details that would be deleted: {due.count()} request(s).")
            return
        deleted = due.delete_contacts()
        self.stdout.write(f"Contact details deleted: {deleted} request(s).")

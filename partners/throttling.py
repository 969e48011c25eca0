"""How often one address may post to the board: COOPERATION_PARTNER_POSTS_PER_HOUR requests and
answers together per clock hour, counted in the database (BoardPostCount)."""

import hashlib
import time

from django.conf import settings
from django.db import transaction
from django.db.models import F

from embassy.throttling import address_seen_by_proxy

from .models import BoardPostCount

HOUR = 60 * 60


def client_address(request):
    if settings.BEHIND_PROXY:
        return address_seen_by_proxy(request)
    return request.META.get("REMOTE_ADDR", "")


def allow_board_post(request):
    """Count one post from the visitor's address; False once it is past the hour's allowance."""
    # Hashed: the database keeps no visitor's address.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()
    hour = int(time.time() // HOUR)
    with transaction.atomic():
        BoardPostCount.objects.filter(hour__lt=hour).delete()
        BoardPostCount.objects.get_or_create(address=address, hour=hour)
        count = BoardPostCount.objects.filter(address=address, hour=hour)
        # The update locks the row until the end of the transaction: posts are counted in turn.
        count.update(posts=F("posts") + 1)
        return count.get().posts <= settings.COOPERATION_PARTNER_POSTS_PER_HOUR

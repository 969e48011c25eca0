"""COOPERATION_PARTNER_POSTS_PER_HOUR posts to the board per address and clock hour."""

import hashlib
import time

from django.conf import settings
from django.db import transaction
from django.db.models import F

from embassy.throttling import address_seen_by_proxy

from .models import BoardPostCount


def client_address(request):
    if settings.BEHIND_PROXY:
        return address_seen_by_proxy(request)
    return request.META.get("REMOTE_ADDR", "")


def allow_board_post(request):
    """Count a post from the visitor's address; False once past the hour's allowance."""
    hour = f"{int(time.time() // 3600)}:"
    key = hour + hashlib.sha256(client_address(request).encode()).hexdigest()
    with transaction.atomic():
        BoardPostCount.objects.exclude(key__startswith=hour).delete()
        BoardPostCount.objects.get_or_create(key=key)
        count = BoardPostCount.objects.filter(key=key)
        # The update holds the row until the transaction ends: posts are counted in turn.
        count.update(posts=F("posts") + 1)
        return count.get().posts <= settings.COOPERATION_PARTNER_POSTS_PER_HOUR

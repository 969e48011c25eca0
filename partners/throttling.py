"""How often one address may post to the board: COOPERATION_PARTNER_POSTS_PER_HOUR requests and
answers together per clock hour, counted in the cache."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from embassy.throttling import address_seen_by_proxy

HOUR = 60 * 60


def client_address(request):
    if settings.BEHIND_PROXY:
        return address_seen_by_proxy(request)
    return request.META.get("REMOTE_ADDR", "")


def allow_board_post(request):
    """Count one post from the visitor's address; False once it is past the hour's allowance."""
    # Hashed: the cache keeps no visitor's address.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()
    key = f"partner-board-posts:{address}:{int(time.time() // HOUR)}"
    cache.add(key, 0, HOUR)
    try:
        posts = cache.incr(key)
    except ValueError:  # Expired between the two calls.
        cache.set(key, 1, HOUR)
        posts = 1
    return posts <= settings.COOPERATION_PARTNER_POSTS_PER_HOUR

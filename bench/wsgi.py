"""
The site with its uploaded media, for the browser measurements.

In production the reverse proxy serves /media/ from MEDIA_ROOT (README, "Production"); Django
does not with debug off. Here WhiteNoise stands in for the proxy: files as they are on disk,
uncompressed, the rest of the requests passed to the site unchanged.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from embassy.wsgi import application as site

application = WhiteNoise(site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)

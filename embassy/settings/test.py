"""Settings of the test suite: files in a folder of the test run's own, fast password hashes."""

import tempfile
from pathlib import Path

from . import *  # noqa: F403

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="embassy-tests-media-"))
DOCUMENTS_ROOT = MEDIA_ROOT.with_name(MEDIA_ROOT.name + "-documents")
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "documents": {
        "BACKEND": "embassy.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DOCUMENTS_ROOT)},
    },
}
# The test client's host, which the tests' absolute addresses name.
SITE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

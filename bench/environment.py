"""
What every part of the benchmark shares: paths, the production-like settings the site runs
with, `manage.py` commands, and the Debian packages the benchmark installs when they are missing.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
STATIC_ROOT = DATA / "static"
PYTHON = sys.executable
HOST = "127.0.0.1"


def site_environment(database_url, media_root, cache_url="", cache_seconds=600):
    """The environment of a production server: debug off, the given database and cache."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "embassy.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        # testserver: the in-process measurements go through Django's test client.
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(STATIC_ROOT),
        "DJANGO_CACHE_URL": cache_url,
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def require_command(command, *packages):
    """The path of a command, installing its Debian packages first when it is missing and we
    are root; otherwise stop with what to install."""
    if not shutil.which(command) and os.geteuid() == 0:
        print(f"Installing {' '.join(packages)} from Debian's packages", flush=True)
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
        quiet = {"stdout": subprocess.DEVNULL}
        subprocess.run([*apt, "update", "-qq"], check=True, **quiet)
        subprocess.run(
            [*apt, "install", "-y", "-qq", *packages],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            **quiet,
        )
    path = shutil.which(command)
    if not path:
        raise SystemExit(f"{command} is missing: apt-get install {' '.join(packages)} (as root)")
    return path


def collect_static():
    """The static files as production serves them: hashed names, compressed copies."""
    env = site_environment(f"sqlite:///{DATA / 'unused.sqlite3'}", DATA / "unused-media")
    manage(env, "collectstatic", "--noinput", "--clear", "-v0")

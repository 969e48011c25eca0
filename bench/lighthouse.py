"""
Lighthouse's accessibility, best-practices and SEO audits of the public pages, served as in
production: debug off, hashed static files, gunicorn, the initial content with its renditions.

    .venv/bin/python bench/lighthouse.py [PATH ...]

The first run installs npm's lighthouse 12.2.3 under .venv/lighthouse/ (ignored by git, gone
with `make clean`); every run builds a database, media and static files of its own there, serves
them on 127.0.0.1:$LIGHTHOUSE_PORT (18766) and audits each path (by default the home,
cooperation, agreement list, a region and the search pages) with Debian's Chromium
(CHROME_PATH, /usr/bin/chromium). The uploaded media, which a reverse proxy serves in
production, are served here by WhiteNoise in front of the site. Prints each page's scores and
every audit that did not pass; the JSON reports stay in .venv/lighthouse/reports/.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / ".venv" / "lighthouse"
DATA = HOME / "data"
REPORTS = HOME / "reports"
LIGHTHOUSE = HOME / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.2.3"
PORT = int(os.environ.get("LIGHTHOUSE_PORT", 18766))
HEALTH = f"http://127.0.0.1:{PORT}/healthz"
PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/search/",
    # Results are kept out of search engines (noindex): SEO's "is-crawlable" audit fails there
    # by design.
    "/bg/search/?q=" + quote("Брест"),
]
CATEGORIES = ["accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
ENVIRONMENT = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "lighthouse-only-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DATABASE_URL": f"sqlite:///{DATA / 'site.sqlite3'}",
    "MEDIA_ROOT": str(DATA / "media"),
    "STATIC_ROOT": str(DATA / "static"),
    "DJANGO_LOG_LEVEL": "ERROR",
}


def media_served_application():
    """The site, with the uploaded media in front of it as a reverse proxy would serve them."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from embassy.wsgi import application

    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)


def install_lighthouse():
    if not LIGHTHOUSE.exists():
        HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(HOME),
                "--no-audit",
                "--no-fund",
                f"lighthouse@{VERSION}",
            ],
            check=True,
        )


def build_site(env):
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_initial_data"],
        ["make_renditions"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def serve(env):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.lighthouse:media_served_application()",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(HEALTH, timeout=1):
            return server
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("The server did not start.")


def audit(path, number):
    report = REPORTS / f"{number}.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            f"http://127.0.0.1:{PORT}{path}",
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    return json.loads(report.read_text(encoding="utf-8"))


def main():
    paths = sys.argv[1:] or PAGES
    install_lighthouse()
    env = {**os.environ, **ENVIRONMENT}
    build_site(env)
    REPORTS.mkdir(parents=True, exist_ok=True)
    server = serve(env)
    try:
        print(f"Lighthouse {VERSION}; {', '.join(CATEGORIES)}")
        for number, path in enumerate(paths):
            result = audit(path, number)
            scores = "  ".join(
                f"{name} {round(result['categories'][name]['score'] * 100)}" for name in CATEGORIES
            )
            print(f"{path}  {scores}")
            for audit_id, found in result["audits"].items():
                if (
                    found["score"] is not None
                    and found["score"] < 1
                    and (found["scoreDisplayMode"] in ("binary", "numeric"))
                ):
                    print(f"    {audit_id}: {found['title']}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

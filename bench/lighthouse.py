"""
Lighthouse's verdict on the public pages: its four category scores, its "enable text
compression" audit and every other audit that costs points, from the npm package `lighthouse`
(the version in bench/package.json, installed under bench/node_modules) driving Debian's
Chromium against gunicorn. Lighthouse's default settings apply: a phone, with simulated slow 4G
and CPU throttling. The full reports are kept in bench/.data/lighthouse/.

bench/run.py runs it on the initial content; on its own it audits the given pages (by default
the same ones) and prints what did not pass:

    .venv/bin/python -m bench.lighthouse [PATH ...]
"""

import json
import os
import subprocess
import sys
from urllib.parse import quote

from .browser import PAGES, QUIET
from .environment import DATA, ROOT, collect_static, require_command, site_environment

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
REPORTS = DATA / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless", "--no-sandbox", "--disable-gpu", *QUIET])
AUDITED_PAGES = {
    **PAGES,
    "search": "/bg/search/",
    # Result pages are kept out of search engines (noindex): SEO's "is-crawlable" audit fails
    # there by design.
    "search results": "/bg/search/?q=" + quote("Брест"),
}


def install():
    """npm installs the pinned Lighthouse under bench/ when it is not there yet."""
    if not LIGHTHOUSE.exists():
        npm = require_command("npm", "npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    return subprocess.run(
        [LIGHTHOUSE, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


# Lighthouse now and then loses the trace of a page load ("NO_NAVSTART") and asks to be run
# again: it is, up to this many times in all.
ATTEMPTS = 3


def run_lighthouse(url, report):
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(
            [
                LIGHTHOUSE,
                url,
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            env={**os.environ, "CHROME_PATH": require_command("chromium", "chromium")},
            check=attempt == ATTEMPTS,
        )
        if finished.returncode == 0:
            break
    return json.loads(report.read_text(encoding="utf-8"))


def missed_audits(report):
    """The audits that cost points in the categories other than performance (whose metrics
    are scored on a curve)."""
    return [
        reference["id"]
        for name in CATEGORIES
        if name != "performance"
        for reference in report["categories"][name]["auditRefs"]
        if reference["weight"] and report["audits"][reference["id"]]["score"] not in (None, 1)
    ]


def summary(report):
    """The category scores (0–100) and the audits that did not pass, of one report."""
    compression = report["audits"]["uses-text-compression"]
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "text_compression_passed": compression["score"] == 1,
        "text_compression_savings_bytes": compression.get("details", {}).get(
            "overallSavingsBytes", 0
        ),
        "missed_audits": missed_audits(report),
        "runtime_error": report.get("runtimeError", {}).get("message", ""),
    }


def audit(server_url, label, path):
    REPORTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "_").replace("?", "_") or "home"
    report = run_lighthouse(server_url + path, REPORTS / f"{name}.json")
    return {"page": label, "path": path, **summary(report)}


def measure(server_url, pages=AUDITED_PAGES):
    """One Lighthouse run for each page."""
    version = install()
    results = [audit(server_url, label, path) for label, path in pages.items()]
    return {"version": version, "pages": results}


def main(paths):
    """Audit the given pages of the initial content (SQLite) and print what did not pass."""
    from .datasets import prepare_sqlite
    from .servers import gunicorn

    collect_static()
    database_url, media = prepare_sqlite("initial")
    pages = {path: path for path in paths} or AUDITED_PAGES
    with gunicorn(site_environment(database_url, media), application="bench.wsgi") as server:
        results = measure(server.url, pages)
    print(f"Lighthouse {results['version']}; {', '.join(CATEGORIES)}")
    for row in results["pages"]:
        scores = "  ".join(f"{name} {row[name]}" for name in CATEGORIES)
        print(f"{row['path']}  {scores}")
        for audit_id in row["missed_audits"]:
            print(f"    {audit_id}")
        if not row["text_compression_passed"]:
            print(f"    uses-text-compression: {row['text_compression_savings_bytes']:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])

"""
Lighthouse's verdict on the public pages: its four category scores and its "enable text
compression" audit, from the npm package `lighthouse` (the version in bench/package.json,
installed under bench/node_modules) driving Debian's Chromium against the gunicorn server.
Lighthouse's default settings apply: a phone, with simulated slow 4G and CPU throttling.
The full reports are kept in bench/.data/lighthouse/.
"""

import json
import os
import subprocess

from .browser import PAGES, QUIET
from .environment import DATA, ROOT, require_command

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
REPORTS = DATA / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless", "--no-sandbox", "--disable-gpu", *QUIET])


def install():
    """npm installs the pinned Lighthouse under bench/ when it is not there yet."""
    if not LIGHTHOUSE.exists():
        npm = require_command("npm", "npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    return subprocess.run(
        [LIGHTHOUSE, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def run_lighthouse(url, report):
    subprocess.run(
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
        check=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def summary(report):
    """The category scores (0–100) and the text compression audit of one report."""
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


def measure(server_url):
    """Every page of the page weight measurements, one Lighthouse run each."""
    version = install()
    REPORTS.mkdir(parents=True, exist_ok=True)
    results = []
    for label, path in PAGES.items():
        report = REPORTS / f"{path.strip('/').replace('/', '_') or 'home'}.json"
        results.append(
            {"page": label, "path": path, **summary(run_lighthouse(server_url + path, report))}
        )
    return {"version": version, "pages": results}

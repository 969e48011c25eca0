"""
The benchmark of issue 14 in one run, written to bench/RESULTS.md.

    .venv/bin/python -m bench.run            # everything: `make bench`
    .venv/bin/python -m bench.run --quick    # a short try: initial content, SQLite, short runs

For each data size (the initial content, 50,000 agreements) and each database (SQLite with the
default per-process cache; PostgreSQL, started by .ci/with-postgres, with Redis as the shared
cache) it measures:

- throughput with wrk against gunicorn (2 workers, debug off), as ratios of `/healthz`, with the
  page cache on and off (bench/throughput.py);
- sizes on the wire for a client that accepts gzip (bench/outputs.py);
- cold render time of every public page and API list in process (bench/render.py);
- the sitemap, the CSV download and the region index (bench/outputs.py);
and on SQLite the page weight in Chromium (bench/browser.py) and, with the initial content,
Lighthouse (bench/lighthouse.py). The PostgreSQL half runs in a child process under
.ci/with-postgres and hands its figures back as JSON.
"""

import argparse
import datetime
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django
import psycopg

from . import browser, lighthouse, report
from .datasets import prepare_postgres, prepare_sqlite
from .environment import DATA, PYTHON, ROOT, collect_static, site_environment
from .outputs import large_outputs, wire_size
from .servers import gunicorn, redis_server, redis_version
from .throughput import measure_pages

FIGURES = DATA / "figures.json"
THROUGHPUT_PAGES = [
    "/bg/",
    "/bg/cooperation/",
    "/bg/cooperation/agreements/",
    "/bg/cooperation/regions/brest-oblast/",
    "/bg/news/",
    "/api/agreements/",
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sizes", default=None, help="initial,50k (the default)")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=None, help="seconds per wrk run (10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=None, help="cold renders per page (7)")
    parser.add_argument("--quick", action="store_true", help="3 s runs, 3 renders, initial only")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    parser.add_argument("--rebuild", action="store_true", help="build the data again")
    parser.add_argument("--output", default=None, help="bench/RESULTS.md (quick: bench/.data/)")
    # Used by the run itself to hand the PostgreSQL half to a child process.
    parser.add_argument("--postgres-half", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = (args.sizes or ("initial" if args.quick else "initial,50k")).split(",")
    args.databases = args.databases.split(",")
    args.duration = args.duration or (3 if args.quick else 10)
    args.repeat = args.repeat or (3 if args.quick else 7)
    default_output = ROOT / "bench" / (".data/RESULTS-quick.md" if args.quick else "RESULTS.md")
    args.output = args.output or default_output
    return args


def flush_cache(cache_url):
    if cache_url.startswith("redis://"):
        import redis

        redis.Redis.from_url(cache_url).flushall()


def cold_render(env, repeat):
    output = subprocess.run(
        [PYTHON, "-m", "bench.render", f"--repeat={repeat}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if output.returncode:
        raise SystemExit(f"bench.render failed:\n{output.stderr}")
    return json.loads(output.stdout)


def measure_configuration(size, database, database_url, media, cache_url, args):
    """Everything measured for one data size on one database."""
    print(f"Measuring {size} on {database}", flush=True)
    started = time.monotonic()
    cached = site_environment(database_url, media, cache_url, cache_seconds=600)
    uncached = site_environment(database_url, media, cache_url, cache_seconds=0)
    result = {"size": size, "database": database}
    flush_cache(cache_url)
    with gunicorn(cached) as server:
        result["cached"] = measure_pages(server, THROUGHPUT_PAGES, args.duration, args.connections)
        result["wire"] = [wire_size(server, path) for path in THROUGHPUT_PAGES]
    with gunicorn(uncached) as server:
        result["uncached"] = measure_pages(
            server, THROUGHPUT_PAGES, args.duration, args.connections
        )
    result["render"] = cold_render(cached, args.repeat)
    flush_cache(cache_url)
    with gunicorn(cached, workers=1) as server:
        result["outputs"] = large_outputs(server)
    if args.browser and database == "sqlite":
        with gunicorn(cached, application="bench.wsgi") as server:
            result["page_weight"] = browser.measure(server.url)
            if args.lighthouse and size == "initial":
                result["lighthouse"] = lighthouse.measure(server.url)
    result["minutes"] = (time.monotonic() - started) / 60
    return result


def sqlite_half(args):
    configs = []
    for size in args.sizes:
        database_url, media = prepare_sqlite(size, args.rebuild)
        configs.append(measure_configuration(size, "sqlite", database_url, media, "", args))
    return configs


def postgres_half(args):
    """Run in the child under .ci/with-postgres, which sets DATABASE_URL."""
    database_url = os.environ["DATABASE_URL"]
    configs = []
    with redis_server() as cache_url:
        for size in args.sizes:
            media = prepare_postgres(size, database_url, args.rebuild)
            configs.append(
                measure_configuration(size, "postgres", database_url, media, cache_url, args)
            )
        with psycopg.connect(database_url) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
    for config in configs:
        config["versions"] = {"PostgreSQL": version.split()[0], "Redis": redis_version()}
    return configs


def run_postgres_half(argv):
    """The PostgreSQL half in a child process under .ci/with-postgres; its configurations."""
    with tempfile.NamedTemporaryFile(suffix=".json") as handoff:
        command = [str(ROOT / ".ci" / "with-postgres"), PYTHON, "-m", "bench.run", *argv]
        subprocess.run([*command, f"--postgres-half={handoff.name}"], cwd=ROOT, check=True)
        return json.loads(Path(handoff.name).read_text(encoding="utf-8"))


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout


def working_tree():
    """Whether the measured code is the commit's, and if not which files differ."""
    changed = [line[3:] for line in git("status", "--porcelain").splitlines()]
    if not changed:
        return "clean working tree"
    more = f" and {len(changed) - 5} more" if len(changed) > 5 else ""
    return "uncommitted changes in " + ", ".join(changed[:5]) + more


def metadata(argv, args):
    return {
        "date": f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "commit": git("rev-parse", "--short", "HEAD").strip(),
        "tree": working_tree(),
        "command": " ".join([os.path.relpath(PYTHON, ROOT), "-m", "bench.run", *argv]),
        "cpus": os.cpu_count(),
        "load_before": f"{os.getloadavg()[0]:.1f}",
        "duration": args.duration,
        "connections": args.connections,
        "repeat": args.repeat,
    }


def versions(configs):
    found = {
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "SQLite": sqlite3.sqlite_version,
    }
    for config in configs:
        found.update(config.get("versions", {}))
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    wrk = wrk.stdout + wrk.stderr
    found["wrk"] = wrk.split()[1] if wrk else "?"
    if any(config.get("page_weight") for config in configs):
        found["Chromium"] = browser.chromium_version().removeprefix("Chromium ").split()[0]
    return ", ".join(f"{name} {version}" for name, version in found.items())


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.postgres_half:
        with open(args.postgres_half, "w", encoding="utf-8") as handoff:
            json.dump(postgres_half(args), handoff)
        return
    started = time.monotonic()
    meta = metadata(argv, args)
    collect_static()
    configs = sqlite_half(args) if "sqlite" in args.databases else []
    if "postgres" in args.databases:
        configs += run_postgres_half(argv)
    order = {
        (size, database): n
        for n, (size, database) in enumerate(
            (size, database) for size in args.sizes for database in args.databases
        )
    }
    configs.sort(key=lambda config: order[config["size"], config["database"]])
    meta["load_after"] = f"{os.getloadavg()[0]:.1f}"
    meta["minutes"] = (time.monotonic() - started) / 60
    meta["versions"] = versions(configs)
    # The raw figures, for a closer look than the report's tables.
    FIGURES.write_text(json.dumps({"meta": meta, "configs": configs}, indent=1), encoding="utf-8")
    report.write(args.output, meta, configs)
    print(f"Written to {args.output}; the raw figures to {FIGURES}")


if __name__ == "__main__":
    main()

"""
Cold renders (with --cached, cached answers) of the same pages in several checkouts, side by
side: one process per checkout,
asked for each page in turn, so that other work on a shared machine weighs on every side alike.

    .venv/bin/python -m bench.paired --size 50k --rounds 8 ../main . /bg/cooperation/regions/

Each checkout runs with the benchmark's settings on its own copy of this checkout's SQLite data
(bench/datasets.py); the first is the reference. For each page it prints each side's median CPU
milliseconds and the median of its ratios to the reference's request of the same round.
"""

import argparse
import shutil
import sqlite3
import statistics
import subprocess
from pathlib import Path

from .datasets import WORK, prepare_sqlite
from .environment import collect_static, site_environment

# Run in each checkout: one cold request (the cache emptied, unless "cached" is given) per line
# read, its CPU ms printed.
WORKER = """
import sys, time, django
django.setup()
from django.core.cache import cache
from django.test import Client
client = Client()
for line in sys.stdin:
    if "cached" not in sys.argv:
        cache.clear()
    started = time.process_time()
    response = client.get(line.strip(), HTTP_ACCEPT="application/json, */*")
    b"".join(response.streaming_content) if response.streaming else response.content
    print(response.status_code, (time.process_time() - started) * 1000, flush=True)
"""


def start(checkout, number, database, media, sql=(), cached=False):
    copy = WORK / f"paired-{number}.sqlite3"
    shutil.copyfile(database, copy)
    with sqlite3.connect(copy) as connection:
        for statement in sql:
            connection.execute(statement)
    env = {**site_environment(f"sqlite:///{copy}", media), "PYTHONPATH": str(checkout)}
    python = checkout / ".venv" / "bin" / "python"
    return subprocess.Popen(
        [python, "-c", WORKER, *(["cached"] if cached else [])],
        cwd=checkout,
        env=env,
        text=True,
        stdin=-1,
        stdout=-1,
    )


def cold_render(worker, path):
    worker.stdin.write(path + "\n")
    worker.stdin.flush()
    status, cpu = worker.stdout.readline().split()
    if status != "200":
        raise SystemExit(f"{path}: status {status}")
    return float(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--size", default="initial", help="initial or 50k")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--cached", action="store_true", help="with the page cache kept")
    parser.add_argument(
        "--reference-sql",
        action="append",
        default=[],
        help="SQL run on the reference's copy first, e.g. to add a column its older code reads",
    )
    parser.add_argument("checkouts", nargs="+", help="the checkouts' folders, then the pages")
    args = parser.parse_args()
    checkouts = [Path(arg).resolve() for arg in args.checkouts if Path(arg).is_dir()]
    paths = [arg for arg in args.checkouts if not Path(arg).is_dir()]
    database_url, media = prepare_sqlite(args.size)
    collect_static()
    workers = [
        start(
            checkout,
            number,
            database_url.removeprefix("sqlite:///"),
            media,
            args.reference_sql if number == 0 else (),
            args.cached,
        )
        for number, checkout in enumerate(checkouts)
    ]
    for path in paths:
        for worker in workers:
            cold_render(worker, path)  # Warm-up: imports, templates, URL resolvers.
        times = [[] for _worker in workers]
        for round_ in range(args.rounds):
            order = list(enumerate(workers))[:: 1 if round_ % 2 == 0 else -1]
            for number, worker in order:
                times[number].append(cold_render(worker, path))
        cells = [
            f"{statistics.median(side):.1f} ms "
            f"({statistics.median(a / b for a, b in zip(side, times[0], strict=True)) - 1:+.0%})"
            for side in times
        ]
        print(f"{path}: " + " | ".join(cells), flush=True)
    for worker in workers:
        worker.stdin.close()
        worker.wait()


if __name__ == "__main__":
    main()

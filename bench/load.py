"""
Load benchmark: the public pages at scale, served by gunicorn, driven by wrk on loopback.

    .venv/bin/python bench/load.py [--duration 60] [--connections 64] [--skip-data]

It builds a database of its own under bench/.data/ (the initial content plus
`generate_demo_data --regions 2000 --agreements 50000 --visits 5000 --photos 2000 --seed 1`),
starts gunicorn with 2 workers in production mode, and runs wrk against each page twice: with the
page cache (shared by both workers through Redis when redis-server is installed, else a file
cache) and without it (PUBLIC_PAGE_CACHE_SECONDS=0). The ceiling is the /healthz view, a minimal
Django view in the same server. Results are written to bench/RESULTS.md.

Needs wrk (Debian package `wrk`); redis-server is optional.
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", 18765))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", 16390))
PAGES = [
    ("ceiling: minimal Django view", "/healthz"),
    ("cooperation page", "/bg/cooperation/"),
    ("agreements, unfiltered", "/bg/cooperation/agreements/"),
    ("agreements, filtered by an oblast", "/bg/cooperation/agreements/?region=brest-oblast"),
    ("region page", "/bg/cooperation/regions/brest-oblast/"),
    ("news", "/bg/news/"),
]
DEMO_DATA = ["--regions", "2000", "--agreements", "50000", "--visits", "5000", "--photos", "2000"]


def environment(cache_url, cache_seconds):
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{DATA / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(DATA / "media"),
        "STATIC_ROOT": str(DATA / "static"),
        "DJANGO_CACHE_URL": cache_url,
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def build_data(env):
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_initial_data")
    manage(env, "generate_demo_data", *DEMO_DATA, "--seed", "1")
    manage(env, "collectstatic", "--noinput", "-v0")


def start_redis():
    if not shutil.which("redis-server"):
        return None, f"file://{DATA / 'cache'}"
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1)
    return process, f"redis://127.0.0.1:{REDIS_PORT}/0"


def start_server(env):
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "embassy.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
    )
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def wait_until_idle():
    """Sync workers finish the requests queued by the previous run before the next run starts."""
    for _attempt in range(600):
        started = time.perf_counter()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=120)
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.5)


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run_wrk(path, duration, connections):
    url = f"http://127.0.0.1:{PORT}{path}"
    wait_until_idle()
    # Warm up: fills the cache for the cached run, the workers' caches for both.
    subprocess.run(["wrk", "-t2", "-c8", "-d2s", url], capture_output=True, check=True)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "60s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    wait_until_idle()
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if not percentiles:
        raise SystemExit(f"wrk measured no latency for {path}:\n{output}")
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": to_ms(percentiles["50"]),
        "p99": to_ms(percentiles["99"]),
        "errors": errors.group(1) if errors else "none",
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def measure(env, duration, connections):
    server = start_server(env)
    try:
        return {path: run_wrk(path, duration, connections) for _label, path in PAGES}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def write_results(results, args, cache_url):
    lines = [
        "# Load benchmark results",
        "",
        f"Recorded {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC with:",
        "",
        "```sh",
        f".venv/bin/python bench/load.py --duration {args.duration}"
        f" --connections {args.connections}",
        "```",
        "",
        "Data: the initial content plus `generate_demo_data "
        + " ".join(DEMO_DATA)
        + " --seed 1` (50,048 agreements, 2,111 regions, 5,003 visits, 2,001 photos), SQLite.",
        f"Server: gunicorn, 2 sync workers, DJANGO_DEBUG=0, cache `{cache_url.split(':')[0]}`.",
        f"Load: wrk, 2 threads, {args.connections} connections, {args.duration} s per page,"
        " on the same 2-core machine (wrk takes CPU from the server).",
        "",
    ]
    for mode in ("cached", "uncached"):
        ceiling = results[mode]["/healthz"]["rps"]
        lines += [
            f"## {mode.capitalize()}",
            "",
            "| page | path | requests/s | × ceiling | p50 ms | p99 ms | requests | non-2xx"
            " | socket errors |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for label, path in PAGES:
            row = results[mode][path]
            lines.append(
                f"| {label} | `{path}` | {row['rps']:.0f} | {row['rps'] / ceiling:.2f} | "
                f"{row['p50']:.1f} | {row['p99']:.1f} | {row['requests']} | {row['non_2xx']} | "
                f"{row['errors']} |"
            )
        lines.append("")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--skip-data", action="store_true", help="reuse bench/.data")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    if not args.skip_data:
        build_data(environment("", 0))
    redis, cache_url = start_redis()
    try:
        results = {
            "cached": measure(environment(cache_url, 600), args.duration, args.connections),
            "uncached": measure(environment("", 0), args.duration, args.connections),
        }
    finally:
        if redis:
            redis.terminate()
    write_results(results, args, cache_url)
    print((ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()

"""
Requests per second of a page under load: wrk on loopback against gunicorn, with `/healthz`
(a minimal Django view behind every middleware) as the ceiling that pages are compared with.
"""

import os
import re
import subprocess

from .environment import require_command


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    """Requests per second, latency percentiles and failures from wrk's --latency report."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": to_ms(percentiles["50"]) if "50" in percentiles else None,
        "p99_ms": to_ms(percentiles["99"]) if "99" in percentiles else None,
        "socket_errors": errors.group(1).strip() if errors else "",
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def run_wrk(server, path, duration, connections):
    """Load one page for `duration` seconds after a short warm-up, on an idle server."""
    wrk = require_command("wrk", "wrk")
    url = server.url + path
    server.wait_until_idle()
    # The warm-up fills the page cache (when on) and the workers' own caches.
    subprocess.run([wrk, "-t2", "-c4", "-d2s", url], capture_output=True, check=True)
    server.wait_until_idle()
    load = os.getloadavg()[0]
    output = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout=60s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    server.wait_until_idle()
    # The machine's load average just before the run: other work competes for the CPUs.
    return {**parse_wrk(output), "load": load}


def measure_pages(server, paths, duration, connections):
    """Each page's figures, and its ratio to the ceiling measured on the same server."""
    ceiling = run_wrk(server, "/healthz", duration, connections)
    results = {"/healthz": {**ceiling, "ratio": 1.0}}
    for path in paths:
        row = run_wrk(server, path, duration, connections)
        results[path] = {**row, "ratio": row["rps"] / ceiling["rps"]}
    return results

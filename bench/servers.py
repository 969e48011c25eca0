"""
The processes the benchmark serves the site with: gunicorn as production runs it, and a
throwaway Redis for the shared cache. Both listen on loopback only and are stopped on exit.
"""

import contextlib
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from .environment import HOST, PYTHON, ROOT, require_command


def free_port():
    """A port nobody listens on now, so that runs of other checkouts do not collide."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def redis_server():
    """A Redis that keeps nothing on disk; yields its cache URL."""
    command = require_command("redis-server", "redis-server")
    port = free_port()
    process = subprocess.Popen(
        [command, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_redis(port)
        yield f"redis://{HOST}:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for_redis(port):
    import redis

    client = redis.Redis(host=HOST, port=port)
    for _attempt in range(100):
        with contextlib.suppress(redis.ConnectionError):
            client.ping()
            return
        time.sleep(0.1)
    raise SystemExit("redis-server did not start")


def redis_version():
    output = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout
    return output.split()[2].removeprefix("v=")


class Gunicorn:
    """A running gunicorn: its base URL and its workers' process ids."""

    def __init__(self, process, port):
        self.process = process
        self.url = f"http://{HOST}:{port}"

    def worker_pids(self):
        """The workers are the master's children (found through /proc)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
        return pids

    def wait_until_idle(self):
        """Sync workers finish the requests queued by a load run before the next one starts."""
        for _attempt in range(600):
            started = time.perf_counter()
            urllib.request.urlopen(f"{self.url}/healthz", timeout=300).read()
            if time.perf_counter() - started < 0.05:
                return
            time.sleep(0.5)


@contextlib.contextmanager
def gunicorn(env, workers=2, application="embassy.wsgi"):
    """gunicorn serving the site with the given environment, until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            application,
            f"--workers={workers}",
            f"--bind={HOST}:{port}",
            "--log-level=error",
            # Slow pages at 50,000 agreements must not be cut off by the worker timeout.
            "--timeout=300",
        ],
        cwd=ROOT,
        env=env,
    )
    server = Gunicorn(process, port)
    try:
        wait_for_gunicorn(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def wait_for_gunicorn(server):
    for _attempt in range(150):
        if server.process.poll() is not None:
            raise SystemExit("gunicorn stopped at start")
        try:
            urllib.request.urlopen(f"{server.url}/healthz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")

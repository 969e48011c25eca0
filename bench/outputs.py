"""
What a client receives from the server, measured over HTTP: sizes on the wire with and without
compression, and the outputs that grow with the data (the sitemap, the CSV download, the region
index) with their time to first byte, total time and the serving worker's peak memory.
"""

import contextlib
import gzip
import http.client
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def download(server, path, accept_gzip=False):
    """Fetch a path as a client would: status, headers, body as sent, and timings in ms."""
    connection = http.client.HTTPConnection(urlsplit(server.url).netloc, timeout=600)
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter()
    data = first + response.read()
    finished = time.perf_counter()
    connection.close()
    return {
        "status": response.status,
        "encoding": response.getheader("Content-Encoding", ""),
        "body": data,
        "ttfb_ms": (first_byte - started) * 1000,
        "total_ms": (finished - started) * 1000,
    }


def wire_size(server, path):
    """Bytes a client that accepts gzip receives, beside the uncompressed body and what gzip
    (level 6) would make of it."""
    received = download(server, path, accept_gzip=True)
    plain = received["body"]
    if received["encoding"] == "gzip":
        plain = gzip.decompress(plain)
    return {
        "path": path,
        "status": received["status"],
        "encoding": received["encoding"] or "none",
        "wire_bytes": len(received["body"]),
        "plain_bytes": len(plain),
        "gzip6_bytes": len(gzip.compress(plain, 6)),
    }


def memory_kb(pid, field):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


def reset_peak_memory(pid):
    """Start the peak resident memory (VmHWM) again from the current one (Linux, as owner)."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def timed_with_memory(server, path):
    """Download a path from a one-worker server and read that worker's peak memory meanwhile."""
    (worker,) = server.worker_pids()
    reset_peak_memory(worker)
    before = memory_kb(worker, "VmRSS")
    received = download(server, path)
    peak = memory_kb(worker, "VmHWM")
    return {
        "path": path,
        "status": received["status"],
        "bytes": len(received["body"]),
        "ttfb_ms": received["ttfb_ms"],
        "total_ms": received["total_ms"],
        "rss_before_mb": before / 1024,
        "peak_rss_mb": peak / 1024,
        "body": received["body"],
    }


def timed_sitemap(server, path):
    """A sitemap document cold (with the serving worker's memory), then again from the cache."""
    cold = timed_with_memory(server, path)
    warm = download(server, path)
    text = cold.pop("body").decode()
    return {
        **cold,
        "warm_ms": warm["total_ms"],
        "is_index": "<sitemapindex" in text,
        "urls": text.count("<url>"),
        "locs": SITEMAP_LOC.findall(text),
    }


def sitemap(server):
    """/sitemap.xml; when it is an index, each of its pages too."""
    result = timed_sitemap(server, "/sitemap.xml")
    locs = result.pop("locs")
    result["pages"] = []
    if result["is_index"]:
        for loc in locs:
            path = urlsplit(loc)._replace(scheme="", netloc="").geturl()
            page = timed_sitemap(server, path)
            del page["locs"]
            result["pages"].append(page)
    return result


def large_outputs(server):
    """The outputs that grow with the data, from a one-worker server with an empty cache."""
    # The worker's first requests load the URLs, templates and database connection.
    for path in ("/bg/", "/bg/cooperation/agreements/?page=2"):
        download(server, path)
    csv = timed_with_memory(server, "/bg/cooperation/agreements/?format=csv")
    csv["rows"] = csv.pop("body").count(b"\n") - 1
    region_index = wire_size(server, "/bg/cooperation/regions/")
    return {"sitemap": sitemap(server), "csv": csv, "region_index": region_index}

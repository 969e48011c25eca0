"""
Cold render time in process: every public page and API list through Django's test client, with
the cache emptied before each request, as for the first visitor after a save.

bench/run.py runs it in a subprocess with the benchmark's settings (debug off, the measured
database and cache) and reads the JSON it prints:

    python -m bench.render --repeat 7
    python -m bench.render --repeat 21 /bg/cooperation/ /bg/cooperation/map/   # some pages only

Each page is requested once to warm the process (imports, templates, URL resolvers, anything
computed once per process), then `repeat` times; the medians of the elapsed time and of the
process's CPU time are reported.
"""

import argparse
import json
import re
import statistics
import time

PAGES = {
    "home": "/bg/",
    "cooperation": "/bg/cooperation/",
    "agreements": "/bg/cooperation/agreements/",
    "agreements of an oblast": "/bg/cooperation/agreements/?region=brest-oblast",
    "map": "/bg/cooperation/map/",
    "region index": "/bg/cooperation/regions/",
    "region (an oblast)": "/bg/cooperation/regions/brest-oblast/",
    "visits": "/bg/cooperation/visits/",
    "news": "/bg/news/",
    "news feed (RSS)": "/bg/news/feed/rss/",
    "visits feed (RSS)": "/bg/cooperation/visits/feed/rss/",
}
# A detail page of each kind, found through the list that links to it.
DETAIL_LINKS = {
    "a visit": ("/bg/cooperation/visits/", r'href="(/bg/cooperation/visits/(?!feed/)[-\w]+/)"'),
    "a news entry": ("/bg/news/", r'href="(/bg/news/(?!feed/)[-\w]+/)"'),
}


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def detail_pages(client):
    """A visit and a news entry linked from their lists, and the first content page that
    answers with a page of its own, if any."""
    pages = {}
    for label, (list_path, pattern) in DETAIL_LINKS.items():
        found = re.search(pattern, body(client.get(list_path)).decode())
        if found:
            pages[label] = found.group(1)
    from django.apps import apps

    page_model = apps.get_model("embassy", "Page")
    for slug in page_model.objects.values_list("slug", flat=True)[:5]:
        if client.get(f"/bg/pages/{slug}/").status_code == 200:
            pages["a content page"] = f"/bg/pages/{slug}/"
            break
    return pages


def api_lists(client):
    """The list endpoints the API's root names."""
    root = json.loads(body(client.get("/api/", HTTP_ACCEPT="application/json")))
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in root.values()]
    return {path: path for path in paths}


def time_cold(client, cache, path, repeat):
    """Median milliseconds of `repeat` requests, each after emptying the cache: elapsed, and
    this process's CPU time (which other work on the machine hardly moves; it leaves out the
    time a PostgreSQL server spends on the queries)."""
    headers = {"HTTP_ACCEPT": "application/json"} if path.startswith("/api/") else {}
    elapsed, cpu = [], []
    for _attempt in range(repeat + 1):
        cache.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path, **headers)
        size = len(body(response))
        elapsed.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            return {"error": f"status {response.status_code}"}
    return {
        "ms": statistics.median(elapsed[1:]),
        "cpu_ms": statistics.median(cpu[1:]),
        "bytes": size,
        "runs": repeat,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("paths", nargs="*", help="only these pages (default: every one)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    pages = {path: path for path in args.paths} or {
        **PAGES,
        **detail_pages(client),
        **api_lists(client),
    }
    results = [
        {"label": label, "path": path, **time_cold(client, cache, path, args.repeat)}
        for label, path in pages.items()
    ]
    print(json.dumps(results))


if __name__ == "__main__":
    main()

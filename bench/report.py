"""
bench/RESULTS.md from the figures of one run: the issue's targets first, then the details.

Every table has a column per configuration (data size × database). Sizes are in KB of 1,000
bytes; ✓ marks a figure that meets its target, ✗ one that misses it.
"""

from collections import Counter

CACHED_RATIO, UNCACHED_RATIOS = 0.8, {"/bg/cooperation/": 0.15, "/bg/cooperation/agreements/": 0.25}
API_RATIO = 0.25
RENDER_MS = {"initial": 15, "50k": 50}
COOPERATION_GZIP_KB = 20
REGION_INDEX_KB = 150
SITEMAP_MS, SITEMAP_URLS, SITEMAP_MB = 1000, 50_000, 50
CSV_FIRST_BYTE_MS = 1000
DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def mark(ok):
    return "✓" if ok else "✗"


def kb(size):
    return f"{size / 1000:,.1f} KB"


def ms(value):
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def column(config):
    return f"{config['size']}, {DATABASES[config['database']]}"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def ratio_cell(row, target):
    if row is None:
        return "–"
    return f"{row['ratio']:.2f}× {mark(row['ratio'] >= target)} ({row['rps']:,.0f}/s)"


def slowest_render(config):
    timed = [row for row in config["render"] if "ms" in row]
    worst = max(timed, key=lambda row: row["ms"])
    limit = RENDER_MS[config["size"]]
    return f"{ms(worst['ms'])} {mark(worst['ms'] <= limit)} ({worst['label']})"


def wire_of(config, path):
    return next(row for row in config["wire"] if row["path"] == path)


def compressed_cell(row, limit_kb):
    ok = row["wire_bytes"] <= limit_kb * 1000
    note = "" if row["encoding"] != "none" else ", not compressed"
    return f"{kb(row['wire_bytes'])} {mark(ok)}{note}"


def sitemap_cell(config):
    sitemap = config["outputs"]["sitemap"]
    documents = sitemap["pages"] or [sitemap]
    slowest = max(row["total_ms"] for row in [sitemap, *documents])
    largest = max(documents, key=lambda row: row["bytes"])
    ok = (
        slowest <= SITEMAP_MS
        and all(row["urls"] <= SITEMAP_URLS for row in documents)
        and largest["bytes"] <= SITEMAP_MB * 1_000_000
    )
    kind = f"index of {len(documents)}" if sitemap["is_index"] else "one document"
    return f"{kind}; slowest {ms(slowest)}, largest {kb(largest['bytes'])} {mark(ok)}"


def targets(configs):
    rows = [
        ["`/bg/cooperation/` cached", f"≥ {CACHED_RATIO}×"]
        + [ratio_cell(c["cached"].get("/bg/cooperation/"), CACHED_RATIO) for c in configs],
    ]
    for path, target in UNCACHED_RATIOS.items():
        rows.append(
            [f"`{path}` cache off", f"≥ {target}×"]
            + [ratio_cell(c["uncached"].get(path), target) for c in configs]
        )
    rows += [
        ["`/api/agreements/`, cache on", f"≥ {API_RATIO}×"]
        + [ratio_cell(c["cached"].get("/api/agreements/"), API_RATIO) for c in configs],
        ["`/api/agreements/`, cache off", f"≥ {API_RATIO}×"]
        + [ratio_cell(c["uncached"].get("/api/agreements/"), API_RATIO) for c in configs],
        ["slowest cold render in process", "≤ 15 ms (initial), ≤ 50 ms (50k)"]
        + [slowest_render(c) for c in configs],
        ["`/bg/cooperation/` on the wire (gzip accepted)", f"≤ {COOPERATION_GZIP_KB} KB"]
        + [compressed_cell(wire_of(c, "/bg/cooperation/"), COOPERATION_GZIP_KB) for c in configs],
        ["`/sitemap.xml`", "each document ≤ 1 s, ≤ 50,000 URLs, ≤ 50 MB"]
        + [sitemap_cell(c) for c in configs],
        ["CSV download, first byte", f"≤ {ms(CSV_FIRST_BYTE_MS)}"]
        + [
            f"{ms(c['outputs']['csv']['ttfb_ms'])} "
            f"{mark(c['outputs']['csv']['ttfb_ms'] <= CSV_FIRST_BYTE_MS)}"
            for c in configs
        ],
        ["`/bg/cooperation/regions/`", f"< {REGION_INDEX_KB} KB"]
        + [
            f"{kb(c['outputs']['region_index']['plain_bytes'])} "
            f"{mark(c['outputs']['region_index']['plain_bytes'] < REGION_INDEX_KB * 1000)}"
            for c in configs
        ],
    ]
    return (
        ["## Targets of issue 14", ""]
        + table(["measure", "target", *map(column, configs)], rows)
        + [
            "✓ a target met, ✗ one missed. What bounds each missed target is in bench/README.md,"
            ' "What bounds the missed targets".',
            "",
        ]
    )


def load_row(configs):
    """The machine's load average before the runs of each configuration, lowest to highest."""
    cells = []
    for config in configs:
        loads = [row["load"] for mode in ("cached", "uncached") for row in config[mode].values()]
        cells.append(f"{min(loads):.1f} to {max(loads):.1f}" if loads else "–")
    return ["load average before each run", "", *cells]


def throughput(configs):
    paths = list(
        dict.fromkeys(path for c in configs for mode in ("cached", "uncached") for path in c[mode])
    )
    rows = []
    for mode, label in (("cached", "cache on"), ("uncached", "cache off")):
        for path in paths:
            cells = []
            for config in configs:
                row = config[mode].get(path)
                cells.append(
                    "–"
                    if row is None
                    else f"{row['rps']:,.0f}/s, {row['ratio']:.2f}×, "
                    f"p50 {ms(row['p50_ms'])}, p99 {ms(row['p99_ms'])}"
                )
            rows.append([f"`{path}`", label, *cells])
    failures = [
        f"- {column(c)}, {mode}, `{path}`: {row['non_2xx']} non-2xx, socket errors: "
        f"{row['socket_errors'] or 'none'}"
        for c in configs
        for mode in ("cached", "uncached")
        for path, row in c[mode].items()
        if row["non_2xx"] or row["socket_errors"]
    ]
    return (
        [
            "## Throughput",
            "",
            "Requests per second, the ratio to `/healthz` on the same server,"
            " and latency percentiles.",
            "",
        ]
        + table(["page", "page cache", *map(column, configs)], rows + [load_row(configs)])
        + (failures or ["No socket error and no non-2xx answer in any run."])
        + [""]
    )


def render_cell(row, size):
    if row is None:
        return "–"
    if "error" in row:
        return row["error"]
    return f"{ms(row['ms'])} {mark(row['ms'] <= RENDER_MS[size])} (CPU {ms(row['cpu_ms'])})"


def cold_render(configs, repeat):
    labels = list(dict.fromkeys(row["label"] for c in configs for row in c["render"]))
    rows = []
    for label in labels:
        found = [next((r for r in c["render"] if r["label"] == label), None) for c in configs]
        paths = sorted({f"`{row['path']}`" for row in found if row})
        rows.append(
            [label, "<br>".join(paths)]
            + [render_cell(row, c["size"]) for row, c in zip(found, configs, strict=True)]
        )
    return [
        "## Cold render in process",
        "",
        f"Median of {repeat} requests through Django's test client after a warm-up request,"
        " the cache emptied before each (the first request after a save); target ≤ 15 ms"
        " with the initial content, ≤ 50 ms at 50k. In brackets the process's CPU time,"
        " which other work on the machine hardly moves (on PostgreSQL it leaves out the"
        " server's time on the queries).",
        "",
    ] + table(["page", "path", *map(column, configs)], rows)


def memory(row):
    return f"{row['peak_rss_mb']:.0f} MB (from {row['rss_before_mb']:.0f} MB)"


def sitemap_rows(configs):
    rows = [
        ["`/sitemap.xml`: kind and URLs"]
        + [
            f"index of {len(c['outputs']['sitemap']['pages'])} pages"
            if c["outputs"]["sitemap"]["is_index"]
            else f"one document, {c['outputs']['sitemap']['urls']:,} URLs"
            for c in configs
        ],
        ["`/sitemap.xml`: size"] + [kb(c["outputs"]["sitemap"]["bytes"]) for c in configs],
        ["`/sitemap.xml`: first request, second request"]
        + [
            f"{ms(c['outputs']['sitemap']['total_ms'])}, {ms(c['outputs']['sitemap']['warm_ms'])}"
            for c in configs
        ],
        ["`/sitemap.xml`: worker's peak memory"]
        + [memory(c["outputs"]["sitemap"]) for c in configs],
    ]
    pages = max(len(c["outputs"]["sitemap"]["pages"]) for c in configs)
    for number in range(pages):
        cells = []
        for config in configs:
            found = config["outputs"]["sitemap"]["pages"][number : number + 1]
            cells.append(
                f"`{found[0]['path']}`: {found[0]['urls']:,} URLs, {kb(found[0]['bytes'])}, "
                f"{ms(found[0]['total_ms'])}, then {ms(found[0]['warm_ms'])}; {memory(found[0])}"
                if found
                else "–"
            )
        rows.append([f"sitemap page {number + 1}", *cells])
    return rows


def outputs(configs):
    rows = sitemap_rows(configs) + [
        ["CSV: rows, size"]
        + [f"{c['outputs']['csv']['rows']:,}, {kb(c['outputs']['csv']['bytes'])}" for c in configs],
        ["CSV: first byte, complete"]
        + [
            f"{ms(c['outputs']['csv']['ttfb_ms'])}, {ms(c['outputs']['csv']['total_ms'])}"
            for c in configs
        ],
        ["CSV: worker's peak memory"] + [memory(c["outputs"]["csv"]) for c in configs],
        ["`/bg/cooperation/regions/`: size, on the wire"]
        + [
            f"{kb(c['outputs']['region_index']['plain_bytes'])}, "
            f"{kb(c['outputs']['region_index']['wire_bytes'])}"
            for c in configs
        ],
    ]
    return [
        "## Outputs that grow with the data",
        "",
        "From a one-worker gunicorn with an empty cache, after two requests that warm the"
        " worker: the first request of each output, then the same again (served from the cache"
        " where the output is cached)."
        " Peak memory is the worker's peak resident memory (VmHWM) during the request, and its"
        " resident memory before it. The CSV is `/bg/cooperation/agreements/?format=csv`.",
        "",
    ] + table(["measure", *map(column, configs)], rows)


def wire_sizes(configs):
    shown = [c for c in configs if c["database"] == "sqlite"] or configs
    paths = list(dict.fromkeys(row["path"] for c in shown for row in c["wire"]))
    rows = []
    for path in paths:
        cells = []
        for config in shown:
            row = next((r for r in config["wire"] if r["path"] == path), None)
            cells.append(
                "–"
                if row is None
                else f"{kb(row['wire_bytes'])} ({row['encoding']}); {kb(row['plain_bytes'])}"
                f" uncompressed, {kb(row['gzip6_bytes'])} with gzip -6"
            )
        rows.append([f"`{path}`", *cells])
    return [
        "## Sizes on the wire",
        "",
        "The body a client sending `Accept-Encoding: gzip` receives from gunicorn, with its"
        " Content-Encoding; beside it the body uncompressed and what gzip level 6 makes of it.",
        "",
    ] + table(["page", *map(column, shown)], rows)


def failures(requests):
    """Failed requests, each address once with how many times it failed."""
    counted = Counter(requests)
    return ", ".join(f"{request} × {count}" for request, count in counted.items()) or "none"


def page_weight(configs):
    lines = [
        "## Page weight in Chromium",
        "",
        "Debian's Chromium, headless, through Playwright, with an empty browser cache, against"
        " gunicorn (static files from WhiteNoise as in production, media files as the reverse"
        " proxy would serve them). Bytes transferred (headers and body as sent) by resource type"
        " once the page has loaded and the network is idle (eager), and in all after scrolling"
        " to the end.",
        "",
    ]
    for config in configs:
        if not config.get("page_weight"):
            continue
        rows = []
        for row in config["page_weight"]:
            eager = row["eager"]
            rows.append(
                [row["page"], row["viewport"]]
                + [
                    kb(eager[kind])
                    for kind in ("document", "stylesheet", "script", "font", "image")
                ]
                + [kb(eager["other"]), f"**{kb(eager['total'])}** ({eager['requests']})"]
                + [f"{kb(row['after_scrolling']['total'])} ({row['after_scrolling']['requests']})"]
                + [failures(row["failed"])]
            )
        lines += [f"### {column(config)}", ""] + table(
            [
                "page",
                "viewport",
                "HTML",
                "CSS",
                "JS",
                "fonts",
                "images",
                "other",
                "eager (requests)",
                "after scrolling",
                "failed",
            ],
            rows,
        )
    return lines


def lighthouse(configs):
    found = [c for c in configs if c.get("lighthouse")]
    if not found:
        return []
    config = found[0]
    rows = [
        [
            row["page"],
            f"`{row['path']}`",
            row["performance"],
            row["accessibility"],
            row["best-practices"],
            row["seo"],
            "nothing to compress ✓"
            if row["text_compression_passed"]
            else f"✗ could save {kb(row['text_compression_savings_bytes'])}",
            ", ".join(row["missed_audits"]) or "none",
        ]
        for row in config["lighthouse"]["pages"]
    ]
    return [
        "## Lighthouse",
        "",
        f"Lighthouse {config['lighthouse']['version']} (npm, bench/package.json) with Debian's"
        f" Chromium, its default phone profile, against gunicorn, {column(config)}; the full"
        " reports are left in bench/.data/lighthouse/. Target: nothing to compress.",
        "",
    ] + table(
        [
            "page",
            "path",
            "performance",
            "accessibility",
            "best practices",
            "SEO",
            "enable text compression",
            "other audits missed",
        ],
        rows,
    )


def busy_machine_warning(meta, configs):
    """A warning when other work competed for the CPUs during the load runs."""
    loads = [
        row["load"] for c in configs for mode in ("cached", "uncached") for row in c[mode].values()
    ]
    if not loads or max(loads) <= meta["cpus"]:
        return []
    return [
        f"**The machine was busy**: its load average reached {max(loads):.1f} on"
        f" {meta['cpus']} CPUs before the load runs. Requests per second and elapsed times are"
        " lower than on a quiet machine; compare ratios and CPU times, and repeat the run on a"
        " quiet machine before judging a target by them.",
        "",
    ]


def header(meta, configs):
    databases = {c["database"]: c for c in configs}
    lines = [
        "# Benchmark results",
        "",
        f"Recorded {meta['date']} at commit {meta['commit']} ({meta['tree']}); the run took"
        f" {meta['minutes']:.0f} minutes. Command:",
        "",
        "```sh",
        meta["command"],
        "```",
        "",
        f"Machine: {meta['cpus']} CPUs, load average {meta['load_before']} before the run and"
        f" {meta['load_after']} after it (other work on the machine takes CPU from the server"
        f" and from wrk). {meta['versions']}.",
        "",
        *busy_machine_warning(meta, configs),
        "- Data: **initial** is the initial content (`manage.py load_initial_data`); **50k**"
        " adds `python -m bench.demo_data --regions 2000 --agreements 50000 --visits 5000"
        " --photos 2000 --seed 1`.",
    ]
    if "sqlite" in databases:
        lines.append(
            "- **SQLite**: the default set-up, each gunicorn worker with its own local-memory"
            " cache."
        )
    if "postgres" in databases:
        lines.append(
            "- **PostgreSQL**: a throwaway server started by `.ci/with-postgres` (fsync off), with"
            " Redis as the shared cache (`DJANGO_CACHE_URL=redis://…`)."
        )
    lines += [
        f"- Server: gunicorn, 2 sync workers, `DJANGO_DEBUG=0`, on loopback. Load: wrk, 2"
        f" threads, {meta['connections']} connections, {meta['duration']} s per page after a"
        " 2 s warm-up, on the same machine. Cache on: `PUBLIC_PAGE_CACHE_SECONDS=600`; cache"
        " off: `0`.",
        "",
    ]
    return lines


def write(path, meta, configs):
    lines = (
        header(meta, configs)
        + targets(configs)
        + throughput(configs)
        + cold_render(configs, meta["repeat"])
        + outputs(configs)
        + wire_sizes(configs)
        + page_weight(configs)
        + lighthouse(configs)
    )
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")

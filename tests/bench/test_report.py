"""bench/report.py marks each figure against the issue's target."""

from bench.report import targets


def rate(rps, ceiling=1000):
    return {"rps": rps, "ratio": rps / ceiling}


def sitemap(urls, total_ms, pages=()):
    return {
        "is_index": bool(pages),
        "urls": urls,
        "bytes": 300_000,
        "total_ms": total_ms,
        "pages": list(pages),
    }


def configuration(size, cooperation_cached_rps, render_ms, sitemap):
    wire = {"path": "/bg/cooperation/", "encoding": "gzip", "wire_bytes": 14_000}
    return {
        "size": size,
        "database": "sqlite",
        "cached": {"/bg/cooperation/": rate(cooperation_cached_rps), "/api/agreements/": rate(900)},
        "uncached": {
            "/bg/cooperation/": rate(100),
            "/bg/cooperation/agreements/": rate(300),
            "/api/agreements/": rate(300),
        },
        "render": [
            {"label": "cooperation", "path": "/bg/cooperation/", "ms": render_ms, "cpu_ms": 1.0}
        ],
        "wire": [wire],
        "outputs": {
            "sitemap": sitemap,
            "csv": {"ttfb_ms": 20.0},
            "region_index": {"plain_bytes": 120_000},
        },
    }


def row(lines, measure):
    return next(line for line in lines if line.startswith(f"| {measure} |")).split(" | ")[2:]


def test_figures_that_meet_or_miss_their_targets_are_marked():
    page = {"urls": 40_000, "bytes": 9_000_000, "total_ms": 800.0, "warm_ms": 5.0}
    lines = targets(
        [
            configuration("initial", 850, render_ms=14.0, sitemap=sitemap(484, 100.0)),
            configuration("50k", 500, render_ms=60.0, sitemap=sitemap(0, 50.0, [page, page])),
        ]
    )
    cached = row(lines, "`/bg/cooperation/` cached")
    assert cached[0].startswith("0.85× ✓") and cached[1].startswith("0.50× ✗")
    render = row(lines, "slowest cold render in process")
    assert "14.0 ms ✓" in render[0] and "60.0 ms ✗" in render[1]
    assert "index of 2" in row(lines, "`/sitemap.xml`")[1]
    assert all("✓" in cell for cell in row(lines, "`/sitemap.xml`"))


def test_one_sitemap_document_beyond_the_protocols_limit_is_missed():
    too_many = sitemap(60_000, 900.0)
    lines = targets([configuration("50k", 850, render_ms=10.0, sitemap=too_many)])
    assert "one document" in row(lines, "`/sitemap.xml`")[0]
    assert "✗" in row(lines, "`/sitemap.xml`")[0]

"""bench/throughput.py reads wrk's report: requests per second, percentiles, failures."""

from bench.throughput import parse_wrk, to_ms

WRK_REPORT = """Running 10s test @ http://127.0.0.1:18765/bg/cooperation/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.01ms    3.12ms  80.00ms   90.00%
    Req/Sec   800.00     50.00     0.90k    70.00%
  Latency Distribution
     50%   19.50ms
     75%   21.00ms
     90%   23.00ms
     99%    1.20s
  15960 requests in 10.01s, 1.40GB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:   1594.41
Transfer/sec:    143.20MB
"""


def test_reads_rate_percentiles_and_failures():
    assert parse_wrk(WRK_REPORT) == {
        "rps": 1594.41,
        "requests": 15960,
        "p50_ms": 19.5,
        "p99_ms": 1200.0,
        "socket_errors": "connect 0, read 0, write 0, timeout 3",
        "non_2xx": 12,
    }


def test_a_clean_run_has_no_failures():
    clean = WRK_REPORT.replace("  Socket errors: connect 0, read 0, write 0, timeout 3\n", "")
    clean = clean.replace("  Non-2xx or 3xx responses: 12\n", "")
    result = parse_wrk(clean)
    assert (result["socket_errors"], result["non_2xx"]) == ("", 0)


def test_wrk_time_units():
    assert [to_ms(value) for value in ("850.00us", "12.5ms", "2.00s", "1.00m")] == [
        0.85,
        12.5,
        2000.0,
        60_000.0,
    ]

"""`make bench`: seed a large PostgreSQL database, serve it with gunicorn under the production
settings, measure every page type with the cache off and on, run the feature benchmarks, and
print one table with each target met or missed. See docs/benchmarks.md.

Environment (all optional):
  BENCH_QUICK=1            a fast check: 10 requests a page, wrk for 2 s (figures are rough)
  BENCH_DATABASE_URL       postgres://postgres@127.0.0.1:5432/amasq_bench (created if missing)
  BENCH_REDIS_URL          redis://127.0.0.1:6379/13, the cache for the "cache on" run (flushed)
  BENCH_PORT               8141 for gunicorn; BENCH_SMTP_PORT 8146 for the newsletter's SMTP sink
  BENCH_RUNS, BENCH_WRK_SECONDS   override the number of sequential requests and wrk's duration
  BENCH_RECORD_BASELINE=1  save this run's cache-off figures as bench/baseline.json
  BENCH_KEEP_PAGES=1       reuse the page figures of the last run (var/bench/pages-cache-*.json)
                           and run the feature benchmarks only: after a failure past the pages
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from server import ensure_database, gunicorn, production_environment

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASELINE = ROOT / "bench" / "baseline.json"
RESULTS = ROOT / "var" / "bench"
QUICK = os.environ.get("BENCH_QUICK") == "1"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/amasq_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
PORT = int(os.environ.get("BENCH_PORT", "8141"))
SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8146"))
RUNS = os.environ.get("BENCH_RUNS", "10" if QUICK else "50")
WRK_SECONDS = os.environ.get("BENCH_WRK_SECONDS", "2" if QUICK else "10")
# The pages whose anonymous throughput must grow tenfold with the cache on (issue 12).
THROUGHPUT_PAGES = ("home", "directory", "mas_page")
QUERY_BUDGET = 10


def log(message):
    print(message, file=sys.stderr, flush=True)


def find_wrk():
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("Installing wrk (apt-get install -y wrk)…")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
        return shutil.which("wrk") or ""
    log("wrk is missing: `sudo apt-get install -y wrk` (Debian), then run again. Load tests are skipped.")
    return ""


def site_environment(static_root):
    """The production settings with throwaway secrets, over plain HTTP on 127.0.0.1."""
    env = production_environment(
        "bench",
        static_root=static_root,
        base_url=f"http://127.0.0.1:{PORT}",
        database_url=DATABASE_URL,
        allowed_hosts="127.0.0.1,localhost,testserver",
    )
    return env | {
        "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
        "BENCH_QUICK": "1" if QUICK else "0",
        "BENCH_SMTP_PORT": str(SMTP_PORT),
    }


def run_json(script, env):
    output = subprocess.run(
        [PYTHON, str(ROOT / "bench" / script)], env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE
    )
    return json.loads(output.stdout.decode().strip().splitlines()[-1])


def measure_pages(env, mode, wrk):
    kept = RESULTS / f"pages-cache-{mode}.json"
    if os.environ.get("BENCH_KEEP_PAGES") == "1" and kept.exists():
        log(f"Pages, cache {mode}: the figures of the last run ({kept.relative_to(ROOT)})")
        return json.loads(kept.read_text())
    env = {**env, "BENCH_BASE_URL": f"http://127.0.0.1:{PORT}", "BENCH_RUNS": RUNS}
    env |= {"BENCH_WRK_SECONDS": WRK_SECONDS, "BENCH_WRK": wrk}
    if mode == "on":
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        env["REDIS_URL"] = REDIS_URL
    else:
        # Cache off: no page cache (home/page_cache.py); the layout cache in each worker's memory stays.
        env["DJANGO_PAGE_CACHE_SECONDS"] = "0"
    with gunicorn(env, PORT, RESULTS / f"gunicorn-cache-{mode}.log"):
        log(f"Measuring the pages, cache {mode}…")
        figures = run_json("pages.py", env)
    # Kept at once: a later step that fails must not lose a long measurement.
    (RESULTS / f"pages-cache-{mode}.json").write_text(json.dumps(figures, indent=2))
    return figures


# The table


def verdict(ok):
    return "met" if ok else "**missed**"


def load_figures(figures):
    return (
        f"{figures['rps']:.0f} req/s, p50 {figures['p50_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms, "
        f"{figures['errors']} errors"
    )


def page_rows(key, off, on, baseline):
    label = off["label"]
    base = baseline.get("pages", {}).get(key)
    rows = []
    queries_ok = off["queries"] <= QUERY_BUDGET and on["queries"] <= QUERY_BUDGET
    rows.append(
        (
            f"{label}: SQL queries",
            f"{off['queries']} off · {on['queries']} on",
            "—" if off["portal"] else f"≤ {QUERY_BUDGET}",
            "—" if off["portal"] else verdict(queries_ok),
        )
    )
    time_target, time_verdict = "—", "—"
    if base:
        time_target = f"median ≤ {base['median_ms'] / 2:.0f} ms (½ of {base['median_ms']:.0f})"
        time_verdict = verdict(off["median_ms"] <= base["median_ms"] / 2)
    rows.append(
        (
            f"{label}: server time median / p95",
            f"{off['median_ms']:.0f} / {off['p95_ms']:.0f} ms off · {on['median_ms']:.0f} / {on['p95_ms']:.0f} ms on",
            time_target,
            time_verdict,
        )
    )
    for connections in (8, 64):
        if f"wrk{connections}" not in off:
            continue
        target, result = "—", "—"
        if key in THROUGHPUT_PAGES and base and "rps8" in base:
            if connections == 8:
                target = f"on ≥ {base['rps8'] * 10:.0f} req/s (10× {base['rps8']:.0f}), no error"
                result = verdict(on["wrk8"]["rps"] >= base["rps8"] * 10 and on["wrk8"]["errors"] == 0)
            else:
                target, result = "on: no error", verdict(on["wrk64"]["errors"] == 0)
        rows.append(
            (
                f"{label}: wrk {connections} connections",
                f"off {load_figures(off[f'wrk{connections}'])} · on {load_figures(on[f'wrk{connections}'])}",
                target,
                result,
            )
        )
    return rows


def feature_rows(features):
    near_median, near_p95 = features["near_me"]
    page_median, page_p95 = features["near_me_page"]
    search_median, search_p95 = features["resource_search"]
    facet_median, facet_p95 = features["resource_search_facets"]
    suggestion_median, suggestion_p95 = features["mentoring_suggestions"]
    proposal = features["mentoring_proposal"]
    newsletter = features["newsletter"]
    return [
        (
            "near-me search alone (postal code, 10,000 MAS), median / p95",
            f"{near_median:.0f} / {near_p95:.0f} ms",
            "p95 < 50 ms",
            verdict(near_p95 < 50),
        ),
        ("near-me, whole page (test client), median / p95", f"{page_median:.0f} / {page_p95:.0f} ms", "—", "—"),
        (
            "resource search alone ('decrochage', 5,000), median / p95",
            f"{search_median:.0f} / {search_p95:.0f} ms",
            "p95 < 100 ms",
            verdict(search_p95 < 100),
        ),
        (
            "resource search + kind + theme, median / p95",
            f"{facet_median:.0f} / {facet_p95:.0f} ms",
            "p95 < 100 ms",
            verdict(facet_p95 < 100),
        ),
        (
            "mentoring suggestions (5,000 members), median / p95",
            f"{suggestion_median:.0f} / {suggestion_p95:.0f} ms",
            "p95 < 200 ms",
            verdict(suggestion_p95 < 200),
        ),
        (
            f"mentoring proposal, {proposal['mentees']} mentees × {proposal['mentors']} mentors",
            f"{proposal['seconds']:.2f} s ({proposal['matched']} matched)",
            "< 5 s",
            verdict(proposal["seconds"] < 5),
        ),
        (
            "newsletter send rate (SMTP sink)",
            f"{newsletter['per_second']:.0f} messages/s ({newsletter['sent']} in {newsletter['seconds']:.1f} s)",
            "—",
            verdict(newsletter["sent"] == newsletter["received"] == 1000) + " (all 1,000 delivered)",
        ),
    ]


def table(pages, features, baseline):
    rows = [("Measure", "Figure", "Target", "Verdict")]
    for key, off in pages["off"].items():
        rows += page_rows(key, off, pages["on"][key], baseline)
    rows += feature_rows(features)
    lines = [f"| {' | '.join(rows[0])} |", "| --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows[1:]]
    return "\n".join(lines)


def record_baseline(pages):
    figures = {
        key: {"median_ms": round(page["median_ms"], 1)} | ({"rps8": page["wrk8"]["rps"]} if "wrk8" in page else {})
        for key, page in pages["off"].items()
    }
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    recorded = {"recorded": f"{datetime.now(UTC):%Y-%m-%d} on {commit.strip()}, cache off", "pages": figures}
    BASELINE.write_text(json.dumps(recorded, indent=2) + "\n")
    log(f"Baseline written to {BASELINE.relative_to(ROOT)}")


def main():
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    wrk = find_wrk()
    ensure_database(DATABASE_URL)
    static_root = Path(tempfile.mkdtemp(prefix="amasq-bench-static-"))
    try:
        env = site_environment(static_root)
        log("Seeding (resumable; quick when already done)…")
        subprocess.run([PYTHON, "bench/seed.py"], env=env, cwd=ROOT, check=True)
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
        pages = {mode: measure_pages(env, mode, wrk) for mode in ("off", "on")}
        log("Feature benchmarks…")
        features = run_json("features.py", env)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    if os.environ.get("BENCH_RECORD_BASELINE") == "1" and not QUICK:
        record_baseline(pages)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    (RESULTS / "results.json").write_text(json.dumps({"pages": pages, "features": features}, indent=2))
    mode = "quick" if QUICK else "full"
    print(
        f"\nAMASQ benchmark ({mode}: {RUNS} sequential requests a page, wrk {WRK_SECONDS} s; gunicorn 2 workers, "
        f"production settings, PostgreSQL; cache off = no REDIS_URL and no page cache, cache on = Redis with the page cache; "
        f"baseline: {baseline.get('recorded', 'none recorded')})\n"
    )
    print(table(pages, features, baseline))
    log(f"\nDone in {time.monotonic() - started:.0f} s; raw figures in {(RESULTS / 'results.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()

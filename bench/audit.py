"""`make audit`: Lighthouse and axe-core on the demo site served by gunicorn with the production
settings, then the scores written to docs/audit.md.

- Lighthouse (tools/audit/, pinned in its package-lock.json; `npm ci` on first use), mobile
  preset, against Debian's Chromium, on the home page, the directory, a MAS page, an event page
  and the resource search. Budget: performance >= 95; accessibility, best practices, SEO = 100.
- axe-core (axe-playwright-python, as in tests/e2e) on every page type in French and English:
  WCAG 2.1 A and AA rules, no violation.

The demo content is loaded into its own database (AUDIT_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/amasq_audit, created if missing). Port AUDIT_PORT (8142).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from server import ensure_database, gunicorn, production_environment

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TOOLS = ROOT / "tools" / "audit"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DATABASE_URL = os.environ.get("AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/amasq_audit")
PORT = int(os.environ.get("AUDIT_PORT", "8142"))
BASE = f"http://127.0.0.1:{PORT}"
RESULTS = ROOT / "var" / "audit"
REPORT = ROOT / "docs" / "audit.md"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Audits that cannot pass on http://127.0.0.1, whatever the site does: see docs/audit.md.
HTTPS_ONLY = {"is-on-https", "redirects-http"}


def log(message):
    print(message, file=sys.stderr, flush=True)


def environment(static_root):
    env = production_environment(
        "audit", static_root=static_root, base_url=BASE, database_url=DATABASE_URL, allowed_hosts="127.0.0.1,localhost"
    )
    return env | {
        # No Internet here: the map's tiles from bench/urls.py rather than OpenStreetMap.
        "DJANGO_MAP_TILE_URL": f"{BASE}/bench-tiles/{{z}}/{{x}}/{{y}}.png",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",  # Playwright's sync API runs an event loop
    }


def prepare(env):
    ensure_database(DATABASE_URL)
    manage = [PYTHON, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True)
    # load_demo only adds what is missing; the worker then builds the search index it queued.
    subprocess.run([*manage, "load_demo"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "db_worker", "--batch"], env=env, cwd=ROOT, check=True, capture_output=True)
    if not LIGHTHOUSE.exists():
        log("Installing Lighthouse (npm ci in tools/audit)…")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True)


def page_urls():
    """{name: {language: url}} for axe (every page type), and the Lighthouse five, from the database."""
    import django

    django.setup()
    from resources.models import ResourceAudience, ResourceIndexPage, ResourcePage
    from tests.e2e.pages import PAGE_URLS, live_page, url_of

    every = {kind: {language: url(language) for language in ("fr", "en")} for kind, url in PAGE_URLS.items()}
    every["resource index"] = {language: url_of(ResourceIndexPage, language) for language in ("fr", "en")}
    every["resource search"] = {
        language: url_of(ResourceIndexPage, language) + "?q=" + ("decrochage" if language == "fr" else "dropout")
        for language in ("fr", "en")
    }
    every["resource page"] = {
        language: ResourcePage.objects.live()
        .filter(locale__language_code=language, audience=ResourceAudience.PUBLIC)
        .order_by("path")
        .first()
        .url
        for language in ("fr", "en")
    }
    lighthouse = {
        "home": every["home"]["fr"],
        "directory": every["school directory"]["fr"],
        "MAS page": every["school page"]["fr"],
        "event page": every["event page"]["fr"],
        "resource search": every["resource search"]["fr"],
    }
    assert live_page  # the same lookups as the browser tests
    return every, lighthouse


def run_lighthouse(name, url):
    output = RESULTS / f"lighthouse-{name.replace(' ', '-').lower()}.json"
    command = [
        str(LIGHTHOUSE),
        BASE + url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    # Lighthouse now and then loses the trace of a page load (NO_NAVSTART, "run Lighthouse again"):
    # one more try before the audit fails.
    if subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False).returncode:
        log(f"Lighthouse failed on {url}; trying once more")
        subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    report = json.loads(output.read_text())
    scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
    failing = sorted(
        {
            audit_id
            for category in CATEGORIES
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] > 0 and (audit := report["audits"][ref["id"]])["score"] is not None and audit["score"] < 1
            for audit_id in [ref["id"]]
        }
    )
    return scores, failing


def run_axe(every):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:] + ["--headless"])
        page = browser.new_page()
        for kind, urls in every.items():
            for language, url in urls.items():
                page.goto(BASE + url)
                results = Axe().run(page, options=options)
                found[(kind, language)] = (
                    results.violations_count,
                    sorted({violation["id"] for violation in results.response["violations"]}),
                )
        browser.close()
    return found


def write_report(lighthouse, axe):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on commit {commit.strip()} (`make audit`).",
        "",
        "### Lighthouse (mobile preset)",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO | Audits below 1 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, (scores, failing) in lighthouse.items():
        cells = [f"{scores[key]}" if scores[key] >= BUDGET[key] else f"**{scores[key]}**" for key in CATEGORIES]
        lines.append(f"| {name} | {' | '.join(cells)} | {', '.join(failing) or '—'} |")
    lines += ["", "### axe-core (WCAG 2.1 A and AA)", "", "| Page type | French | English |", "| --- | --- | --- |"]
    for kind in dict.fromkeys(kind for kind, _language in axe):
        cells = []
        for language in ("fr", "en"):
            count, ids = axe[(kind, language)]
            cells.append("0" if not count else f"**{count}** ({', '.join(ids)})")
        lines.append(f"| {kind} | {' | '.join(cells)} |")
    text = REPORT.read_text()
    start = text.index("<!-- scores -->") + len("<!-- scores -->")
    end = text.index("<!-- /scores -->")
    REPORT.write_text(text[:start] + "\n" + "\n".join(lines) + "\n" + text[end:])
    return "\n".join(lines)


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="amasq-audit-static-"))
    env = environment(static_root)
    os.environ.update({key: value for key, value in env.items() if key != "PYTHONPATH"})
    sys.path.insert(0, str(ROOT))
    try:
        prepare(env)
        every, five = page_urls()
        with gunicorn(env, PORT, RESULTS / "gunicorn.log"):
            lighthouse = {}
            for name, url in five.items():
                log(f"Lighthouse: {name} ({url})")
                lighthouse[name] = run_lighthouse(name, url)
            log("axe-core on every page type, French and English…")
            axe = run_axe(every)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    print(write_report(lighthouse, axe))
    met = all(
        scores[key] >= BUDGET[key] for scores, _failing in lighthouse.values() for key in CATEGORIES
    ) and not any(count for count, _ids in axe.values())
    print(f"\nBudget {'met' if met else 'MISSED'} (see docs/audit.md)")


if __name__ == "__main__":
    main()

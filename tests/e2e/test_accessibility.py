"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in French and in English.

One test per language walks every page type: loading the demo content is what costs time here.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import ContactPage
from tests.e2e.pages import PAGE_URLS, url_of

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def violations_report(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else ""


def submit_empty_contact_form(page, language):
    page.goto(url_of(ContactPage, language))
    form = page.locator("main form[method='post']")
    # The server, not the browser, must reject the form: its error messages are what is checked.
    form.evaluate("form => { form.noValidate = true; }")
    form.locator("[type='submit']").click()
    page.wait_for_load_state()
    assert page.locator("main [aria-invalid='true']").count() > 0, "the contact form showed no field errors"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_has_no_wcag_21_aa_violations(site, page, language):
    reports = {}
    for kind, url in PAGE_URLS.items():
        page.goto(url(language))
        reports[f"{kind} ({page.url})"] = violations_report(page)
    submit_empty_contact_form(page, language)
    reports[f"contact page with errors ({page.url})"] = violations_report(page)

    failing = {name: report for name, report in reports.items() if report}
    assert not failing, "\n\n".join(f"== {name}\n{report}" for name, report in failing.items())

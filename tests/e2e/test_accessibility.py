import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import ContactPage
from tests.e2e.pages import PAGE_URLS, url_of

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def assert_no_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", PAGE_URLS)
def test_page_has_no_wcag_21_aa_violations(site, page, kind, language):
    page.goto(PAGE_URLS[kind](language))

    assert_no_violations(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_contact_form_with_errors_has_no_wcag_21_aa_violations(site, page, language):
    page.goto(url_of(ContactPage, language))
    form = page.locator("main form[method='post']")
    # Let the server, not the browser, reject the empty form: its error messages are what is checked.
    form.evaluate("form => { form.noValidate = true; }")

    form.locator("[type='submit']").click()

    page.wait_for_load_state()
    assert page.locator("main [aria-invalid='true']").count() > 0
    assert_no_violations(page)

"""The resources in Chromium (issue 9): axe finds no WCAG 2.1 A/AA violation on the list (with a
search and its facets), a resource page and the proposal form, in French and English; an
anonymous search for "decrochage" finds public resources only, a demo member's finds more."""

import pytest
from playwright.sync_api import expect

from members.demo_accounts import DEMO_PASSWORD
from resources.models import ResourceIndexPage, ResourcePage
from tests.e2e.pages import live_page, named_url
from tests.e2e.test_accessibility import violations_report

MEMBER = "coordination.levis@example.org"


def sign_in(page, language):
    page.goto(named_url("account_login", language))
    page.fill("input[name='login']", MEMBER)
    page.fill("input[name='password']", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form[method='post'] [type='submit']").last.click()


def public_resource(language):
    page = (
        ResourcePage.objects.live().filter(locale__language_code=language, audience="public").order_by("path").first()
    )
    assert page is not None
    return page.url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_resources_pages_have_no_wcag_21_aa_violations(site, page, language):
    index = live_page(ResourceIndexPage, language).url
    reports = {}
    for name, url in [
        ("list", index),
        ("search with facets", f"{index}?q=decrochage&kind=guide"),
        ("refused search", f"{index}?q={'x' * 300}&theme=nope"),
        ("resource page", public_resource(language)),
    ]:
        page.goto(url)
        reports[f"{name} ({page.url})"] = violations_report(page)
    sign_in(page, language)
    page.goto(named_url("resources_portal:propose", language))
    reports[f"proposal form ({page.url})"] = violations_report(page)
    page.locator("main form[method='post'] [type='submit']").last.click()
    page.wait_for_load_state()
    reports[f"proposal form with errors ({page.url})"] = violations_report(page)

    failing = {name: report for name, report in reports.items() if report}
    assert not failing, "\n\n".join(f"== {name}\n{report}" for name, report in failing.items())


def test_a_search_without_javascript_finds_more_for_a_member(site, browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(live_page(ResourceIndexPage, "fr").url)
    page.fill("input[name='q']", "decrochage")
    with page.expect_navigation():
        page.locator("main form[role='search'] [type='submit']").click()
    anonymous = page.locator(".resource-card__title").all_inner_texts()
    assert anonymous
    assert "Grille d'entrevue d'accueil" not in anonymous

    sign_in(page, "fr")
    page.goto(live_page(ResourceIndexPage, "fr").url + "?q=decrochage")
    expect(page.locator(".resource-card__title", has_text="Grille d'entrevue d'accueil")).to_be_visible()
    context.close()

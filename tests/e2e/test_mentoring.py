"""Mentoring as people meet it, in Chromium on the demo site, with the emails read from a real
SMTP server (issue 11's "Done when"); and axe on every mentoring page, in French and English."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from members.demo_accounts import DEMO_PASSWORD
from members.mentoring.models import Mentorship, State
from tests.e2e.pages import named_url
from tests.e2e.test_accessibility import violations_report
from tests.e2e.test_portal_journey import last_link_to, submit, totp_code
from tests.factories.accounts import PASSWORD, make_staff

CAMILLE = "coordination.levis@example.org"  # mentors in the demo, in Lévis
OLIVIER = "enseignement.lasalle@example.org"  # looks for a mentor in the demo, in LaSalle
STAFF_SECRET = "JBSWY3DPEHPK3PXP"  # what tests.factories.accounts.add_totp sets up


def sign_in(page, email, password=DEMO_PASSWORD, language="en"):
    page.goto(named_url("account_login", language))
    page.fill("input[name='login']", email)
    page.fill("input[name='password']", password)
    submit(page)


def sign_in_staff(page, language):
    make_staff(email="equipe.mentorat@example.org")
    sign_in(page, "equipe.mentorat@example.org", PASSWORD, language)
    page.fill("input[name='code']", totp_code(STAFF_SECRET))
    # Pressing Enter sends the code; the page's last button cancels the sign-in.
    with page.expect_navigation():
        page.press("input[name='code']", "Enter")


def mentoring_url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"mentoring:{name}", kwargs=kwargs or None)


def test_a_member_asks_a_suggested_mentor_who_accepts_from_the_email_link(site, new_context, smtp_server):
    olivier = new_context().new_page()
    sign_in(olivier, OLIVIER)

    # From the portal home, the menu leads to mentoring, where suggestions come with their reasons.
    olivier.get_by_role("navigation", name="Member portal").get_by_role("link", name="Mentoring").click()
    expect(olivier).to_have_url(re.compile(r"/en/portal/mentoring/$"))
    olivier.get_by_role("link", name="See all my suggestions").click()
    first = olivier.locator(".mentoring-suggestion").first
    expect(first).to_contain_text("Camille Fortin")
    expect(first).to_contain_text("2 topics in common; both in French")
    first.get_by_role("link", name="Ask Camille Fortin").click()
    olivier.fill("textarea[name='message']", "Hello Camille, could we talk about school partnerships?")
    submit(olivier)
    expect(olivier.locator(".messages")).to_contain_text("Your request has been sent to Camille Fortin")

    # Camille opens the link in her email, signs in, and lands on the request to accept it.
    path, text = last_link_to(smtp_server, CAMILLE)
    assert "could we talk about school partnerships" in text
    camille = new_context().new_page()
    camille.goto(path)
    expect(camille).to_have_url(re.compile(r"/(connexion|login)/\?next="))
    camille.fill("input[name='login']", CAMILLE)
    camille.fill("input[name='password']", DEMO_PASSWORD)
    submit(camille)
    expect(camille).to_have_url(re.compile(re.escape(path) + "$"))
    camille.fill("textarea[name='accept-message']", "Avec plaisir, Olivier!")
    camille.locator("form[action$='/accept/'], form[action$='/accepter/']").get_by_role("button").click()
    camille.wait_for_load_state()
    expect(camille.locator(".mentoring-state--active").first).to_be_visible()

    # Olivier is told by email, and both see the relationship in the portal.
    _path, text = last_link_to(smtp_server, OLIVIER)
    assert "Avec plaisir, Olivier!" in text
    olivier.goto(named_url("members:home", "en"))
    expect(olivier.locator(".portal-section--mentoring")).to_contain_text("Mentored by Camille Fortin")
    camille.goto(named_url("members:home", "en"))
    expect(camille.locator(".portal-section--mentoring")).to_contain_text("Mentoring Olivier Bergeron")
    assert Mentorship.objects.get(mentee__email=OLIVIER).state == State.ACTIVE


def test_a_decline_leads_to_fresh_suggestions(site, new_context, smtp_server):
    olivier = new_context().new_page()
    sign_in(olivier, OLIVIER)
    olivier.goto(mentoring_url("suggestions", "en"))
    olivier.get_by_role("link", name="Ask Camille Fortin").click()
    submit(olivier)

    path, _text = last_link_to(smtp_server, CAMILLE)
    camille = new_context().new_page()
    sign_in(camille, CAMILLE)
    camille.goto(path)
    camille.fill("textarea[name='decline-message']", "Pas cet automne, désolée.")
    camille.locator("form[action$='/decline/'], form[action$='/decliner/']").get_by_role("button").click()
    camille.wait_for_load_state()

    # The email to Olivier leads to his suggestions, refreshed: Camille is no longer among them.
    suggestions, text = last_link_to(smtp_server, OLIVIER)
    assert "Pas cet automne, désolée." in text
    olivier.goto(suggestions)
    expect(olivier.locator(".mentoring-suggestion").first).to_be_visible()
    expect(olivier.locator(".mentoring-suggestion", has_text="Camille Fortin")).to_have_count(0)

    # "Not for me" sets a suggestion aside for good (a real browser's POST, CSRF token and all).
    olivier.goto(mentoring_url("suggestions", "en"))
    first = olivier.locator(".mentoring-suggestion").first
    name = first.locator("h3").inner_text()
    with olivier.expect_navigation():
        first.get_by_role("button", name=re.compile("Not for me")).click()
    expect(olivier.locator(".messages")).to_contain_text(f"{name} will not be suggested to you again")
    expect(olivier.locator(".mentoring-suggestion", has_text=name)).to_have_count(0)


def check(page, url, reports):
    response = page.goto(url)
    assert (response.status, urlsplit(page.url).path) == (200, url), f"{url} answered {response.status} at {page.url}"
    reports[page.url] = violations_report(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_mentoring_pages_have_no_wcag_21_aa_violations(site, new_context, smtp_server, language):
    reports = {}
    olivier = new_context().new_page()
    sign_in(olivier, OLIVIER, language=language)
    for name in ("home", "offer", "request", "suggestions"):
        check(olivier, mentoring_url(name, language), reports)
    check(olivier, named_url("members:home", language), reports)
    camille_id = Mentorship.objects.filter(mentor__email=CAMILLE).values_list("mentor_id", flat=True).first()
    check(olivier, mentoring_url("ask", language, mentor_id=camille_id), reports)
    submit(olivier)
    assert "/relationships/" in olivier.url or "/relations/" in olivier.url
    reports[f"relationship, mentee ({olivier.url})"] = violations_report(olivier)
    # A form refused by the server, its errors shown.
    olivier.goto(mentoring_url("offer", language))
    olivier.locator("main form[method='post']").evaluate("form => { form.noValidate = true; }")
    submit(olivier)
    assert olivier.locator("main .error-summary").count() == 1
    reports[f"offer form with errors ({olivier.url})"] = violations_report(olivier)

    camille = new_context().new_page()
    sign_in(camille, CAMILLE, language=language)
    check(camille, mentoring_url("home", language), reports)
    for mentorship in Mentorship.objects.filter(mentor__email=CAMILLE):
        check(camille, mentoring_url("relationship", language, pk=mentorship.pk), reports)
        if mentorship.state == State.ACTIVE:
            check(camille, mentoring_url("close", language, pk=mentorship.pk), reports)

    staff = new_context().new_page()
    sign_in_staff(staff, language)
    for name in ("pool", "proposal", "reports"):
        check(staff, mentoring_url(name, language), reports)

    failing = {url: report for url, report in reports.items() if report}
    assert not failing, "\n\n".join(f"== {url}\n{report}" for url, report in failing.items())

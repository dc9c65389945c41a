"""The member portal as new people meet it, in Chromium, with the emails read from a real SMTP
server: issue 4's "Done when"."""

import json
import re
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from members.models import AccessRequest, Invitation, MemberProfile
from tests.e2e.pages import named_url
from tests.e2e.test_accessibility import violations_report
from tests.factories.accounts import PASSWORD, make_staff

STAFF_EMAIL = "equipe.e2e@example.org"
NEW_PASSWORD = "Une-phrase-de-passe-2027"


def assert_no_violations(page):
    report = violations_report(page)
    assert not report, f"{page.url}\n{report}"


def totp_code(secret):
    # allauth accepts the current 30-second window only: near its end, wait for the next one, or a
    # slow submit (CI under load) arrives with a code that has just expired.
    left = 30 - time.time() % 30
    if left < 8:
        time.sleep(left + 0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def last_link_to(smtp_server, address):
    """The link of the latest email sent to `address`, as a path on the live server."""
    for recipients, message in zip(reversed(smtp_server.recipients), reversed(smtp_server.messages), strict=True):
        if address in recipients:
            text = message.get_body(preferencelist=("plain",)).get_content()
            links = [line.strip() for line in text.splitlines() if line.strip().startswith("http")]
            return re.sub(r"^https?://[^/]+", "", links[0]) if links else None, text
    raise AssertionError(f"no email to {address}")


def submit(page):
    # Wait for the answer to the POST itself: a later goto() would otherwise cancel it mid-flight.
    with page.expect_navigation():
        page.locator("main form[method='post'] [type='submit']").last.click()


def sign_in(page, email, password):
    page.goto(named_url("account_login", "en"))
    page.fill("input[name='login']", email)
    page.fill("input[name='password']", password)
    submit(page)


def create_account(page, path, first_name, last_name):
    page.goto(path)
    assert_no_violations(page)
    page.fill("input[name='first_name']", first_name)
    page.fill("input[name='last_name']", last_name)
    page.fill("input[name='password1']", NEW_PASSWORD)
    page.fill("input[name='password2']", NEW_PASSWORD)
    submit(page)


@pytest.fixture
def staff_page(site, new_context, smtp_server):
    """AMASQ staff, signed in with two-factor authentication set up on the way to the admin."""
    make_staff(totp=False, email=STAFF_EMAIL, first_name="Annie", last_name="Tremblay")
    page = new_context().new_page()
    sign_in(page, STAFF_EMAIL, PASSWORD)

    page.goto("/admin/")

    # allauth asks for the password again before a second factor is added.
    expect(page).to_have_url(re.compile(r"/reauthenticate/\?next=.*2fa.*totp.*activate"))
    page.fill("input[name='password']", PASSWORD)
    submit(page)
    expect(page).to_have_url(re.compile(r"/2fa/totp/activate/"))
    assert_no_violations(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name='code']", totp_code(secret))
    submit(page)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def test_invited_coordinator_invites_a_colleague_who_edits_their_profile_exports_and_deletes(
    staff_page, new_context, smtp_server
):
    # AMASQ staff invite a coordinator from the admin.
    staff_page.goto("/admin/invitations/new/")
    staff_page.fill("input[name='email']", "coordination.e2e@example.org")
    staff_page.select_option("select[name='school']", label="École du milieu de Lévis")
    staff_page.select_option("select[name='role']", "coordinator")
    staff_page.select_option("select[name='language']", "fr")
    staff_page.locator("#w-editor-form [type='submit']").first.click()
    staff_page.wait_for_load_state()

    # The coordinator sets a password from the email, lands signed in, and invites a colleague.
    path, text = last_link_to(smtp_server, "coordination.e2e@example.org")
    assert "École du milieu de Lévis" in text
    coordinator = new_context().new_page()
    create_account(coordinator, path, "Camille", "Fortin")
    expect(coordinator.locator("html")).to_have_attribute("lang", "fr")
    coordinator.goto(named_url("members:home", "en"))
    assert_no_violations(coordinator)
    coordinator.get_by_role("link", name="Invite a colleague").first.click()
    coordinator.fill("input[name='email']", "collegue.e2e@example.org")
    coordinator.select_option("select[name='role']", "staff")
    coordinator.select_option("select[name='language']", "en")
    submit(coordinator)
    expect(coordinator.get_by_text("collegue.e2e@example.org").first).to_be_visible()

    # The colleague creates their account, signs out and in again, and fills in their profile.
    path, _text = last_link_to(smtp_server, "collegue.e2e@example.org")
    colleague = new_context().new_page()
    create_account(colleague, path, "Olivier", "Bergeron")
    colleague.goto(named_url("account_logout", "en"))
    submit(colleague)
    sign_in(colleague, "collegue.e2e@example.org", NEW_PASSWORD)
    expect(colleague).to_have_url(re.compile(r"/en/portal/$"))
    colleague.goto(named_url("members:profile", "en"))
    assert_no_violations(colleague)
    colleague.fill("input[name='job_title']", "Enseignant de français")
    colleague.fill("textarea[name='bio']", "J’enseigne le français aux adultes.")
    colleague.check("input[name='listed']")
    colleague.check("input[name='show_job_title']")
    colleague.check("input[name='consent']")
    submit(colleague)
    expect(colleague.locator(".messages")).to_be_visible()
    profile = MemberProfile.objects.get(user__email="collegue.e2e@example.org")
    assert (profile.job_title, profile.listed, profile.user.membership.role) == (
        "Enseignant de français",
        True,
        "staff",
    )

    # The coordinator finds them in the members directory, job title shown, bio kept private.
    coordinator.goto(named_url("members:people", "en", q="Bergeron"))
    assert_no_violations(coordinator)
    expect(coordinator.get_by_text("Enseignant de français")).to_be_visible()
    expect(coordinator.get_by_text("J’enseigne le français")).to_have_count(0)

    # The coordinator deactivates the colleague, who is signed out at once, then reactivates
    # them from the team page: the colleague signs in again with their password.
    coordinator.goto(named_url("members:home", "en"))
    coordinator.get_by_role("link", name="Manage my school's team").click()
    coordinator.get_by_role("link", name="Deactivate Olivier Bergeron").click()
    submit(coordinator)
    expect(coordinator.locator("tr", has_text="Olivier Bergeron")).to_contain_text("Deactivated on")
    assert_no_violations(coordinator)
    colleague.goto(named_url("members:profile", "en"))
    expect(colleague).to_have_url(re.compile(r"/login/"))
    coordinator.get_by_role("link", name="Reactivate Olivier Bergeron").click()
    assert_no_violations(coordinator)
    submit(coordinator)
    expect(coordinator.locator(".messages")).to_contain_text("Olivier Bergeron can sign in again")
    expect(coordinator.locator("tr", has_text="Olivier Bergeron")).to_contain_text("Active")
    sign_in(colleague, "collegue.e2e@example.org", NEW_PASSWORD)
    expect(colleague).to_have_url(re.compile(r"/en/portal/$"))

    # The colleague downloads their data: every personal field is there.
    colleague.goto(named_url("members:privacy", "en"))
    assert_no_violations(colleague)
    with colleague.expect_download() as download:
        colleague.get_by_role("button", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "collegue.e2e@example.org"
    assert (data["account"]["first_name"], data["account"]["last_name"]) == ("Olivier", "Bergeron")
    assert data["profile"]["bio"] == "J’enseigne le français aux adultes."
    assert data["profile"]["job_title"] == "Enseignant de français"
    assert data["membership"]["school"]["name"] == "École du milieu de Lévis"
    assert data["consents"][0]["granted"] is True
    assert data["invitations_received"][0]["email"] == "collegue.e2e@example.org"

    # They delete their account: they cannot sign in, and their name is nowhere.
    colleague.goto(named_url("members:delete_account", "en"))
    assert_no_violations(colleague)
    colleague.fill("input[name='password']", NEW_PASSWORD)
    colleague.check("input[name='confirm']")
    submit(colleague)
    expect(colleague.locator(".messages")).to_contain_text("Your account and your personal data have been deleted")
    sign_in(colleague, "collegue.e2e@example.org", NEW_PASSWORD)
    expect(colleague.locator("main form")).to_contain_text("not correct")
    # That the name is then nowhere in the database is checked without the live server, in
    # tests/members/test_privacy.py: here the server thread's writes and the test's reads do not
    # reliably see the same transaction.


def test_approved_access_request_gets_in_and_refused_one_does_not(staff_page, new_context, smtp_server):
    applicant, refused = new_context().new_page(), new_context().new_page()
    for page, first_name, email in (
        (applicant, "Sophie", "sophie.e2e@example.org"),
        (refused, "Max", "max.e2e@example.org"),
    ):
        page.goto(named_url("members:request_access", "en"))
        assert_no_violations(page)
        page.fill("input[name='first_name']", first_name)
        page.fill("input[name='last_name']", "Lavoie")
        page.fill("input[name='email']", email)
        page.select_option("select[name='school']", label="École du milieu LaSalle")
        page.select_option("select[name='role']", "staff")
        submit(page)
        expect(page).to_have_url(re.compile(r"/request-access/sent/$"))
    _path, notice = last_link_to(smtp_server, STAFF_EMAIL)
    assert "sophie.e2e@example.org" in notice or "max.e2e@example.org" in notice

    for email, decision in (("sophie.e2e@example.org", "approve"), ("max.e2e@example.org", "refuse")):
        access_request = AccessRequest.objects.get(email=email)
        staff_page.goto(f"/admin/access_requests/edit/{access_request.pk}/")
        if decision == "refuse":
            staff_page.fill("textarea[name='refusal_reason']", "Adresse inconnue de l’école.")
        staff_page.locator(f"button[name='decision'][value='{decision}']").click()
        staff_page.wait_for_load_state()

    path, _text = last_link_to(smtp_server, "sophie.e2e@example.org")
    create_account(applicant, path, "Sophie", "Lavoie")
    applicant.goto(named_url("members:home", "en"))
    expect(applicant.locator("h1")).to_contain_text("Sophie")

    no_link, refusal = last_link_to(smtp_server, "max.e2e@example.org")
    assert no_link is None
    assert "Adresse inconnue de l’école." in refusal
    # The refusal leaves no way in: no invitation to follow and no account to sign in with.
    assert AccessRequest.objects.get(email="max.e2e@example.org").status == AccessRequest.Status.REFUSED
    assert not Invitation.objects.filter(access_request__email="max.e2e@example.org").exists()
    assert not get_user_model().objects.filter(email__iexact="max.e2e@example.org").exists()
    assert Invitation.objects.filter(access_request__email="sophie.e2e@example.org").exists()

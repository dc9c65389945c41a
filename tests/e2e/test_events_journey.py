"""Events as people meet them, in Chromium, with the emails read from a real SMTP server:
issue 8's "Done when" (a member registers in one click, a guest after confirming their address,
a cancellation offers the seat to the first person waiting) and axe on the registration form and
the check-in page, in French and English."""

import re

import icalendar
import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from events.models import EventPage, Registration, RegistrationStatus
from members.demo_accounts import DEMO_PASSWORD
from tests.e2e.test_portal_journey import (
    STAFF_EMAIL,
    assert_no_violations,
    last_link_to,
    sign_in,
    staff_page,
    submit,
)

__all__ = ["staff_page"]  # a fixture used below

DEMO_MEMBER = "enseignement.lasalle@example.org"


def event(slug, language="fr"):
    french = EventPage.objects.get(slug=slug, locale__language_code="fr")
    if language == "fr":
        return french
    return french.get_translation(Locale.objects.get(language_code=language))


def ics_of(smtp_server, address):
    for recipients, message in zip(reversed(smtp_server.recipients), reversed(smtp_server.messages), strict=True):
        if address in recipients:
            for part in message.iter_attachments():
                if part.get_content_type() == "text/calendar":
                    return icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError(f"no calendar sent to {address}")


def test_a_demo_member_registers_for_a_gathering_in_one_click_and_gets_the_ics(site, page, smtp_server):
    gathering = event("rassemblement-regional-montreal")
    sign_in(page, DEMO_MEMBER, DEMO_PASSWORD)

    page.goto(gathering.url)
    box = page.locator(".registration-box")
    expect(box.get_by_label("Besoins alimentaires (allergies, végétarien, halal…)")).to_be_visible()
    assert_no_violations(page)
    with page.expect_navigation():
        box.get_by_role("button", name="S’inscrire").click()

    expect(page.locator(".messages")).to_contain_text("Vous êtes inscrit")
    expect(box).to_contain_text("Vous êtes inscrit à cet événement.")
    calendar = ics_of(smtp_server, DEMO_MEMBER)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{gathering.translation_key}@amasq"
    assert vevent["DTSTART"].dt.tzinfo.key == "America/Montreal"
    assert vevent["DTSTART"].dt == gathering.start
    assert Registration.objects.get(event=gathering, email=DEMO_MEMBER).status == RegistrationStatus.CONFIRMED


def test_a_guest_registers_for_the_colloquium_after_confirming_their_address(site, page, smtp_server):
    colloquium = event("colloque-national", "en")

    page.goto(colloquium.url)
    page.locator(".registration-box").get_by_role("link", name="Register", exact=True).click()
    assert_no_violations(page)
    form = page.locator("main form")  # the footer has a newsletter form with an email field too
    form.get_by_label("Your name").fill("Léa Tremblay")
    form.get_by_label("Your email address").fill("lea.tremblay@example.org")
    submit(page)  # the workshop question is required
    expect(page.locator(".error-summary")).to_contain_text("Which second-day workshop do you choose?")
    assert_no_violations(page)
    page.locator("main form").get_by_label("Which second-day workshop do you choose?").select_option(
        label="Peer mentoring"
    )
    submit(page)

    expect(page.locator(".messages")).to_contain_text("Almost done")
    link, text = last_link_to(smtp_server, "lea.tremblay@example.org")
    assert "/en/" in link
    page.goto(link)
    assert_no_violations(page)
    submit(page)

    expect(page.locator(".messages")).to_contain_text("You are registered")
    registration = Registration.objects.get(email="lea.tremblay@example.org")
    assert registration.status == RegistrationStatus.CONFIRMED
    confirmation = smtp_server.messages[-1].get_body(preferencelist=("plain",)).get_content()
    assert "- Which second-day workshop do you choose? Peer mentoring" in confirmation
    assert ics_of(smtp_server, "lea.tremblay@example.org").walk("VEVENT")


def test_a_cancellation_offers_the_seat_to_the_first_person_waiting(site, page, smtp_server):
    full = event("rassemblement-intervenants-psychosociaux")
    leaving = Registration.objects.get(event=full, email="participant1@example.org")
    first_waiting = Registration.objects.filter(event=full).waiting_for_an_offer().first()

    page.goto(f"/fr/inscriptions-evenements/annuler/{leaving.token}/")
    submit(page)
    expect(page.locator(".messages")).to_contain_text("Votre inscription est annulée")

    link, text = last_link_to(smtp_server, first_waiting.email)
    assert full.title in text
    page.goto(link)
    expect(page.get_by_role("button", name="Prendre la place")).to_be_visible()
    submit(page)

    expect(page.locator(".messages")).to_contain_text("Vous êtes inscrit")
    first_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    # The next person still waits: one freed seat, one offer.
    assert [r.name for r in Registration.objects.filter(event=full).waiting_for_an_offer()] == ["Yannick Lévesque"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_check_in_page_at_the_door(staff_page, language):
    profile = UserProfile.get_for_user(get_user_model().objects.get(email=STAFF_EMAIL))
    profile.preferred_language = language  # the admin speaks the staff member's language
    profile.save()
    full = event("rassemblement-intervenants-psychosociaux")
    staff_page.set_viewport_size({"width": 390, "height": 844})  # a phone

    staff_page.goto(f"/admin/events/{full.pk}/check-in/")
    expect(staff_page.locator("html")).to_have_attribute("lang", language)
    assert_no_violations(staff_page)
    staff_page.get_by_label("Nom ou courriel" if language == "fr" else "Name or email").fill("gagnon")
    with staff_page.expect_navigation():
        staff_page.get_by_role("button", name="Rechercher" if language == "fr" else "Search").click()
    row = staff_page.locator(".check-in__person")
    expect(row).to_have_count(1)
    row.get_by_role("button").click()

    summary = "1 sur 12 présences notées" if language == "fr" else "1 of 12 checked in"
    expect(staff_page.locator("#check-in-summary")).to_have_text(summary)
    expect(staff_page.locator(".check-in__person--in")).to_contain_text("Amélie Gagnon")
    assert_no_violations(staff_page)
    assert Registration.objects.get(event=full, name="Amélie Gagnon").checked_in_at is not None
    assert re.search(r"/check-in/", staff_page.url)

"""The demo site, as a new user tries it after `make run`: the accounts `load_demo` prints, the
resources a search finds, the events and the mentoring pool. The demo is loaded once for this
module (conftest.py)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from events.models import EventPage, Registration, RegistrationStatus
from events.services import register_member
from members import demo_accounts
from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.suggestions import suggestions_for
from members.models import MASPage, MemberRole, Membership
from resources.models import DocumentAnalysis, ResourcePage
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


def titles(response):
    return {resource.title for resource in response.context["results"]}


# Accounts (members/demo_accounts.py)


def test_demo_accounts_sign_in_with_the_printed_password(client, demo):
    assert demo_accounts.DEMO_PASSWORD in demo["first"]
    assert Membership.objects.get(user__email="coordination.levis@example.org").role == MemberRole.COORDINATOR

    response = client.post(
        reverse("account_login"),
        {"login": "enseignement.lasalle@example.org", "password": demo_accounts.DEMO_PASSWORD},
    )

    assert response["Location"] == reverse("members:home")
    # Two demo accounts belong to schools and sign in; mentoring's demo people have no password.
    signing_in = [m.user.email for m in Membership.objects.select_related("user") if m.user.has_usable_password()]
    assert sorted(signing_in) == ["coordination.levis@example.org", "enseignement.lasalle@example.org"]


def test_demo_amasq_staff_signs_in_with_the_printed_code_and_reaches_the_directory_import(client, demo, settings):
    settings.DEBUG = True  # demo_mfa_code refuses to run otherwise
    client.post(reverse("account_login"), {"login": "equipe@example.org", "password": demo_accounts.DEMO_PASSWORD})
    printed = io.StringIO()
    call_command("demo_mfa_code", email="EQUIPE@example.org", stdout=printed)
    code = printed.getvalue().split()[0]

    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 302
    assert client.get(reverse("members_directory_import")).status_code == 200


# Resources (issue 9): an anonymous visitor who searches "decrochage" finds public resources only;
# a demo member finds the members-only ones too, one of them only through the words in its PDF.


def test_the_demo_has_a_dozen_resources_in_both_languages_with_real_files(demo):
    french = ResourcePage.objects.filter(locale__language_code="fr", live=True)
    english = ResourcePage.objects.filter(locale__language_code="en", live=True)

    assert french.count() == english.count() >= 12
    assert {page.audience for page in french} == {"public", "members"}
    assert DocumentAnalysis.objects.filter(error="").exclude(text="").count() >= 8


def test_an_anonymous_search_for_decrochage_finds_public_resources_only(client, demo):
    response = client.get("/fr/ressources/", {"q": "decrochage"})

    found = ResourcePage.objects.filter(title__in=titles(response))
    assert found.exists()
    assert {page.audience for page in found} == {"public"}


def test_a_demo_member_finds_the_members_only_ones_including_one_only_by_its_pdf(client, demo):
    client.force_login(get_user_model().objects.get(email="coordination.levis@example.org"))

    response = client.get("/fr/ressources/", {"q": "decrochage"})

    assert "Grille d'entrevue d'accueil" in titles(response)
    assert "Reconnaître les acquis des élèves adultes" in titles(response)
    grid = ResourcePage.objects.get(title="Grille d'entrevue d'accueil")
    assert "crochage" not in f"{grid.title} {grid.summary} {grid.body}"


def test_the_english_demo_list_searches_in_english(client, demo):
    response = client.get("/en/resources/", {"q": "dropping out"})

    assert "Welcoming 16-year-olds: a practical guide" in titles(response)


# Events


def test_the_demo_has_a_full_gathering_with_a_waitlist_that_a_member_joins(demo):
    event = EventPage.objects.get(locale__language_code="fr", slug="rassemblement-intervenants-psychosociaux")
    school = MASPage.objects.filter(locale__language_code="fr").first()

    registration = register_member(event, make_member(school))

    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == event.capacity == 12
    assert statuses.count(RegistrationStatus.WAITLISTED) == 3
    assert registration.status == RegistrationStatus.WAITLISTED


def test_the_demo_colloquium_has_a_programme_speakers_and_the_same_questions_in_both_languages(client, demo):
    french = EventPage.objects.get(locale__language_code="fr", slug="colloque-national")
    english = EventPage.objects.get(translation_key=french.translation_key, locale__language_code="en")

    assert [block.id for block in french.questions] == [block.id for block in english.questions]
    assert (english.address, english.region) == (french.address, french.region) != ("", "")
    page = client.get(english.url).content.decode()
    assert "Which second-day workshop do you choose?" not in page  # asked on the registration form
    assert "Opening talk: government recognition of the MAS" in page
    assert "Claire Fontaine" in page
    assert "Step-free main entrance" in page


# Mentoring


def test_the_demo_has_a_dozen_people_an_active_pair_a_pending_request_and_suggestions_at_once(demo):
    users = get_user_model().objects
    camille = users.get(email="coordination.levis@example.org")
    olivier = users.get(email="enseignement.lasalle@example.org")

    schools = {offer.user.membership.school_id for offer in MentorOffer.objects.select_related("user__membership")}
    schools |= {
        request.user.membership.school_id for request in MenteeRequest.objects.select_related("user__membership")
    }
    assert MentorOffer.objects.count() + MenteeRequest.objects.count() >= 12
    assert len(schools) >= 12
    assert sorted(Mentorship.objects.filter(mentor=camille).values_list("state", flat=True)) == [
        State.ACTIVE,
        State.REQUESTED,
    ]
    assert Mentorship.objects.count() == 2
    assert suggestions_for(olivier)[0].mentor == camille

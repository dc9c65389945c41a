import io

import pytest
from django.core.management import call_command

from events.models import EventPage, Registration, RegistrationStatus
from events.services import register_member
from members.models import MASPage
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_full_gathering_with_a_waitlist_that_a_member_joins(db):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second run adds nobody
    event = EventPage.objects.get(locale__language_code="fr", slug="rassemblement-intervenants-psychosociaux")
    school = MASPage.objects.filter(locale__language_code="fr").first()

    registration = register_member(event, make_member(school))

    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == event.capacity == 12
    assert statuses.count(RegistrationStatus.WAITLISTED) == 3
    assert registration.status == RegistrationStatus.WAITLISTED


def test_the_demo_colloquium_has_a_programme_speakers_and_the_same_questions_in_both_languages(client, db):
    call_command("load_demo", stdout=io.StringIO())
    french = EventPage.objects.get(locale__language_code="fr", slug="colloque-national")
    english = EventPage.objects.get(translation_key=french.translation_key, locale__language_code="en")

    assert [block.id for block in french.questions] == [block.id for block in english.questions]
    assert (english.address, english.region) == (french.address, french.region) != ("", "")
    page = client.get(english.url).content.decode()
    assert "Which second-day workshop do you choose?" not in page  # asked on the registration form
    assert "Opening talk: government recognition of the MAS" in page
    assert "Claire Fontaine" in page
    assert "Step-free main entrance" in page

"""When staff move or cancel an event and publish, everyone registered is told once, in their
language, with an .ics that updates (or removes) the event in their calendar."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage, RegistrationStatus
from events.services import cancel, register_member
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(open_event, school, django_capture_on_commit_callbacks, mailoutbox):
    """Annie confirmed (in English), Benoît confirmed, Chloé waitlisted, Denis cancelled."""
    with django_capture_on_commit_callbacks(execute=True):
        register_member(open_event, make_member(school, email="annie@example.org"), language="en")
        register_member(open_event, make_member(school, email="benoit@example.org"))
        waiting = register_member(open_event, make_member(school, email="chloe@example.org"))
        cancel(register_member(open_event, make_member(school, email="denis@example.org")))
    assert waiting.status == RegistrationStatus.WAITLISTED
    mailoutbox.clear()
    return open_event


def publish(event, django_capture_on_commit_callbacks, **changes):
    event = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    return event


def ics_in(message):
    return icalendar.Calendar.from_ical(message.attachments[0][1]).events[0]


def test_moving_the_event_tells_everyone_registered_once_with_an_updated_ics(
    registered, mailoutbox, django_capture_on_commit_callbacks
):
    later = (registered.start + datetime.timedelta(days=1)).replace(microsecond=0)

    publish(registered, django_capture_on_commit_callbacks, start=later, end=later + datetime.timedelta(hours=2))
    notices = list(mailoutbox)
    publish(registered, django_capture_on_commit_callbacks, title="Rassemblement (programme à jour)")

    assert sorted(message.to[0] for message in notices) == [
        "annie@example.org",
        "benoit@example.org",
        "chloe@example.org",
    ]
    english = next(message for message in notices if message.to == ["annie@example.org"])
    assert english.subject.startswith("Change of time or place")
    assert ics_in(english).sequence == 1
    assert ics_in(english).start == later
    assert len(mailoutbox) == 3  # the second publish changed neither time nor place


def test_cancelling_the_event_tells_registrants_and_stops_registration(
    registered, school, mailoutbox, django_capture_on_commit_callbacks
):
    event = publish(registered, django_capture_on_commit_callbacks, cancelled=True)

    french = next(message for message in mailoutbox if message.to == ["benoit@example.org"])
    assert french.subject == "Annulé : Rassemblement"
    assert ics_in(french)["STATUS"] == "CANCELLED"
    with pytest.raises(ValidationError) as refusal:
        register_member(event, make_member(school))
    assert refusal.value.messages == ["Cet événement est annulé."]

import datetime

import icalendar
import pytest
from django.urls import reverse

from events.models import Audience
from events.services import register_member
from tests.events.conftest import MONTREAL
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


def ics_of(client, event):
    response = client.get(reverse("events:ics", kwargs={"event_id": event.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_ics_carries_the_montreal_time_and_a_stable_uid(client, event_page):
    calendar = ics_of(client, event_page)
    event = calendar.events[0]

    assert event.start == datetime.datetime(2026, 11, 22, 14, 30, tzinfo=MONTREAL)
    assert str(event.start.tzinfo) == "America/Montreal"
    assert [zone.tz_name for zone in calendar.timezones] == ["America/Montreal"]
    assert event.uid == f"{event_page.translation_key}@amasq"
    assert event.summary == event_page.title


def test_the_ics_sequence_goes_up_when_staff_move_the_event(client, event_page):
    event_page.start += datetime.timedelta(hours=1)
    event_page.end += datetime.timedelta(hours=1)
    event_page.save()

    assert ics_of(client, event_page).events[0].sequence == 1


def test_the_meeting_link_is_in_the_ics_of_confirmed_attendees_only(client, open_event, school):
    open_event.online = True
    open_event.meeting_link = "https://meet.example.org/amasq"
    open_event.save()
    member = make_member(school)
    client.force_login(member)
    before = ics_of(client, open_event).events[0].description
    register_member(open_event, member)

    after = ics_of(client, open_event).events[0].description

    assert "meet.example.org" not in before
    assert "meet.example.org" in after


def test_a_members_only_events_ics_is_refused_to_anonymous_visitors(client, open_event):
    open_event.audience = Audience.MEMBERS
    open_event.save()

    assert client.get(reverse("events:ics", kwargs={"event_id": open_event.pk})).status_code == 404

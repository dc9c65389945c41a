import datetime
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from events.calendar import google_calendar_url, outlook_calendar_url
from events.models import Audience
from events.services import register_member
from tests.events.conftest import MONTREAL
from tests.factories.accounts import make_member
from tests.factories.events import EventPageFactory

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


def test_the_public_feed_lists_public_events_in_the_visitors_language_never_members_only_ones(
    client, event_page, event_index
):
    EventPageFactory(parent=event_index, title="Rassemblement privé", audience=Audience.MEMBERS)
    with translation.override("en"):
        english_url = reverse("events:feed")

    french = icalendar.Calendar.from_ical(client.get(reverse("events:feed")).content)
    english = icalendar.Calendar.from_ical(client.get(english_url).content)

    assert [event.summary for event in french.events] == ["Colloque national des MAS"]
    assert [event.summary for event in english.events] == ["National MAS colloquium"]
    assert french.events[0].uid == english.events[0].uid == f"{event_page.translation_key}@amasq"
    assert french["X-WR-CALNAME"] == "Événements de l’AMASQ"
    assert [zone.tz_name for zone in french.timezones] == ["America/Montreal"]


def test_google_and_outlook_links_carry_the_event_in_utc(event_page):
    google = parse_qs(urlsplit(google_calendar_url(event_page)).query)
    outlook = parse_qs(urlsplit(outlook_calendar_url(event_page)).query)

    # 14:30 in Montréal on 22 November (EST, UTC−5) is 19:30 UTC.
    assert google["dates"] == ["20261122T193000Z/20261122T223000Z"]
    assert google["text"] == ["Colloque national des MAS"]
    assert outlook["startdt"] == ["2026-11-22T19:30:00+00:00"]
    assert outlook["subject"] == ["Colloque national des MAS"]

import json

import pytest

from events.models import Audience
from tests.utils import parse

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = [json.loads(script.string) for script in parse(response).select('script[type="application/ld+json"]')]
    events = [block for block in blocks if block["@type"] == "Event"]
    assert len(events) == 1  # beside the site's Organization
    return events[0]


def test_a_public_event_describes_itself_to_search_engines(client, event_page):
    data = json_ld(client.get(event_page.url))

    assert data["@type"] == "Event"
    assert data["name"] == "Colloque national des MAS"
    assert data["startDate"] == "2026-11-22T19:30:00+00:00"
    assert data["location"] == {"@type": "Place", "name": "Montréal", "address": event_page.address}
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["description"] == event_page.summary


def test_a_members_only_event_tells_others_only_its_name_and_dates(client, event_page):
    event_page.audience = Audience.MEMBERS
    event_page.save_revision().publish()

    data = json_ld(client.get(event_page.url))

    assert set(data) == {"@context", "@type", "name", "startDate", "endDate", "url", "eventStatus", "organizer"}


def test_markup_in_a_title_cannot_close_the_script(client, event_page):
    event_page.title = "Colloque </script><script>alert(1)</script>"
    event_page.save_revision().publish()

    response = client.get(event_page.url)

    assert "</script><script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "Colloque </script><script>alert(1)</script>"

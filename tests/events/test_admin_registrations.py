"""Staff see who is coming to each event in the Wagtail admin, and download the list."""

import csv
import io

import pytest
from django.urls import reverse

from events.models import RegistrationStatus
from events.services import register_member
from tests.factories.accounts import add_totp, make_member
from tests.factories.events import RegistrationFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(admin_client, admin_user):
    add_totp(admin_user)  # the admin asks every staff account for two-factor
    return admin_client


@pytest.fixture
def registered(open_event, school):
    register_member(open_event, make_member(school, first_name="Annie", last_name="Gagnon"))
    register_member(open_event, make_member(school))
    register_member(open_event, make_member(school))  # waitlisted: two seats
    RegistrationFactory(event=open_event, name='=HYPERLINK("http://x")', status=RegistrationStatus.CANCELLED)
    return open_event


def test_the_registrations_page_counts_by_status_and_school(staff_client, registered):
    index = staff_client.get(reverse("events_registrations"))
    response = staff_client.get(reverse("events_attendees", kwargs={"event_id": registered.pk}))

    assert "Rassemblement" in parse(index).select_one("table").get_text()
    text = parse(response).get_text(" ", strip=True)
    assert "2 confirmées, 1 en attente, 1 annulées; 0 présences notées." in text
    assert "Annie Gagnon" in text


def test_the_csv_lists_everyone_and_defuses_formulas(staff_client, registered):
    response = staff_client.get(reverse("events_attendees", kwargs={"event_id": registered.pk}), {"format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 1 + 4
    assert '\'=HYPERLINK("http://x")' in [row[0] for row in rows]


def test_members_cannot_see_registrations(client, registered, school):
    client.force_login(make_member(school))

    response = client.get(reverse("events_attendees", kwargs={"event_id": registered.pk}))

    assert response.status_code == 302
    assert "Annie" not in response.content.decode()

"""A freed seat goes to the first person on the waitlist, by email, for a limited time; then to
the next one if they let it lapse (manage.py events_process_waitlist, idempotent)."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from events.services import cancel, register_member
from members.models import MemberRole
from members.services.accounts import deactivate_member
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture
def full_event(open_event, school, django_capture_on_commit_callbacks):
    """Two seats taken; Annie then Benoît on the waitlist."""
    with django_capture_on_commit_callbacks(execute=True):
        seated = [register_member(open_event, make_member(school)) for _ in range(2)]
        first = register_member(open_event, make_member(school, email="annie@example.org", first_name="Annie"))
        second = register_member(open_event, make_member(school, email="benoit@example.org", first_name="Benoît"))
    assert [first.status, second.status] == [WAITLISTED, WAITLISTED]
    return open_event, seated, first, second


def status_of(registration):
    registration.refresh_from_db()
    return registration.status, registration.offer_expires is not None


def offer_link(message):
    return next(word for word in message.body.split() if "/confirm" in word)


def test_a_cancellation_offers_the_seat_to_the_first_waiting_only(
    full_event, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, first, second = full_event
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(seated[0])

    assert status_of(first) == (WAITLISTED, True)
    assert status_of(second) == (WAITLISTED, False)
    assert [message.to for message in mailoutbox] == [["annie@example.org"]]
    assert "Une place s’est libérée" in mailoutbox[0].body


def test_an_offered_seat_is_not_taken_by_a_newcomer(full_event, school, django_capture_on_commit_callbacks):
    event, seated, first, second = full_event
    with django_capture_on_commit_callbacks(execute=True):
        cancel(seated[0])

    newcomer = register_member(event, make_member(school))

    assert newcomer.status == WAITLISTED


def test_the_first_waiting_takes_the_seat_from_the_emailed_link(
    client, full_event, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, first, second = full_event
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(seated[0])
    link = offer_link(mailoutbox[0])

    page = client.get(link)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)

    assert "Prendre la place" in page.content.decode()
    assert status_of(first) == (CONFIRMED, False)
    assert mailoutbox[-1].to == ["annie@example.org"] and mailoutbox[-1].attachments  # confirmation + .ics


def test_a_lapsed_offer_goes_to_the_next_one_and_the_command_is_idempotent(
    client, full_event, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, first, second = full_event
    with django_capture_on_commit_callbacks(execute=True):
        cancel(seated[0])
    link = offer_link(mailoutbox[-1])
    mailoutbox.clear()

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("events_process_waitlist", stdout=io.StringIO())
            call_command("events_process_waitlist", stdout=io.StringIO())
        late = client.post(link, follow=True)

    assert status_of(first) == (CANCELLED, True)
    assert status_of(second) == (WAITLISTED, True)
    assert [message.to for message in mailoutbox] == [["benoit@example.org"]]
    assert "Cette offre a expiré" in late.content.decode()


def test_seats_per_school_skip_a_waiting_person_whose_school_is_full(
    open_event, school, other_school, django_capture_on_commit_callbacks
):
    open_event.seats_per_school = 1
    open_event.save()
    with django_capture_on_commit_callbacks(execute=True):
        levis = register_member(open_event, make_member(school))
        lasalle = register_member(open_event, make_member(other_school))
        levis_waiting = register_member(open_event, make_member(school))
        third_school_waiting = register_member(open_event, make_member(other_school))
        cancel(lasalle)

    assert levis.status == CONFIRMED
    assert status_of(levis_waiting) == (WAITLISTED, False)
    assert status_of(third_school_waiting) == (WAITLISTED, True)
    assert Registration.objects.holding_a_seat().count() == 2


def test_nothing_is_offered_when_no_seat_is_free(full_event, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("events_process_waitlist", stdout=io.StringIO())

    assert mailoutbox == []


def test_a_deactivated_members_seat_goes_to_the_waitlist(
    full_event, school, mailoutbox, django_capture_on_commit_callbacks
):
    event, seated, first, second = full_event
    leaving = seated[0].user
    coordinator = make_member(school, role=MemberRole.COORDINATOR)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        deactivate_member(leaving, by=coordinator)

    assert status_of(seated[0]) == (CANCELLED, False)
    assert status_of(first) == (WAITLISTED, True)
    assert status_of(second) == (WAITLISTED, False)
    assert [message.to for message in mailoutbox] == [["annie@example.org"]]

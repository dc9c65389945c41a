import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Audience, Registration, RegistrationStatus
from events.services import cancel, confirm_guest, register_guest, register_member
from tests.factories.accounts import UserFactory, make_member, make_staff

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, PENDING = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.PENDING,
)


def refusal_code(call, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.code


def test_members_get_seats_then_the_waitlist(open_event, school):
    statuses = [register_member(open_event, make_member(school)).status for _ in range(3)]

    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED]


def test_a_full_event_without_waitlist_refuses_and_saves_nothing(open_event, school):
    open_event.waitlist = False
    open_event.save()
    register_member(open_event, make_member(school))
    register_member(open_event, make_member(school))

    assert refusal_code(register_member, open_event, make_member(school)) == "full"
    assert Registration.objects.count() == 2


def test_seats_per_school_send_the_extra_member_to_the_waitlist(open_event, school, other_school):
    open_event.seats_per_school = 1
    open_event.save()
    first = register_member(open_event, make_member(school))
    second = register_member(open_event, make_member(school))
    other = register_member(open_event, make_member(other_school))

    assert (first.status, second.status, other.status) == (CONFIRMED, WAITLISTED, CONFIRMED)


def test_seats_per_school_refuse_when_the_waitlist_is_off(open_event, school):
    open_event.seats_per_school = 1
    open_event.waitlist = False
    open_event.save()
    register_member(open_event, make_member(school))

    assert refusal_code(register_member, open_event, make_member(school)) == "school_full"


def test_a_member_cannot_register_twice(open_event, school):
    member = make_member(school)
    register_member(open_event, member)

    assert refusal_code(register_member, open_event, member) == "duplicate"
    assert Registration.objects.count() == 1


def test_a_member_may_register_again_after_cancelling(open_event, school):
    member = make_member(school)
    cancel(register_member(open_event, member))

    assert register_member(open_event, member).status == CONFIRMED


def test_an_account_without_a_school_is_not_a_member(open_event):
    assert refusal_code(register_member, open_event, UserFactory()) == "not_member"


def test_amasq_staff_may_register(open_event):
    assert register_member(open_event, make_staff()).status == CONFIRMED


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"registration_opens": timezone.now() + datetime.timedelta(days=1)}, "not_open"),
        ({"registration_closes": timezone.now() - datetime.timedelta(minutes=1)}, "closed"),
        (
            {
                "start": timezone.now() - datetime.timedelta(days=2),
                "end": timezone.now() - datetime.timedelta(days=1),
            },
            "past",
        ),
    ],
)
def test_registration_outside_its_dates_is_refused(open_event, school, fields, code):
    for name, value in fields.items():
        setattr(open_event, name, value)
    open_event.save()

    assert refusal_code(register_member, open_event, make_member(school)) == code


def test_cancelling_frees_the_seat(open_event, school):
    first = register_member(open_event, make_member(school))
    register_member(open_event, make_member(school))
    cancel(first)

    assert register_member(open_event, make_member(school)).status == CONFIRMED
    assert Registration.objects.get(pk=first.pk).status == RegistrationStatus.CANCELLED


def test_a_guest_holds_a_seat_until_they_confirm(open_event):
    guest = register_guest(open_event, name="Ana", email="ana@example.org")

    assert guest.status == PENDING
    assert confirm_guest(guest.token).status == CONFIRMED


def test_a_guest_who_lets_the_hold_lapse_loses_the_seat_to_others(open_event, school, settings):
    settings.EVENTS_PENDING_HOLD = datetime.timedelta(minutes=10)
    guest = register_guest(open_event, name="Ana", email="ana@example.org")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        register_member(open_event, make_member(school))
        register_member(open_event, make_member(school))
        assert confirm_guest(guest.token).status == WAITLISTED


def test_guests_are_refused_on_members_only_events(open_event):
    open_event.audience = Audience.MEMBERS
    open_event.save()

    assert refusal_code(register_guest, open_event, name="Ana", email="ana@example.org") == "members_only"


def test_the_same_guest_email_cannot_register_twice(open_event):
    register_guest(open_event, name="Ana", email="ana@example.org")

    assert refusal_code(register_guest, open_event, name="Ana", email="ANA@example.org") == "duplicate"


def test_a_tampered_token_is_refused():
    assert refusal_code(confirm_guest, "not-a-token") == "bad_link"


def test_moving_an_event_raises_its_sequence(open_event):
    open_event.summary = "Nouveau résumé"
    open_event.save()
    unchanged = open_event.sequence
    open_event.start += datetime.timedelta(hours=1)
    open_event.end += datetime.timedelta(hours=1)
    open_event.save()

    assert (unchanged, open_event.sequence) == (0, 1)

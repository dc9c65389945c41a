"""Capacity holds under real concurrency: many PostgreSQL connections register at the same moment.

Transactional tests: each thread has its own database connection (Django's connections are per
thread) and sees only what the others committed, as gunicorn workers would.
"""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from events.models import Registration, RegistrationStatus
from events.services import register_member
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# PostgreSQL here allows 100 connections, shared with other test runs: 40 at once, 200 in all.
WORKERS = 40


def register_all_at_once(event, members):
    barrier = threading.Barrier(WORKERS)

    def register(member):
        try:
            # Each batch of WORKERS threads starts together (the barrier resets after each batch).
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
            return register_member(event, member).status
        except ValidationError as error:
            return error.code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(register, members))


def test_200_members_for_50_seats_give_50_confirmed_and_150_waitlisted(open_event, school):
    open_event.capacity = 50
    open_event.save()
    members = [make_member(school) for _ in range(200)]

    outcomes = register_all_at_once(open_event, members)

    assert outcomes.count(RegistrationStatus.CONFIRMED) == 50
    assert outcomes.count(RegistrationStatus.WAITLISTED) == 150
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 50


def test_without_waitlist_the_extra_members_are_refused(open_event, school):
    open_event.capacity = 50
    open_event.waitlist = False
    open_event.save()
    members = [make_member(school) for _ in range(200)]

    outcomes = register_all_at_once(open_event, members)

    assert outcomes.count(RegistrationStatus.CONFIRMED) == 50
    assert outcomes.count("full") == 150
    assert Registration.objects.count() == 50


def test_the_seat_limit_per_school_holds_under_concurrency(open_event, school, other_school):
    open_event.capacity = 100
    open_event.seats_per_school = 10
    open_event.save()
    members = [make_member(school) for _ in range(60)] + [make_member(other_school) for _ in range(60)]

    register_all_at_once(open_event, members)

    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
    assert confirmed.filter(school=school).count() == 10
    assert confirmed.filter(school=other_school).count() == 10

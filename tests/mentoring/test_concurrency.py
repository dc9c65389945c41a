"""A mentor's capacity holds when accepts race: real threads, each with its own PostgreSQL
connection, accept requests at the same moment, as two browser tabs or two web workers would.

Transactional tests: each thread sees only what the others committed.
"""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from members.mentoring import services
from members.mentoring.models import Mentorship, State
from tests.factories.members import MASPageFactory
from tests.factories.mentoring import make_mentee, make_mentor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def accept_all_at_once(requests, mentor):
    barrier = threading.Barrier(len(requests))

    def accept(mentorship):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
            return services.accept(mentorship, by=mentor).state
        except ValidationError as error:
            return error.code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(accept, requests))


@pytest.fixture
def requests_to(levis, topics):
    """`count` mentees of other schools asking the same mentor of Lévis (capacity `capacity`)."""

    def make(count, capacity):
        mentor = make_mentor(levis, topics, offer={"capacity": capacity})
        directory = levis.get_parent()
        requests = []
        for index in range(count):
            school = MASPageFactory(parent=directory, title=f"École {index}")
            requests.append(services.request_mentor(make_mentee(school, topics), mentor))
        return mentor, requests

    return make


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_accepts_racing_for_the_last_place_give_one_mentee(requests_to):
    mentor, requests = requests_to(2, capacity=1)

    outcomes = accept_all_at_once(requests, mentor)

    assert sorted(outcomes) == ["active", "full"]
    assert Mentorship.objects.filter(mentor=mentor, state=State.ACTIVE).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_twenty_accepts_at_once_never_exceed_a_capacity_of_three(requests_to):
    mentor, requests = requests_to(20, capacity=3)

    outcomes = accept_all_at_once(requests, mentor)

    assert outcomes.count("active") == 3
    assert outcomes.count("full") == 17
    assert Mentorship.objects.filter(mentor=mentor, state=State.ACTIVE).count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_one_mentee_asking_two_mentors_at_once_gets_one_request(levis, lasalle, la_marge, topics):
    mentee = make_mentee(levis, topics)
    mentors = [make_mentor(lasalle, topics), make_mentor(la_marge, topics)]
    barrier = threading.Barrier(2)

    def ask(mentor):
        try:
            barrier.wait(timeout=5)
            return services.request_mentor(mentee, mentor).state
        except ValidationError as error:
            return error.code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(ask, mentors))

    assert sorted(outcomes) == ["already_open", "requested"]
    assert Mentorship.objects.filter(mentee=mentee).count() == 1

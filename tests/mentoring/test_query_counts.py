"""No mentoring page's number of SQL queries grows with the number of people taking part or of
relationships: each page is loaded with a small and a larger pool, and the counts must match."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.mentoring import services
from tests.factories.accounts import make_staff
from tests.factories.members import MASPageFactory
from tests.factories.mentoring import make_mentee, make_mentor

pytestmark = pytest.mark.django_db


def grow(levis, topics, count):
    """`count` more mentors and mentees, each pair in its own school; half the pairs under way."""
    directory = levis.get_parent()
    for index in range(count):
        school = MASPageFactory(parent=directory, title=f"École {index}-{count}")
        mentor = make_mentor(school, topics, offer={"capacity": 2})
        mentee = make_mentee(levis, topics)
        if index % 2:
            services.accept(services.request_mentor(mentee, mentor), by=mentor)


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["home", "suggestions", "pool", "proposal", "reports"])
def test_mentoring_pages_take_as_many_queries_for_a_larger_pool(client, levis, topics, name):
    staff_pages = {"pool", "proposal", "reports"}
    person = make_staff() if name in staff_pages else make_mentee(levis, topics)
    if name not in staff_pages:
        mentor = make_mentor(MASPageFactory(parent=levis.get_parent(), title="École du mentor"), topics)
        services.accept(services.request_mentor(make_mentee(levis, topics), mentor), by=mentor)
    client.force_login(person)
    path = reverse(f"mentoring:{name}")
    grow(levis, topics, 2)
    queries(client, path)  # the first request also looks up the site and the session
    small = queries(client, path)

    grow(levis, topics, 8)
    queries(client, path)  # the new members started a new content generation: warm its layout

    assert queries(client, path) == small

"""The event index and an event page issue a fixed number of SQL queries however many events and registrations exist
(see tests/utils.py)."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.events import EventPageFactory, RegistrationFactory
from tests.factories.home import ImageFactory
from tests.utils import assert_steady_count, steady_query_count

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
# Raise this only when a change adds a fixed query to every render of the page, and say why.
EVENT_INDEX_QUERIES = 4


def add_events(index, count, **fields):
    for _ in range(count):
        EventPageFactory(parent=index, image=ImageFactory(), **fields)


def add_upcoming_and_past_events(index, count):
    add_events(index, count)
    add_events(index, count, start=timezone.now() - datetime.timedelta(days=60))


def test_event_index_queries_do_not_grow_with_events(client, event_index, django_assert_num_queries):
    add_upcoming_and_past_events(event_index, FEW)
    few = steady_query_count(client, event_index.url)
    add_upcoming_and_past_events(event_index, MANY - FEW)

    assert_steady_count(client, event_index.url, EVENT_INDEX_QUERIES, django_assert_num_queries)
    assert few == EVENT_INDEX_QUERIES


def test_event_page_queries_do_not_grow_with_registrations(client, event_index, django_assert_num_queries):
    event = EventPageFactory(parent=event_index, capacity=500, image=ImageFactory())
    for _ in range(FEW):
        RegistrationFactory(event=event)
    few = steady_query_count(client, event.url)
    for _ in range(MANY - FEW):
        RegistrationFactory(event=event)

    assert_steady_count(client, event.url, few, django_assert_num_queries)

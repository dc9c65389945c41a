"""The newsletter's archive issues a fixed number of SQL queries however many issues exist, and so
does the preferences page however many lists and records a subscriber has (see tests/utils.py)."""

import pytest
from django.urls import reverse

from newsletter.models import NewsletterPage
from newsletter.services import request_subscription, unsubscribe
from tests.newsletter.conftest import body
from tests.utils import assert_steady_count, steady_query_count

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 25


def add_issues(index, count, start=0):
    for number in range(start, start + count):
        index.add_child(
            instance=NewsletterPage(title=f"Numéro {number}", slug=f"numero-{number}", subject="S", body=body("x"))
        ).save_revision().publish()


def test_the_archive_queries_do_not_grow_with_issues(client, newsletter_index, django_assert_num_queries):
    add_issues(newsletter_index, FEW)
    few = steady_query_count(client, newsletter_index.url)
    add_issues(newsletter_index, MANY - FEW, start=FEW)

    assert_steady_count(client, newsletter_index.url, few, django_assert_num_queries)


def test_the_preferences_page_queries_do_not_grow_with_the_ledger(client, home_page, django_assert_num_queries):
    subscriber = request_subscription("lea@example.org", language="fr", list_keys=["public"])
    url = reverse("newsletter:preferences", kwargs={"key": subscriber.key})
    few = steady_query_count(client, url)
    for _ in range(MANY):
        request_subscription("lea@example.org", language="fr", list_keys=["public"])
        unsubscribe(subscriber)

    assert_steady_count(client, url, few, django_assert_num_queries)

"""An event's facts that are not words (time, place, numbers) are the same in French and in
English the moment staff publish a change to the French event."""

import datetime

import pytest
from wagtail.models import Locale

from events.models import EventPage
from tests.utils import parse

pytestmark = pytest.mark.django_db


def english_of(event):
    return EventPage.objects.get(translation_key=event.translation_key, locale=Locale.objects.get(language_code="en"))


def publish(event, **changes):
    revision_object = event.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(revision_object, name, value)
    revision_object.save_revision().publish()


def test_moving_the_french_event_moves_the_english_page(client, event_page):
    new_start = event_page.start + datetime.timedelta(days=7, hours=1)

    publish(
        event_page,
        start=new_start,
        end=new_start + datetime.timedelta(hours=2),
        address="1000, boulevard René-Lévesque Est, Québec",
        capacity=40,
    )

    english = english_of(event_page)
    assert (english.start, english.address, english.capacity) == (
        new_start,
        "1000, boulevard René-Lévesque Est, Québec",
        40,
    )
    assert english.sequence == EventPage.objects.get(pk=event_page.pk).sequence == 1
    assert english.title == "National MAS colloquium"  # words stay the translators'
    assert "René-Lévesque" in parse(client.get(english.url)).select_one(".event-details").get_text()


def test_a_change_made_on_the_english_page_is_not_copied_back(event_page):
    english = english_of(event_page)

    publish(english, address="Somewhere else")

    assert EventPage.objects.get(pk=event_page.pk).address != "Somewhere else"


def test_a_translation_in_progress_keeps_its_draft_and_gets_the_facts(event_page):
    english = english_of(event_page)
    draft = english.get_latest_revision_as_object()
    draft.title = "Draft title"
    draft.save_revision()

    publish(event_page, capacity=12)

    english = english_of(event_page)
    assert english.capacity == 12
    assert english.has_unpublished_changes
    latest = english.get_latest_revision_as_object()
    assert (latest.title, latest.capacity) == ("Draft title", 12)

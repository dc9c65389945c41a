import datetime

import pytest
import time_machine
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.events.conftest import MONTREAL
from tests.factories.events import EventPageFactory
from tests.utils import html_lang, parse

pytestmark = pytest.mark.django_db

BEFORE_THE_COLLOQUIUM = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=MONTREAL)


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def text_of(response):
    return parse(response).get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Colloque national des MAS"), ("en", "National MAS colloquium")]
)
@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_event_index_lists_upcoming_events_in_its_language(client, event_page, language, title):
    response = client.get(in_language(event_page.get_parent(), language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    assert title in text_of(response)


@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_event_index_separates_past_events(client, event_page):
    EventPageFactory(
        parent=event_page.get_parent(),
        title="Webinaire passé",
        start=BEFORE_THE_COLLOQUIUM - datetime.timedelta(days=30),
        end=BEFORE_THE_COLLOQUIUM - datetime.timedelta(days=30, hours=-1),
    )

    response = client.get(event_page.get_parent().url)

    assert list(response.context["upcoming_events"]) == [event_page]
    assert [event.title for event in response.context["past_events"]] == ["Webinaire passé"]


@pytest.mark.parametrize(
    ("language", "when"),
    [("fr", "22 novembre 2026"), ("en", "November 22, 2026")],
)
def test_event_page_shows_its_date_quebec_style(client, event_page, language, when):
    response = client.get(in_language(event_page, language).url)

    assert response.status_code == 200
    assert html_lang(response) == language
    text = text_of(response)
    assert when in text
    assert ("14 h 30" if language == "fr" else "2:30 p.m.") in text


@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_home_page_shows_upcoming_events(client, event_page):
    response = client.get("/fr/")

    assert event_page.title in text_of(response)


class TestEventPageTree(WagtailPageTestCase):
    def test_event_index_sits_under_home(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_events_live_only_under_an_event_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, EventPage)

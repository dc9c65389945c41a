import datetime

import pytest
import time_machine
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventKind, EventPage
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


def listed_event_titles(response):
    """The upcoming events listed, in order (past ones are in their own list)."""
    return [link.get_text(strip=True) for link in parse(response).select(".event-list:not(.event-list--past) a")]


@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_event_index_filters_by_kind_and_format_without_javascript(client, event_index, event_page):
    EventPageFactory(
        parent=event_index,
        title="Webinaire sur l’accueil",
        kind=EventKind.WEBINAR,
        online=True,
        start=BEFORE_THE_COLLOQUIUM + datetime.timedelta(days=3),
    )

    webinars = client.get(event_index.url, {"kind": "webinar", "format": "online"})
    in_person = client.get(event_index.url, {"format": "in_person"})

    assert listed_event_titles(webinars) == ["Webinaire sur l’accueil"]
    assert listed_event_titles(in_person) == ["Colloque national des MAS"]


@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_event_index_filters_by_region(client, event_index, event_page):
    event_page.region = "06"
    event_page.save()
    EventPageFactory(
        parent=event_index,
        title="Rassemblement à Lévis",
        region="12",
        start=BEFORE_THE_COLLOQUIUM + datetime.timedelta(days=3),
    )

    chaudiere = client.get(event_index.url, {"region": "12"})
    montreal = client.get(event_index.url, {"region": "06"})

    assert listed_event_titles(chaudiere) == ["Rassemblement à Lévis"]
    assert listed_event_titles(montreal) == ["Colloque national des MAS"]
    options = parse(chaudiere).select("select[name=region] option")
    assert (options[0].get_text(), options[12]["value"], "selected" in options[12].attrs) == (
        "Toutes les régions",
        "12",
        True,
    )


def test_an_event_with_an_address_links_to_a_map(client, event_page):
    event_page.address = "1000, boulevard René-Lévesque Est, Québec"
    event_page.save_revision().publish()

    link = parse(client.get(event_page.url)).find("a", string="Voir sur une carte")

    assert (
        link["href"]
        == "https://www.openstreetmap.org/search?query=1000%2C%20boulevard%20Ren%C3%A9-L%C3%A9vesque%20Est%2C%20Qu%C3%A9bec"
    )


@time_machine.travel(BEFORE_THE_COLLOQUIUM, tick=False)
def test_event_index_reports_a_bad_filter_and_lists_everything(client, event_index, event_page):
    response = client.get(event_index.url, {"kind": "<b>fête</b>", "audience": "\x00"})

    assert response.status_code == 200
    assert "Choisissez une valeur dans la liste." in response.content.decode()
    assert "<b>fête</b>" not in response.content.decode()
    assert listed_event_titles(response) == ["Colloque national des MAS"]

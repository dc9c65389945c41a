"""Issue 12: every public page type issues at most ten SQL queries on the full demo content, as an
anonymous visitor sees it in steady state (the first visit fills the layout and locale caches and
creates image renditions; the second is counted). The demo is loaded once for this package
(conftest.py); the content-independence of each count is pinned on growing trees by each app's
test_query_counts.py."""

import pytest
from wagtail.models import get_page_models

from events.models import Audience, EventIndexPage, EventPage
from home.models import ContactPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from members.models import MASDirectoryPage, MASPage
from newsletter.models import NewsletterIndexPage, NewsletterPage
from resources.models import ResourceIndexPage, ResourcePage
from tests.utils import assert_steady_count

pytestmark = pytest.mark.django_db

BUDGET = 10
APPS = {"home", "members", "events", "resources", "newsletter"}
# The count of each page type, the same in French and English. Raise one only when a change adds
# a fixed query to every render of that page type, say why, and never above BUDGET.
QUERIES = {
    HomePage: 10,
    StandardPage: 4,
    NewsIndexPage: 5,
    NewsPage: 4,
    MASDirectoryPage: 5,
    MASPage: 2,
    EventIndexPage: 4,
    EventPage: 1,
    ResourceIndexPage: 5,
    ResourcePage: 5,
    NewsletterIndexPage: 4,
    NewsletterPage: 1,
    ContactPage: 3,
}
EVENT_OPEN_QUERIES = {"colloque-national": 1, "rassemblement-intervenants-psychosociaux": 0}
PUBLIC_ONLY = {EventPage: {"audience": Audience.PUBLIC}, ResourcePage: {"audience": "public"}}


def a_live_page(page_type, language):
    pages = page_type.objects.live().public().filter(locale__language_code=language, **PUBLIC_ONLY.get(page_type, {}))
    page = pages.order_by("path").first()
    assert page is not None, f"the demo has no live {page_type.__name__} in {language}"
    return page


def test_the_budget_holds_for_every_pin():
    assert max(QUERIES.values()) <= BUDGET


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("page_type", list(QUERIES), ids=lambda page_type: page_type.__name__)
def test_each_public_page_type_stays_within_its_queries(client, demo, page_type, language, django_assert_num_queries):
    page = a_live_page(page_type, language)

    assert_steady_count(client, page.url, QUERIES[page_type], django_assert_num_queries)


@pytest.mark.parametrize(("path", "expected"), [("/fr/recherche/?q=ecole", 5), ("/en/search/?q=school", 9)])
def test_site_search_stays_within_its_queries(client, demo, path, expected, django_assert_num_queries):
    assert expected <= BUDGET
    assert_steady_count(client, path, expected, django_assert_num_queries)


def test_every_public_page_type_is_pinned():
    """A new page type joins QUERIES: every concrete Page subclass of ours that the public can see."""
    ours = {model for model in get_page_models() if model.__module__.split(".")[0] in APPS}
    assert ours == set(QUERIES)


@pytest.mark.parametrize("slug", ["colloque-national", "rassemblement-intervenants-psychosociaux"])
def test_an_event_open_for_registration_stays_within_the_budget(client, demo, slug, django_assert_num_queries):
    """The demo's colloquium (a programme, speakers, questions) and its full gathering (a waitlist)."""
    event = EventPage.objects.get(locale__language_code="fr", slug=slug)

    assert_steady_count(client, event.url, EVENT_OPEN_QUERIES[slug], django_assert_num_queries)

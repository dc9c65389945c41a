import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.members import MASDirectoryPageFactory, MASPageFactory

MONTREAL = ZoneInfo("America/Montreal")


@pytest.fixture
def event_index(home_page, translate):
    index = EventIndexPageFactory(parent=home_page, title="Événements", slug="evenements", intro="Nos rencontres.")
    translate(index, title="Events", slug="events", intro="Our gatherings.")
    return index


@pytest.fixture
def event_page(event_index, translate):
    start = datetime.datetime(2026, 11, 22, 14, 30, tzinfo=MONTREAL)
    page = EventPageFactory(
        parent=event_index,
        title="Colloque national des MAS",
        slug="colloque",
        start=start,
        end=start + datetime.timedelta(hours=3),
        venue="Montréal",
        summary="La rencontre annuelle des milieux adaptés de scolarisation.",
    )
    translate(page, title="National MAS colloquium", summary="The yearly gathering of adapted schooling settings.")
    return page


@pytest.fixture
def school(home_page):
    directory = MASDirectoryPageFactory(parent=home_page)
    return MASPageFactory(parent=directory, title="École du milieu de Lévis")


@pytest.fixture
def other_school(school):
    return MASPageFactory(parent=school.get_parent(), title="École du milieu LaSalle")


@pytest.fixture
def open_event(event_index):
    """An event a month away, registration open now, 2 seats, waitlist on."""
    start = timezone.now() + datetime.timedelta(days=30)
    return EventPageFactory(parent=event_index, title="Rassemblement", start=start, capacity=2)

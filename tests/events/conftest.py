import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory

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

import datetime

import pytest
from django.utils import timezone

from events.models import Audience
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import NewsPageFactory
from tests.home.conftest import contact_page, news_index  # noqa: F401

# The directory and its schools, as the members tests build them.
from tests.members.conftest import directory, english_directory, schools  # noqa: F401


@pytest.fixture
def places(schools, contact_page, news_index, home_page):  # noqa: F811
    """Every page a public or portal form lives on: the schools (by their key), the contact page,
    the news index with an item, the events with a public and a members-only event open for
    registration."""
    NewsPageFactory(parent=news_index, title="Une nouvelle", tags=["international"])
    events = EventIndexPageFactory(parent=home_page, title="Événements", slug="evenements")
    start = timezone.now() + datetime.timedelta(days=30)
    public = EventPageFactory(parent=events, title="Portes ouvertes", start=start, capacity=5)
    members_only = EventPageFactory(
        parent=events, title="Rassemblement", start=start, capacity=5, audience=Audience.MEMBERS
    )
    return {
        **schools,
        "directory": schools["levis"].get_parent(),
        "contact": contact_page,
        "news": news_index,
        "events": events,
        "public_event": public,
        "members_event": members_only,
    }

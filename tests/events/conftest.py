import datetime
import json
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


@pytest.fixture
def event_with_questions(open_event, translate):
    """open_event asking a dietary question (optional) and a workshop choice (required), in French
    and in English: the same questions (block ids) in both."""
    open_event.questions = [
        ("dietary", {"label": "", "help_text": "", "required": False}),
        (
            "choice",
            {
                "label": "Quel atelier?",
                "help_text": "Un seul par personne.",
                "required": True,
                "options": ["Accueil des 16 ans", "Partenariats avec les CSS"],
            },
        ),
    ]
    open_event.save_revision().publish()
    open_event.refresh_from_db()
    english = translate(open_event, title="Gathering")
    english.questions = json.dumps(
        [
            {"type": block.block_type, "value": value, "id": block.id}
            for block, value in zip(
                open_event.questions,
                [
                    {"label": "", "help_text": "", "required": False},
                    {
                        "label": "Which workshop?",
                        "help_text": "One per person.",
                        "required": True,
                        "options": ["Welcoming 16-year-olds", "Partnerships with school service centres"],
                    },
                ],
                strict=True,
            )
        ]
    )
    english.save_revision().publish()
    return open_event


def question_ids(event):
    dietary, workshop = (block.id for block in event.questions)
    return dietary, workshop

"""A member's registrations are theirs under Law 25: they are in their export. (Deletion cancels
them through the service; the rows then go with the account, by cascade.)"""

import pytest

from events.services import register_member
from members.services.privacy import export_personal_data
from tests.events.conftest import question_ids
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


def test_registrations_are_in_the_export_with_the_answers(event_with_questions, school):
    dietary, workshop = question_ids(event_with_questions)
    member = make_member(school, email="annie@example.org")
    register_member(event_with_questions, member, answers={dietary: "végétarien", workshop: "1"})

    exported = export_personal_data(member)["event_registrations"]

    assert [(row["event"], row["email"], row["answers"]) for row in exported] == [
        (
            "Rassemblement",
            "annie@example.org",
            {
                "Besoins alimentaires (allergies, végétarien, halal…)": "végétarien",
                "Quel atelier?": "Partenariats avec les CSS",
            },
        )
    ]

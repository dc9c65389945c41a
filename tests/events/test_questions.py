"""The questions an event asks (EventPage.questions): answered when registering, checked by the
services whatever the form sent, read back in the person's language."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from events.models import Registration
from events.questions import clean_answers, described_answers
from events.services import register_guest, register_member
from tests.events.conftest import question_ids
from tests.factories.accounts import make_member
from tests.utils import parse

pytestmark = pytest.mark.django_db


def codes(error):
    return [item.code for item in error.error_list]


def test_answers_are_kept_by_question_id_and_blanks_left_out(event_with_questions):
    dietary, workshop = question_ids(event_with_questions)

    cleaned = clean_answers(event_with_questions, {dietary: "  ", workshop: "0", "made-up": "x"})

    assert cleaned == {workshop: "0"}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, ["answer_required"]),
        ({"workshop": "7"}, ["answer_invalid"]),
        ({"workshop": "Accueil des 16 ans"}, ["answer_invalid"]),
        ({"workshop": "0", "dietary": "x" * 501}, ["answer_too_long"]),
    ],
)
def test_bad_answers_are_refused_with_a_reason(event_with_questions, answers, expected):
    dietary, workshop = question_ids(event_with_questions)
    ids = {"dietary": dietary, "workshop": workshop}

    with pytest.raises(ValidationError) as caught:
        clean_answers(event_with_questions, {ids[key]: value for key, value in answers.items()})

    assert codes(caught.value) == expected


def test_a_registration_with_a_missing_answer_saves_nothing(event_with_questions, school):
    with pytest.raises(ValidationError):
        register_member(event_with_questions, make_member(school), answers={})

    assert not Registration.objects.exists()


def test_each_person_reads_the_answers_in_their_language(event_with_questions):
    dietary, workshop = question_ids(event_with_questions)
    answers = {dietary: "sans gluten", workshop: "1"}
    english = event_with_questions.get_translation(translation_locale("en"))

    with translation.override("en"):
        assert described_answers(english, answers) == [
            ("Dietary needs (allergies, vegetarian, halal…)", "sans gluten"),
            ("Which workshop?", "Partnerships with school service centres"),
        ]
    with translation.override("fr"):
        assert described_answers(event_with_questions, answers) == [
            ("Besoins alimentaires (allergies, végétarien, halal…)", "sans gluten"),
            ("Quel atelier?", "Partenariats avec les CSS"),
        ]


def translation_locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_the_event_page_asks_a_member_the_questions_before_the_button(client, event_with_questions, school):
    client.force_login(make_member(school))

    page = parse(client.get(event_with_questions.url))

    form = page.select_one(".registration-box form")
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]
    assert labels == ["Besoins alimentaires (allergies, végétarien, halal…)", "Quel atelier? (obligatoire)"]
    assert [option.get_text() for option in form.select("select option")] == [
        "Choisissez…",
        "Accueil des 16 ans",
        "Partenariats avec les CSS",
    ]


def test_a_member_registers_with_answers(client, event_with_questions, school):
    dietary, workshop = question_ids(event_with_questions)
    client.force_login(make_member(school))
    url = reverse("events:register", kwargs={"event_id": event_with_questions.pk})

    response = client.post(url, {f"question_{dietary}": "végétarien", f"question_{workshop}": "1"})

    assert response.status_code == 302
    assert Registration.objects.get().answers == {dietary: "végétarien", workshop: "1"}


def test_a_member_who_skips_a_required_question_sees_it_again_with_the_error(client, event_with_questions, school):
    client.force_login(make_member(school))
    with translation.override("en"):
        url = reverse("events:register", kwargs={"event_id": event_with_questions.pk})

    response = client.post(url, {})

    assert response.status_code == 400
    page = parse(response)
    assert "Which workshop?: This field is required." in page.select_one(".error-summary").get_text(" ", strip=True)
    assert not Registration.objects.exists()


def test_a_guest_answers_the_questions_on_the_registration_form(client, event_with_questions):
    dietary, workshop = question_ids(event_with_questions)
    url = reverse("events:guest_register", kwargs={"event_id": event_with_questions.pk})

    response = client.post(
        url,
        {"name": "Léa Tremblay", "email": "lea@example.org", f"question_{workshop}": "0", f"question_{dietary}": ""},
    )

    assert response.status_code == 302
    assert Registration.objects.get().answers == {workshop: "0"}


def test_a_guest_with_a_tampered_choice_gets_the_form_back(client, event_with_questions):
    _, workshop = question_ids(event_with_questions)
    url = reverse("events:guest_register", kwargs={"event_id": event_with_questions.pk})

    response = client.post(url, {"name": "Léa", "email": "lea@example.org", f"question_{workshop}": "99"})

    assert response.status_code == 400
    assert "Choisissez une des options." in response.content.decode()
    assert not Registration.objects.exists()


def test_the_services_check_the_answers_whatever_the_form_sent(event_with_questions):
    _, workshop = question_ids(event_with_questions)

    with pytest.raises(ValidationError) as caught:
        register_guest(event_with_questions, name="Léa", email="lea@example.org", answers={workshop: "5"})

    assert codes(caught.value) == ["answer_invalid"]
    assert not Registration.objects.exists()


def test_the_confirmation_email_lists_the_answers_in_the_persons_language(
    event_with_questions, school, mailoutbox, django_capture_on_commit_callbacks
):
    dietary, workshop = question_ids(event_with_questions)
    with django_capture_on_commit_callbacks(execute=True):
        register_member(
            event_with_questions, make_member(school), language="en", answers={dietary: "vegan", workshop: "0"}
        )

    (email,) = mailoutbox
    assert "- Dietary needs (allergies, vegetarian, halal…) vegan" in email.body
    assert "- Which workshop? Welcoming 16-year-olds" in email.body

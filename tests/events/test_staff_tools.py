"""What staff do with an event's attendees in the admin: the Excel export with the answers, a
message to everyone registered, and the check-in page at the door."""

import io

import openpyxl
import pytest
from django.urls import reverse

from events.attendance import check_in
from events.models import AttendeeMessage, Registration, RegistrationStatus
from events.services import register_member
from tests.events.conftest import question_ids
from tests.factories.accounts import add_totp, make_member
from tests.factories.events import RegistrationFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(admin_client, admin_user):
    add_totp(admin_user)  # the admin asks every staff account for two-factor
    return admin_client


@pytest.fixture
def attendees(event_with_questions, school):
    """Two confirmed (one reads English), one waitlisted, one cancelled with a formula for a name."""
    dietary, workshop = question_ids(event_with_questions)
    annie = make_member(school, first_name="Annie", last_name="Gagnon", email="annie@example.org")
    register_member(event_with_questions, annie, answers={dietary: "=1+1", workshop: "1"})
    register_member(
        event_with_questions,
        make_member(school, first_name="Éric", last_name="Bélanger", email="eric@example.org"),
        language="en",
        answers={workshop: "0"},
    )
    register_member(
        event_with_questions, make_member(school, first_name="Zoé", last_name="Roy"), answers={workshop: "0"}
    )
    RegistrationFactory(event=event_with_questions, name='=HYPERLINK("http://x")', status=RegistrationStatus.CANCELLED)
    return event_with_questions


def url(name, event, **query):
    return reverse(name, kwargs={"event_id": event.pk})


def test_the_excel_export_has_a_column_per_question_and_no_formula(staff_client, attendees):
    response = staff_client.get(url("events_attendees", attendees), {"format": "xlsx"})

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-2:] == ["Besoins alimentaires (allergies, végétarien, halal…)", "Quel atelier?"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Annie Gagnon"][-2:] == ["'=1+1", "Partenariats avec les CSS"]
    assert by_name["Éric Bélanger"][-2:] == [None, "Accueil des 16 ans"]
    assert '\'=HYPERLINK("http://x")' in by_name
    assert all(cell.data_type == "s" for row in sheet.iter_rows(min_row=2) for cell in row if cell.value)


def test_the_csv_export_has_the_same_columns(staff_client, attendees):
    response = staff_client.get(url("events_attendees", attendees), {"format": "csv"})

    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.endswith(',"Besoins alimentaires (allergies, végétarien, halal…)",Quel atelier?')


def test_a_message_reaches_each_confirmed_attendee_in_their_language(
    staff_client, attendees, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("events_message", attendees),
            {
                "subject_fr": "Changement de salle",
                "body_fr": "Rendez-vous à la salle B.",
                "subject_en": "Room change",
                "body_en": "See you in room B.",
            },
        )

    assert response.status_code == 302
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == ["annie@example.org", "eric@example.org"]
    assert by_address["annie@example.org"].subject == "Changement de salle – Rassemblement"
    assert "Rendez-vous à la salle B." in by_address["annie@example.org"].body
    assert by_address["eric@example.org"].subject == "Room change – Gathering"
    assert "See you in room B." in by_address["eric@example.org"].body
    assert "/en/" in by_address["eric@example.org"].body  # the English page and cancel link
    assert AttendeeMessage.objects.get().recipients == 2


def test_the_waitlist_is_written_to_only_when_asked(
    staff_client, attendees, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            url("events_message", attendees),
            {"subject_fr": "Infos", "body_fr": "Bonjour à tous.", "include_waitlist": "on"},
        )

    assert len(mailoutbox) == 3
    # No English version: the French text for all, under the title of the event in their language.
    assert sorted(message.subject for message in mailoutbox) == [
        "Infos – Gathering",
        "Infos – Rassemblement",
        "Infos – Rassemblement",
    ]


def test_an_english_subject_without_a_message_is_refused_and_nothing_sent(staff_client, attendees, mailoutbox):
    response = staff_client.post(
        url("events_message", attendees), {"subject_fr": "Infos", "body_fr": "Bonjour.", "subject_en": "Info"}
    )

    assert response.status_code == 400
    assert "Remplissez à la fois l’objet et le message en anglais, ou aucun des deux." in response.content.decode()
    assert not AttendeeMessage.objects.exists()
    assert mailoutbox == []


def test_the_check_in_page_lists_confirmed_people_and_finds_them_without_accents(staff_client, attendees):
    everyone = parse(staff_client.get(url("events_check_in", attendees)))
    found = parse(staff_client.get(url("events_check_in", attendees), {"q": "eric BELANGER"}))

    assert [name.contents[0].strip() for name in everyone.select(".check-in__name")] == [
        "Annie Gagnon",
        "Éric Bélanger",
    ]
    assert [name.contents[0].strip() for name in found.select(".check-in__name")] == ["Éric Bélanger"]
    assert everyone.select_one("#check-in-summary").get_text() == "0 sur 2 présences notées"


def test_one_tap_checks_someone_in_and_back_to_the_same_search(staff_client, attendees):
    annie = Registration.objects.get(email="annie@example.org")

    response = staff_client.post(
        url("events_check_in", attendees), {"registration": str(annie.pk), "action": "in", "q": "annie"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=annie#registration-{annie.pk}")
    annie.refresh_from_db()
    assert annie.checked_in_at is not None
    page = parse(staff_client.get(response["Location"]))
    assert page.select_one("#check-in-summary").get_text() == "1 sur 2 présences notées"


def test_checking_in_twice_keeps_the_first_time_and_undo_clears_it(attendees):
    annie = Registration.objects.get(email="annie@example.org")

    first = check_in(attendees, annie.pk).checked_in_at
    again = check_in(attendees, annie.pk).checked_in_at
    undone = check_in(attendees, annie.pk, undo=True).checked_in_at

    assert first is not None and again == first
    assert undone is None


def test_the_phone_page_gets_the_new_row_and_count_without_a_reload(staff_client, attendees):
    annie = Registration.objects.get(email="annie@example.org")

    response = staff_client.post(
        url("events_check_in", attendees),
        {"registration": str(annie.pk), "action": "in"},
        headers={"Accept": "application/json"},
    )

    data = response.json()
    assert data["summary"] == "1 sur 2 présences notées"
    row = parse_fragment(data["row"])
    assert row.select_one("button")["value"] == "undo"


def parse_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("who", ["waitlisted", "other event", "not a number", "missing"])
def test_only_a_confirmed_attendee_of_this_event_can_be_checked_in(staff_client, attendees, open_event, who):
    waitlisted = Registration.objects.get(status=RegistrationStatus.WAITLISTED)
    elsewhere = RegistrationFactory(event=make_other_event(open_event), status=RegistrationStatus.CONFIRMED)
    value = {
        "waitlisted": str(waitlisted.pk),
        "other event": str(elsewhere.pk),
        "not a number": "1; DROP",
        "missing": "",
    }

    response = staff_client.post(url("events_check_in", attendees), {"registration": value[who], "action": "in"})

    assert response.status_code == 400
    assert "Cette personne n’est pas inscrite et confirmée à cet événement." in response.content.decode()
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def make_other_event(event):
    from tests.factories.events import EventPageFactory

    return EventPageFactory(parent=event.get_parent(), title="Autre")


def test_members_cannot_reach_the_staff_tools(client, attendees, school):
    client.force_login(make_member(school))
    annie = Registration.objects.get(email="annie@example.org")

    check = client.post(url("events_check_in", attendees), {"registration": str(annie.pk)})
    message = client.post(url("events_message", attendees), {"subject_fr": "x", "body_fr": "y"})

    assert (check.status_code, message.status_code) == (302, 302)
    annie.refresh_from_db()
    assert annie.checked_in_at is None
    assert not AttendeeMessage.objects.exists()

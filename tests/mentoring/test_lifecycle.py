"""Mentoring through time and a person's life: expiry and reminders (idempotent commands),
relationships closing when a member leaves, and the Law 25 export and erasure."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from members.mentoring import services
from members.mentoring.models import CheckIn, ClosedReason, Decline, MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.suggestions import suggestions_for
from members.services.accounts import deactivate_member
from members.services.privacy import delete_account, export_personal_data
from tests.factories.accounts import make_member
from tests.factories.mentoring import make_mentee, make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentee(levis, topics):
    return make_mentee(levis, topics, email="lea@example.org", first_name="Léa", last_name="Roy")


@pytest.fixture
def mentor(lasalle, topics):
    return make_mentor(lasalle, topics, email="marc@example.org", first_name="Marc", last_name="Dion")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a management command at `when`, with the emails it queues."""

    def call(name, when):
        with time_machine.travel(when, tick=False), django_capture_on_commit_callbacks(execute=True):
            call_command(name, stdout=io.StringIO())

    return call


def test_an_unanswered_request_expires_once_the_mentee_gets_fresh_suggestions_and_the_mentor_is_told(
    mentee, mentor, la_marge, topics, run, mailoutbox
):
    other = make_mentor(la_marge, topics)
    request = services.request_mentor(mentee, mentor)
    later = request.expires_at + datetime.timedelta(minutes=1)

    run("mentoring_expire_requests", request.expires_at - datetime.timedelta(minutes=1))
    assert mailoutbox == []
    run("mentoring_expire_requests", later)
    run("mentoring_expire_requests", later)

    request.refresh_from_db()
    assert request.state == State.EXPIRED
    assert [message.to for message in mailoutbox] == [["lea@example.org"], ["marc@example.org"]]
    assert "suggestions" in mailoutbox[0].body
    assert mailoutbox[1].subject == "La demande de mentorat de Léa Roy a expiré"
    assert [suggestion.mentor for suggestion in suggestions_for(mentee)] == [other]


def test_an_accepted_request_never_expires(mentee, mentor, run):
    request = services.accept(services.request_mentor(mentee, mentor), by=mentor)

    run("mentoring_expire_requests", request.expires_at + datetime.timedelta(days=1))

    request.refresh_from_db()
    assert request.state == State.ACTIVE


def test_a_stale_request_reminds_the_mentor_once(mentee, mentor, run, mailoutbox):
    request = services.request_mentor(mentee, mentor)
    after = request.requested_at + services.reminder_after()

    run("mentoring_send_reminders", after - datetime.timedelta(hours=1))
    assert mailoutbox == []
    run("mentoring_send_reminders", after + datetime.timedelta(hours=1))
    run("mentoring_send_reminders", after + datetime.timedelta(hours=2))

    assert [message.to for message in mailoutbox] == [["marc@example.org"]]
    assert "attend toujours votre réponse" in mailoutbox[0].body


def test_no_reminder_for_an_answered_request(mentee, mentor, run, mailoutbox):
    request = services.request_mentor(mentee, mentor)
    services.decline(request, by=mentor)
    mailoutbox.clear()

    run("mentoring_send_reminders", request.requested_at + services.reminder_after() + datetime.timedelta(hours=1))

    assert mailoutbox == []


def test_a_deactivated_mentors_relationships_close_and_the_mentee_is_told(
    mentee, mentor, lasalle, mailoutbox, django_capture_on_commit_callbacks
):
    active = services.accept(services.request_mentor(mentee, mentor), by=mentor)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        deactivate_member(mentor, by=make_member(lasalle, role="coordinator"))

    active.refresh_from_db()
    assert (active.state, active.closed_reason) == (State.CLOSED, ClosedReason.MEMBER_LEFT)
    assert [message.to for message in mailoutbox] == [["lea@example.org"]]
    assert "n’est plus membre du portail" in mailoutbox[0].body


def test_a_deactivated_mentees_waiting_request_closes_and_the_mentor_is_told(
    mentee, mentor, levis, mailoutbox, django_capture_on_commit_callbacks
):
    request = services.request_mentor(mentee, mentor)

    with django_capture_on_commit_callbacks(execute=True):
        deactivate_member(mentee, by=make_member(levis, role="coordinator"))

    request.refresh_from_db()
    assert request.state == State.CLOSED
    assert mailoutbox[-1].to == ["marc@example.org"]


@pytest.fixture
def history(mentee, mentor):
    """An active relationship with a check-in from each, after a decline by another mentor."""
    active = services.accept(
        services.request_mentor(mentee, mentor, message="Bonjour de Léa"), by=mentor, message="Bonjour de Marc"
    )
    today = timezone.localdate()
    services.add_check_in(active, by=mentee, on=today, note="Note de Léa")
    services.add_check_in(active, by=mentor, on=today, note="Note de Marc")
    return active


def test_the_law_25_export_holds_the_persons_mentoring(history, mentee):
    data = export_personal_data(mentee)["mentoring"]

    assert data["request"]["goals"] == mentee.mentee_request.goals
    assert data["offer"] is None
    (relationship,) = data["relationships"]
    assert (relationship["role"], relationship["with"], relationship["state"]) == ("mentee", "Marc Dion", "active")
    assert {check_in["note"] for check_in in relationship["check_ins"]} == {"Note de Léa", "Note de Marc"}


def test_deleting_an_account_erases_its_mentoring_and_tells_the_other(
    history, mentee, mentor, la_marge, topics, mailoutbox, django_capture_on_commit_callbacks
):
    services.dismiss_suggestion(mentee, make_mentor(la_marge, topics))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(mentee)

    history.refresh_from_db()
    assert (history.state, history.mentee, history.request_message) == (State.CLOSED, None, "")
    assert history.response_message == "Bonjour de Marc"
    assert list(CheckIn.objects.values_list("note", flat=True)) == ["Note de Marc"]
    assert not MenteeRequest.objects.exists()
    assert not Decline.objects.exists()
    assert MentorOffer.objects.filter(user=mentor).exists()
    assert [message.to for message in mailoutbox] == [["marc@example.org"]]
    assert Mentorship.objects.count() == 1  # still counted in staff figures

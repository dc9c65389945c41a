"""Reminders a week and a day before: to confirmed attendees only, each once, however often or
concurrently `events_send_reminders` runs."""

import datetime
import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from events.models import Registration
from events.services import register_member, send_due_reminders
from tests.factories.accounts import make_member
from tests.factories.events import EventPageFactory


@pytest.fixture
def in_ten_days(event_index):
    start = timezone.now() + datetime.timedelta(days=10)
    return EventPageFactory(parent=event_index, title="Webinaire sur l’accueil", start=start, capacity=1)


def run_reminders(when, django_capture_on_commit_callbacks):
    with time_machine.travel(when), django_capture_on_commit_callbacks(execute=True):
        call_command("events_send_reminders", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_week_then_a_day_before_each_reminder_once_to_confirmed_attendees_only(
    in_ten_days, school, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register_member(in_ten_days, make_member(school, email="annie@example.org"))
        register_member(in_ten_days, make_member(school, email="en.attente@example.org"))  # waitlisted
    mailoutbox.clear()
    start = in_ten_days.start

    for when in (start - datetime.timedelta(days=8), start - datetime.timedelta(days=6, hours=23)):
        run_reminders(when, django_capture_on_commit_callbacks)
    run_reminders(start - datetime.timedelta(days=5), django_capture_on_commit_callbacks)
    week = list(mailoutbox)
    for when in (start - datetime.timedelta(hours=23), start - datetime.timedelta(hours=2)):
        run_reminders(when, django_capture_on_commit_callbacks)

    assert [(message.to, message.subject) for message in week] == [
        (["annie@example.org"], "Rappel : Webinaire sur l’accueil")
    ]
    assert [message.to for message in mailoutbox] == [["annie@example.org"], ["annie@example.org"]]
    assert mailoutbox[1].attachments[0][0].endswith(".ics")


@pytest.mark.django_db
def test_registering_the_day_before_gets_the_days_reminder_only(
    in_ten_days, school, mailoutbox, django_capture_on_commit_callbacks
):
    start = in_ten_days.start
    with time_machine.travel(start - datetime.timedelta(hours=20)):
        register_member(in_ten_days, make_member(school))
    mailoutbox.clear()

    run_reminders(start - datetime.timedelta(hours=19), django_capture_on_commit_callbacks)
    run_reminders(start - datetime.timedelta(hours=18), django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_moment_send_each_reminder_once(event_index, school):
    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPageFactory(parent=event_index, title="Rassemblement", start=start, capacity=40)
    for _ in range(30):
        register_member(event, make_member(school))
    barrier = threading.Barrier(4)

    def run(_):
        try:
            barrier.wait(timeout=5)
            return send_due_reminders()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        queued = list(pool.map(run, range(4)))

    assert sum(queued) == 30
    assert Registration.objects.filter(week_reminder_sent_at__isnull=False).count() == 30

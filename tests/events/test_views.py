import datetime

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Audience, Registration, RegistrationStatus
from events.services import register_member
from tests.factories.accounts import make_member
from tests.utils import parse

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def register(client, event):
    return client.post(reverse("events:register", kwargs={"event_id": event.pk}), follow=True)


def test_a_member_registers_in_one_click(client, open_event, school):
    client.force_login(make_member(school))

    response = register(client, open_event)

    assert response.redirect_chain[-1][0] == open_event.url
    assert messages_of(response) == ["Vous êtes inscrit. Au plaisir de vous y voir!"]
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Vous êtes déjà inscrit à cet événement."), ("en", "You are already registered for this event.")],
)
def test_registering_twice_says_so_in_the_persons_language(client, open_event, school, language, message):
    member = make_member(school)
    register_member(open_event, member)
    client.force_login(member)
    with translation.override(language):
        url = reverse("events:register", kwargs={"event_id": open_event.pk})

    response = client.post(url, follow=True)

    assert messages_of(response) == [message]
    assert Registration.objects.count() == 1


def test_a_full_event_without_waitlist_says_so(client, open_event, school):
    open_event.capacity = 0
    open_event.waitlist = False
    open_event.save()
    client.force_login(make_member(school))

    response = register(client, open_event)

    assert messages_of(response) == ["Cet événement est complet."]
    assert not Registration.objects.exists()


def test_a_past_event_refuses_registration(client, open_event, school):
    open_event.start = timezone.now() - datetime.timedelta(days=2)
    open_event.end = timezone.now() - datetime.timedelta(days=1)
    open_event.save()
    client.force_login(make_member(school))

    response = register(client, open_event)

    assert messages_of(response) == ["Cet événement est terminé : les inscriptions sont closes."]


def test_the_meeting_link_is_shown_only_to_confirmed_attendees(client, open_event, school):
    open_event.online = True
    open_event.meeting_link = "https://meet.example.org/amasq"
    open_event.save()
    member = make_member(school)
    client.force_login(member)
    before = client.get(open_event.url).content.decode()
    register_member(open_event, member)

    after = client.get(open_event.url).content.decode()

    assert "meet.example.org" not in before
    assert "meet.example.org" in after


def test_a_guest_registers_and_confirms_from_the_email(
    client, open_event, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("events:guest_register", kwargs={"event_id": open_event.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"name": "Ana Tremblay", "email": "ana@example.org"})
    link = next(word for word in mailoutbox[0].body.split() if "/confirm" in word or "/confirmer" in word)

    page = client.get(link)
    client.post(link)

    assert page.status_code == 200
    assert mailoutbox[0].to == ["ana@example.org"]
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_a_guest_form_with_a_bad_email_saves_nothing(client, open_event):
    url = reverse("events:guest_register", kwargs={"event_id": open_event.pk})

    response = client.post(url, {"name": "Ana", "email": "pas-une-adresse"})

    assert response.status_code == 400
    assert parse(response).select(".form-field--invalid")
    assert not Registration.objects.exists()


def test_a_tampered_link_gets_a_clear_page(client):
    response = client.get(reverse("events:cancel", kwargs={"token": "bricole"}))

    assert response.status_code == 404
    assert "Ce lien n’est pas valide" in response.content.decode()


@pytest.mark.parametrize("view", ["events:cancel", "events:confirm"])
def test_a_link_with_a_nul_byte_gets_the_clear_page_not_a_database_error(client, view):
    url = reverse(view, kwargs={"token": "TOKEN"}).replace("TOKEN", "%00")

    response = client.post(url)

    assert response.status_code == 404
    assert "Ce lien n’est pas valide" in response.content.decode()


def test_cancelling_from_the_link_frees_the_seat(client, open_event, school):
    registration = register_member(open_event, make_member(school))

    client.post(reverse("events:cancel", kwargs={"token": registration.token}))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_the_portal_lists_my_registrations(client, open_event, school):
    member = make_member(school)
    register_member(open_event, member)
    client.force_login(member)

    response = client.get(reverse("members:home"))

    section = parse(response).select_one(".portal-section--event-registrations")
    assert section is not None
    assert open_event.title in section.get_text()


def test_members_only_event_asks_anonymous_visitors_to_sign_in(client, open_event):
    open_event.audience = Audience.MEMBERS
    open_event.save()

    response = client.get(open_event.url)

    assert open_event.summary not in response.content.decode()


def test_a_member_gets_a_confirmation_email_with_a_valid_ics(
    client, open_event, school, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(make_member(school, email="membre@example.org"))

    with django_capture_on_commit_callbacks(execute=True):
        register(client, open_event)

    [message] = smtp_server.messages
    [attachment] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    assert smtp_server.recipients == [["membre@example.org"]]
    assert message["Subject"] == f"Inscription confirmée : {open_event.title}"
    assert calendar.events[0].uid == f"{open_event.translation_key}@amasq"


def test_the_registration_button_carries_its_csrf_token(open_event, school):
    # The box is included with "only": without the token passed along, a real browser's POST
    # is refused (the test client skips the check unless asked, as here).
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_member(school))

    form = parse(client.get(open_event.url)).select_one(".registration-box form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(form["action"], {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED

"""Emails about registrations, sent in the background once the registration is committed. Tasks
take a registration id (never a name or address); each email is HTML + text in the person's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.calendar import event_calendar
from events.models import AttendeeMessage, Registration, RegistrationStatus
from events.questions import described_answers


def absolute_url(path):
    return settings.SITE_BASE_URL.rstrip("/") + path


def _send(template, registration, context, attachments=()):
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_BASE_URL,
        "registration": registration,
        "event": registration.event,
        **context,
    }
    with translation.override(registration.language):
        context["cancel_link"] = absolute_url(reverse("events:cancel", kwargs={"token": registration.token}))
        subject = " ".join(render_to_string(f"email/events/{template}_subject.txt", context).split())
        text = render_to_string(f"email/events/{template}.txt", context)
        html = render_to_string(f"email/events/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[registration.email], headers={"Auto-Submitted": "auto-generated"}
    )
    message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


@task()
def send_guest_confirmation_request(registration_id):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status != "pending":
        return
    with translation.override(registration.language):
        link = absolute_url(reverse("events:confirm", kwargs={"token": registration.token}))
    _send("confirm_address", registration, {"link": link})


@task()
def send_registration_confirmation(registration_id):
    """The confirmation, with the event in an .ics file (and its meeting link, if online)."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return
    event = registration.event
    with translation.override(registration.language):
        localized = event.localized
        ics = event_calendar(localized, meeting_link=event.meeting_link if event.online else "")
        answers = described_answers(localized, registration.answers)
    _send(
        "confirmed",
        registration,
        {
            "event": localized,
            "meeting_link": event.meeting_link if event.online else "",
            "answers": answers,
        },
        attachments=[(f"{localized.slug}.ics", ics, "text/calendar")],
    )


@task()
def send_seat_offer(registration_id):
    """A seat freed up: the first person on the waitlist may take it until the offer lapses."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status != RegistrationStatus.WAITLISTED or not registration.offer_expires:
        return
    with translation.override(registration.language):
        link = absolute_url(reverse("events:confirm", kwargs={"token": registration.token}))
        localized = registration.event.localized
    _send("seat_offer", registration, {"event": localized, "link": link, "offer_expires": registration.offer_expires})


@task()
def send_reminder(registration_id):
    """The event is near: when and where, the meeting link for an online one, the .ics again."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return
    event = registration.event
    meeting_link = event.meeting_link if event.online else ""
    with translation.override(registration.language):
        localized = event.localized
        ics = event_calendar(localized, meeting_link=meeting_link)
    _send(
        "reminder",
        registration,
        {"event": localized, "meeting_link": meeting_link},
        attachments=[(f"{localized.slug}.ics", ics, "text/calendar")],
    )


@task()
def send_change_notice(registration_id):
    """Staff moved or cancelled the event: the new time and place (or the cancellation), with an
    updated .ics that replaces the old one in the person's calendar."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return
    event = registration.event
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    meeting_link = event.meeting_link if event.online and confirmed and not event.cancelled else ""
    with translation.override(registration.language):
        localized = event.localized
        ics = event_calendar(localized, meeting_link=meeting_link)
    _send(
        "change_notice",
        registration,
        {"event": localized, "meeting_link": meeting_link, "cancelled": event.cancelled},
        attachments=[(f"{localized.slug}.ics", ics, "text/calendar")],
    )


@task()
def send_attendee_message(message_id, registration_id):
    """A message staff wrote to the attendees, in the person's language, with the event's link and
    their cancel link."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    message = AttendeeMessage.objects.filter(pk=message_id).first()
    if registration is None or message is None or registration.status == RegistrationStatus.CANCELLED:
        return
    subject, body = message.in_language(registration.language)
    with translation.override(registration.language):
        localized = registration.event.localized
    _send("attendee_message", registration, {"event": localized, "subject": subject, "body": body})

"""What staff do with an event's attendees: check them in at the door, write to them all.

Like events.services, refusals raise ValidationError with a message in the active language."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from events import mail
from events.models import AttendeeMessage, Registration, RegistrationStatus
from home.text import fold

MAX_QUERY_LENGTH = 100


def attendees_at_the_door(event, query=""):
    """The event's confirmed attendees by name, those matching `query` (every word in the name or
    email, accents and case ignored) when given."""
    registrations = (
        Registration.objects.filter(event=event.source_event(), status=RegistrationStatus.CONFIRMED)
        .select_related("school")
        .order_by("name", "pk")
    )
    words = fold((query or "").replace("\x00", "")[:MAX_QUERY_LENGTH]).split()
    if not words:
        return registrations
    if connection.vendor == "postgresql":
        for word in words:
            registrations = registrations.filter(Q(name__unaccent__icontains=word) | Q(email__icontains=word))
        return registrations
    # SQLite (`make run`) has no unaccent(): an event's list is short enough to match here.
    return [r for r in registrations if all(word in fold(f"{r.name} {r.email}") for word in words)]


def check_in(event, registration_id, *, undo=False):
    """Note that a confirmed attendee came (or, with undo, did not). Checking in twice keeps the
    first time. Raises ValidationError (not_attending) for anyone not confirmed at this event."""
    registrations = Registration.objects.filter(
        event=event.source_event(), pk=registration_id, status=RegistrationStatus.CONFIRMED
    )
    updated = registrations.update(checked_in_at=None if undo else Coalesce("checked_in_at", timezone.now()))
    if not updated:
        raise ValidationError(_("This person is not a confirmed attendee of this event."), code="not_attending")
    return registrations.get()


def recipients_of(event, *, include_waitlist):
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waitlist:
        statuses.append(RegistrationStatus.WAITLISTED)
    return Registration.objects.filter(event=event.source_event(), status__in=statuses)


@transaction.atomic
def message_attendees(event, *, subject_fr, body_fr, subject_en="", body_en="", include_waitlist=False, sent_by=None):
    """Record a message and email it to each confirmed attendee (and waitlisted person, if asked)
    in their language, after the commit. Raises ValidationError (no_recipients) when nobody would
    get it. Returns the AttendeeMessage."""
    recipient_ids = list(recipients_of(event, include_waitlist=include_waitlist).values_list("pk", flat=True))
    if not recipient_ids:
        raise ValidationError(_("Nobody is registered to receive this message."), code="no_recipients")
    message = AttendeeMessage.objects.create(
        event=event.source_event(),
        subject_fr=subject_fr,
        body_fr=body_fr,
        subject_en=subject_en,
        body_en=body_en,
        include_waitlist=include_waitlist,
        sent_by=sent_by,
        recipients=len(recipient_ids),
    )
    for registration_id in recipient_ids:
        transaction.on_commit(partial(mail.send_attendee_message.enqueue, message.pk, registration_id))
    return message

"""Registering for events, and cancelling.

Contract: every function runs in one transaction and takes a row lock on the event
(select_for_update) before counting seats, so concurrent registrations queue up on that row and
never overbook, whatever the number of web workers. Refusals raise ValidationError with a message
for the person, in the active language; nothing is saved then. Emails leave after the commit.
"""

import re
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import mail
from events.models import NEWSLETTER_OPT_IN, EventPage, Registration, RegistrationStatus
from events.questions import clean_answers
from home.signals import newsletter_opt_in
from members.public import can_see_members_only

TOKEN_CHARACTERS = re.compile(r"[A-Za-z0-9_-]+")

# How long a guest's registration holds a seat before they confirm their address.
DEFAULT_PENDING_HOLD = timedelta(minutes=30)


def pending_hold():
    return getattr(settings, "EVENTS_PENDING_HOLD", DEFAULT_PENDING_HOLD)


# How long a waitlisted person has to take a freed seat before it goes to the next one.
DEFAULT_OFFER_PERIOD = timedelta(hours=48)


def offer_period():
    return getattr(settings, "EVENTS_OFFER_PERIOD", DEFAULT_OFFER_PERIOD)


def _locked(event):
    # of=("self",): lock the event's own row, not the shared wagtailcore_page row editors save.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.source_event().pk)


def closed_message(state):
    return {
        "cancelled": _("This event is cancelled."),
        "past": _("This event is over: registration is closed."),
        "not_open": _("Registration for this event is not open yet."),
        "closed": _("Registration for this event is closed."),
    }[state]


def _check_open(event, now):
    state = event.registration_state(now)
    if state:
        raise ValidationError(closed_message(state), code=state)


def _place_status(event, school, now):
    """The status a new registration gets: a seat if there is one, else the waitlist, else a refusal."""
    holding = Registration.objects.filter(event=event).holding_a_seat(now)
    full = event.capacity is not None and holding.count() >= event.capacity
    school_full = (
        school is not None
        and event.seats_per_school is not None
        and holding.filter(school=school).count() >= event.seats_per_school
    )
    if not full and not school_full:
        return RegistrationStatus.CONFIRMED
    if event.waitlist:
        return RegistrationStatus.WAITLISTED
    if school_full and not full:
        raise ValidationError(
            _("Your school has already taken all the seats it may have at this event."), code="school_full"
        )
    raise ValidationError(_("This event is full."), code="full")


def _save(registration):
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        # The unique constraints, should a check above ever miss a duplicate.
        raise ValidationError(_("You are already registered for this event."), code="duplicate") from error
    _email_after_commit(registration)
    return registration


def _email_after_commit(registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        send = mail.send_registration_confirmation
    elif registration.status == RegistrationStatus.PENDING:
        send = mail.send_guest_confirmation_request
    else:
        return
    transaction.on_commit(partial(send.enqueue, registration.pk))


@transaction.atomic
def register_member(event, user, *, language="fr", answers=None):
    """Register a member (or AMASQ staff) with their account's name and email.

    Returns the Registration, confirmed or waitlisted. Raises ValidationError (codes: not_member,
    past, not_open, closed, duplicate, full, school_full, and answer_* for the event's questions).
    """
    if not can_see_members_only(user):
        raise ValidationError(_("Only members can register this way."), code="not_member")
    event = _locked(event)
    now = timezone.now()
    _check_open(event, now)
    if Registration.objects.active().filter(event=event, user=user).exists():
        raise ValidationError(_("You are already registered for this event."), code="duplicate")
    answers = clean_answers(event, answers)
    # AMASQ staff may have no membership (the reverse one-to-one then raises an AttributeError).
    membership = getattr(user, "membership", None)
    school = membership.school if membership else None
    return _save(
        Registration(
            event=event,
            user=user,
            school=school,
            name=user.get_full_name() or user.get_username(),
            email=user.email,
            language=language,
            answers=answers,
            status=_place_status(event, school, now),
            created_at=now,
        )
    )


@transaction.atomic
def register_guest(event, *, name, email, language="fr", answers=None, newsletter_opt_in=False):
    """Register a guest for a public event; they hold a seat for pending_hold() until they confirm
    their address (confirm_guest). Raises ValidationError (codes: members_only, past, not_open,
    closed, duplicate, full, answer_*)."""
    event = _locked(event)
    if event.members_only:
        raise ValidationError(_("This event is for members only."), code="members_only")
    now = timezone.now()
    _check_open(event, now)
    if Registration.objects.active().filter(event=event, email__iexact=email).exists():
        raise ValidationError(_("This email address is already registered for this event."), code="duplicate")
    answers = clean_answers(event, answers)
    status = _place_status(event, None, now)
    return _save(
        Registration(
            event=event,
            name=name,
            email=email,
            language=language,
            answers=answers,
            newsletter_opt_in=newsletter_opt_in,
            status=RegistrationStatus.PENDING if status == RegistrationStatus.CONFIRMED else status,
            hold_until=now + pending_hold() if status == RegistrationStatus.CONFIRMED else None,
            created_at=now,
        )
    )


def registration_for_token(token):
    """The registration a link's token names, or ValidationError (code: bad_link)."""
    # Tokens are URL-safe base64 (new_token); anything else (a NUL byte, which PostgreSQL refuses
    # in a query, or a pasted fragment) cannot name a registration and is not looked up.
    well_formed = bool(token) and len(token) <= 64 and TOKEN_CHARACTERS.fullmatch(token) is not None
    registration = Registration.objects.select_related("event").filter(token=token).first() if well_formed else None
    if registration is None:
        raise ValidationError(_("This link is not valid. Check that you copied it whole."), code="bad_link")
    return registration


@transaction.atomic
def confirm_guest(token):
    """A guest confirms their address. Past the hold, they get a seat only if one is still free
    (else the waitlist, or a refusal). Raises ValidationError (bad_link, cancelled, past, full)."""
    registration = registration_for_token(token)
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration was cancelled."), code="cancelled")
    if registration.status != RegistrationStatus.PENDING:
        return registration
    now = timezone.now()
    if event.end < now:
        raise ValidationError(_("This event is over: registration is closed."), code="past")
    if registration.hold_until and registration.hold_until <= now:
        registration.status = _place_status(event, None, now)
    else:
        registration.status = RegistrationStatus.CONFIRMED
    registration.hold_until = None
    registration.save(update_fields=["status", "hold_until"])
    _email_after_commit(registration)
    if registration.newsletter_opt_in:
        _pass_on_newsletter_opt_in(registration)
    return registration


def _pass_on_newsletter_opt_in(registration):
    """The guest ticked the newsletter box and has now confirmed their address: tell the newsletter."""
    with translation.override(registration.language):
        wording = str(NEWSLETTER_OPT_IN)
        page_url = reverse("events:guest_register", kwargs={"event_id": registration.event_id})
    newsletter_opt_in.send(
        sender=Registration,
        email=registration.email,
        language=registration.language,
        source="event",
        wording=wording,
        page_url=page_url,
    )


@transaction.atomic
def cancel(registration):
    """Cancel a registration; its seat goes to the first person on the waitlist, who is offered it
    by email. Cancelling twice changes nothing."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk, event=event)
    if registration.status != RegistrationStatus.CANCELLED:
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.hold_until = None
        registration.offer_expires = None
        registration.save(update_fields=["status", "cancelled_at", "hold_until", "offer_expires"])
        offer_free_seats(event, timezone.now())
    return registration


def cancel_upcoming_registrations(user):
    """Cancel `user`'s registrations for events still to come (cancel() for each: freed seats are
    offered to the waitlist). Returns how many were cancelled."""
    registrations = list(Registration.objects.active().filter(user=user, event__end__gt=timezone.now()))
    for registration in registrations:
        cancel(registration)
    return len(registrations)


def _school_has_room(event, school, holding):
    if school is None or event.seats_per_school is None:
        return True
    return holding.filter(school=school).count() < event.seats_per_school


def offer_free_seats(event, now):
    """Offer each free seat of `event` (locked by the caller) to the next person on the waitlist
    whose school still has room, for offer_period(); each gets an email. Returns the offers made.
    Seats already offered count as taken, so calling it again offers nothing twice."""
    if event.capacity is None or event.is_past:
        return []
    holding = Registration.objects.filter(event=event).holding_a_seat(now)
    free = event.capacity - holding.count()
    offers = []
    for registration in Registration.objects.filter(event=event).waiting_for_an_offer().select_for_update():
        if free <= 0:
            break
        if not _school_has_room(event, registration.school, holding):
            continue
        registration.offer_expires = now + offer_period()
        registration.save(update_fields=["offer_expires"])
        transaction.on_commit(partial(mail.send_seat_offer.enqueue, registration.pk))
        offers.append(registration)
        free -= 1
    return offers


@transaction.atomic
def accept_offer(token):
    """A waitlisted person takes the seat they were offered. Raises ValidationError (bad_link,
    cancelled, no_offer, offer_lapsed)."""
    registration = registration_for_token(token)
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk, event=event)
    now = timezone.now()
    if registration.status == RegistrationStatus.CONFIRMED:
        return registration
    lapsed = registration.offer_expires is not None and registration.offer_expires <= now
    if registration.status == RegistrationStatus.CANCELLED and not lapsed:
        raise ValidationError(_("This registration was cancelled."), code="cancelled")
    if registration.offer_expires is None:
        raise ValidationError(
            _("No seat has been offered to you yet: you are still on the waitlist."), code="no_offer"
        )
    if lapsed:
        raise ValidationError(
            _("This offer has lapsed and the seat went to the next person on the waitlist."), code="offer_lapsed"
        )
    registration.status = RegistrationStatus.CONFIRMED
    registration.offer_expires = None
    registration.save(update_fields=["status", "offer_expires"])
    _email_after_commit(registration)
    return registration


def process_waitlists(now=None):
    """What a scheduler runs (manage.py events_process_waitlist): offers that lapsed lose their
    turn, and seats freed by them or by guests who never confirmed go to the next people waiting.
    Idempotent, and safe beside a second run: each event is handled under its row lock.
    Returns (lapsed, offered) counts."""
    now = now or timezone.now()
    lapsed = offered = 0
    event_ids = (
        Registration.objects.filter(status=RegistrationStatus.WAITLISTED, event__end__gt=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in list(event_ids):
        with transaction.atomic():
            event = EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)
            lapsed += Registration.objects.filter(
                event=event, status=RegistrationStatus.WAITLISTED, offer_expires__lte=now
            ).update(status=RegistrationStatus.CANCELLED, cancelled_at=now)  # offer_expires kept: "lapsed"
            offered += len(offer_free_seats(event, now))
    return lapsed, offered


def registration_of(event, user):
    """The member's active registration for the event, or None."""
    if not user.is_authenticated:
        return None
    return Registration.objects.active().filter(event=event.source_event(), user=user).first()


def upcoming_registrations(user):
    return (
        Registration.objects.active()
        .filter(user=user, event__end__gte=timezone.now())
        .select_related("event")
        .order_by("event__start", "pk")
    )


# (field recording it, how long before the start it goes out): a week before, then the day before.
REMINDERS = (("week_reminder_sent_at", timedelta(days=7)), ("day_reminder_sent_at", timedelta(days=1)))


def send_due_reminders(now=None):
    """Remind confirmed attendees of events starting within a week (and again within a day).

    Each reminder is claimed by an UPDATE that only succeeds while its field is empty, committed
    before the email is queued: a second run, or two runs at once, never send it twice. Someone
    who registers the day before gets the day's reminder only. Returns how many were queued.
    """
    now = now or timezone.now()
    queued = 0
    for field, ahead in REMINDERS:
        window = {"event__start__gt": now, "event__start__lte": now + ahead}
        if field == "week_reminder_sent_at":
            window["event__start__gt"] = now + REMINDERS[1][1]
        due = Registration.objects.filter(status=RegistrationStatus.CONFIRMED, **window, **{f"{field}__isnull": True})
        for registration_id in list(due.values_list("pk", flat=True)):
            with transaction.atomic():
                claimed = Registration.objects.filter(pk=registration_id, **{f"{field}__isnull": True}).update(
                    **{field: now}
                )
                if claimed:
                    transaction.on_commit(partial(mail.send_reminder.enqueue, registration_id))
                    queued += 1
    return queued


def notify_change(event):
    """After staff publish `event`: if its time or place changed or it was cancelled since
    registrants were last told (SEQUENCE above notified_sequence), email everyone registered
    (confirmed or waitlisted) in their language with the updated .ics. The claim is an UPDATE
    that only one publish can win, so a notice goes out once per change, never on a mere re-publish.
    Returns how many notices were queued."""
    event = event.source_event()
    claimed = EventPage.objects.filter(pk=event.pk, notified_sequence__lt=F("sequence")).update(
        notified_sequence=F("sequence")
    )
    if not claimed:
        return 0
    registrations = list(
        Registration.objects.filter(
            event=event, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
        ).values_list("pk", flat=True)
    )
    for registration_id in registrations:
        transaction.on_commit(partial(mail.send_change_notice.enqueue, registration_id))
    return len(registrations)

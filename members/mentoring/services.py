"""Taking part in mentoring and living a relationship: offers, requests, accept or decline,
goals, check-ins, closing with feedback, staff matches, expiry and reminders.

Contract: every function that writes runs in one transaction; refusals raise ValidationError with
a message for the person, in the active language (code in `error.code`), and nothing is saved
then. Arguments after the main object are keyword-only. Emails leave after the commit, through
tasks that take ids (members/mentoring/mail.py).

Capacity: accepting a mentee locks the mentor's offer row (select_for_update) before counting
their active relationships, so two accepts at the same moment queue up on that row and a
mentor's capacity is never exceeded, whatever the number of web workers.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.mentoring import mail, matching
from members.mentoring.models import (
    MAX_CAPACITY,
    CheckIn,
    ClosedReason,
    Decline,
    Feedback,
    Format,
    Language,
    MenteeRequest,
    MentorOffer,
    Mentorship,
    State,
)
from members.mentoring.suggestions import excluded_pairs_for, mentee_person, mentor_person
from members.public import is_amasq_staff, is_member

DEFAULT_REQUEST_VALIDITY = timedelta(days=14)
DEFAULT_REMINDER_AFTER = timedelta(days=7)


def request_validity():
    """How long a mentor has to answer a request before it expires (MENTORING_REQUEST_VALIDITY)."""
    return getattr(settings, "MENTORING_REQUEST_VALIDITY", DEFAULT_REQUEST_VALIDITY)


def reminder_after():
    """How long a request waits before its mentor is reminded once (MENTORING_REMINDER_AFTER)."""
    return getattr(settings, "MENTORING_REMINDER_AFTER", DEFAULT_REMINDER_AFTER)


def _email(template, mentorship, recipient):
    """Queue `template` for the mentorship's `recipient` ("mentor" or "mentee") after the commit."""
    transaction.on_commit(partial(mail.send_mentorship_email.enqueue, mentorship.pk, template, recipient))


def _check_member(user):
    if not is_member(user):
        raise ValidationError(
            _("Mentoring is for members of a member school with an active account."), code="not_member"
        )


def _check_choices(*, topics, format, languages):
    if not topics:
        raise ValidationError(_("Choose at least one topic."), code="no_topics")
    if format not in Format.values:
        raise ValidationError(_("Choose a format: remote, in person, or either."), code="bad_format")
    if not languages or any(code not in Language.values for code in languages):
        raise ValidationError(_("Choose at least one language from the list."), code="bad_languages")


def active_count(mentor):
    return Mentorship.objects.filter(mentor=mentor, state=State.ACTIVE).count()


# Taking part -------------------------------------------------------------------------------


@transaction.atomic
def save_offer(user, *, topics, capacity, format, languages, years_in_role, availability, paused, language):
    """Create or update `user`'s offer to mentor. `topics`: Expertise objects; `languages`:
    Language codes; `language`: the portal's language, for emails. Raises ValidationError
    (not_member, no_topics, bad_format, bad_languages, bad_capacity, below_current)."""
    _check_member(user)
    _check_choices(topics=topics, format=format, languages=languages)
    if not 1 <= capacity <= MAX_CAPACITY:
        raise ValidationError(
            _("A mentor takes between 1 and %(max)d mentees at once.") % {"max": MAX_CAPACITY}, code="bad_capacity"
        )
    offer = MentorOffer.objects.select_for_update().filter(user=user).first() or MentorOffer(user=user)
    current = active_count(user)
    if capacity < current:
        raise ValidationError(
            _("You mentor %(count)d people now: your offer cannot take fewer.") % {"count": current},
            code="below_current",
        )
    offer.capacity = capacity
    offer.format = format
    offer.languages = [code for code in Language.values if code in languages]
    offer.years_in_role = years_in_role
    offer.availability = availability
    offer.paused = paused
    offer.language = language
    offer.save()
    offer.topics.set(topics)
    return offer


@transaction.atomic
def save_request(user, *, topics, goals, format, languages, language):
    """Create or update `user`'s request for a mentor, which opens it again if they had stopped
    looking. Raises ValidationError (not_member, no_topics, no_goals, bad_format, bad_languages)."""
    _check_member(user)
    _check_choices(topics=topics, format=format, languages=languages)
    if not goals.strip():
        raise ValidationError(_("Tell mentors what you would like to work on."), code="no_goals")
    request = MenteeRequest.objects.select_for_update().filter(user=user).first() or MenteeRequest(user=user)
    request.goals = goals.strip()
    request.format = format
    request.languages = [code for code in Language.values if code in languages]
    request.language = language
    request.open = True
    request.save()
    request.topics.set(topics)
    return request


@transaction.atomic
def set_paused(user, *, paused):
    """Pause or resume `user`'s offer: a paused mentor is not suggested; their current mentees stay."""
    updated = MentorOffer.objects.filter(user=user).update(paused=paused, updated_at=timezone.now())
    if not updated:
        raise ValidationError(_("You have not offered to mentor."), code="no_offer")


@transaction.atomic
def stop_looking(user):
    """`user` no longer looks for a mentor: they get no suggestions and staff do not match them.
    A request waiting for an answer stays until the mentor answers or it expires."""
    MenteeRequest.objects.filter(user=user).update(open=False, updated_at=timezone.now())


def _pending_count(mentor):
    return Mentorship.objects.filter(mentor=mentor, state=State.REQUESTED).count()


# A relationship ----------------------------------------------------------------------------


@transaction.atomic
def request_mentor(mentee, mentor, *, message="", proposed_by=None, now=None):
    """`mentee` asks `mentor` (or AMASQ staff `proposed_by` match them): a request the mentor
    accepts or declines before request_validity() runs out. The mentor gets an email (and the
    mentee too when staff matched them). Raises ValidationError (not_member, no_request,
    already_open, no_offer, and the matching.Rule codes)."""
    _check_member(mentee)
    request = MenteeRequest.objects.select_for_update().filter(user=mentee).first()
    if request is None or not request.open:
        raise ValidationError(_("Ask for a mentor first: say what you are looking for."), code="no_request")
    if Mentorship.objects.open().filter(mentee=mentee).exists():
        raise ValidationError(_("You already have a mentor, or a request waiting for an answer."), code="already_open")
    offer = MentorOffer.objects.filter(user=mentor).select_related("user").first()
    if offer is None or not is_member(mentor):
        raise ValidationError(_("This person does not offer mentoring."), code="no_offer")
    # Staff proposals count the requests already waiting for the mentor, so that a batch of
    # proposals never asks more of a mentor than their capacity.
    taken = active_count(mentor) + (_pending_count(mentor) if proposed_by is not None else 0)
    excluded = excluded_pairs_for(mentee_ids=[mentee.pk], mentor_ids=[mentor.pk])
    broken = matching.refusal(mentee_person(request), mentor_person(offer, taken=taken), excluded)
    if broken is not None:
        raise ValidationError(matching.rule_message(broken), code=broken)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            mentorship = Mentorship.objects.create(
                mentor=mentor,
                mentee=mentee,
                request_message=message.strip(),
                goals=request.goals,
                proposed_by=proposed_by,
                requested_at=now,
                expires_at=now + request_validity(),
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You already have a mentor, or a request waiting for an answer."), code="already_open"
        ) from error
    _email("request_received", mentorship, "mentor")
    if proposed_by is not None:
        _email("staff_match", mentorship, "mentee")
    return mentorship


def _locked(mentorship):
    return Mentorship.objects.select_for_update().get(pk=mentorship.pk)


def _check_party(mentorship, user, role=None):
    """`user` must be in the pair (as `role`, if given): anyone else gets PermissionDenied."""
    actual = mentorship.role_of(user)
    if actual is None or (role is not None and actual != role):
        raise PermissionDenied


def _check_waiting(mentorship, now):
    if mentorship.state != State.REQUESTED:
        raise ValidationError(_("This request has already been answered or closed."), code="not_waiting")
    if mentorship.expires_at <= now:
        raise ValidationError(_("This request has expired."), code="expired")


@transaction.atomic
def accept(mentorship, *, by, message="", now=None):
    """The mentor accepts: the relationship is active, with the mentee's goals as shared goals.
    Raises PermissionDenied (not the mentor) or ValidationError (not_waiting, expired,
    mentee_left, full)."""
    _check_party(mentorship, by, "mentor")
    # The offer first, then the request: every accept of this mentor queues on the offer row.
    offer = MentorOffer.objects.select_for_update().filter(user=by).first()
    mentorship = _locked(mentorship)
    now = now or timezone.now()
    _check_waiting(mentorship, now)
    if mentorship.mentee is None or not is_member(mentorship.mentee):
        raise ValidationError(_("This person is no longer a member."), code="mentee_left")
    capacity = offer.capacity if offer else 0
    if active_count(by) >= capacity:
        raise ValidationError(
            _("You already mentor as many people as your offer allows. Raise it in your offer, or decline."),
            code="full",
        )
    mentorship.state = State.ACTIVE
    mentorship.answered_at = now
    mentorship.response_message = message.strip()
    mentorship.save(update_fields=["state", "answered_at", "response_message"])
    _email("request_accepted", mentorship, "mentee")
    return mentorship


@transaction.atomic
def decline(mentorship, *, by, message="", now=None):
    """The mentor declines: the pair is never suggested again and the mentee gets fresh
    suggestions by email. Raises PermissionDenied or ValidationError (not_waiting, expired)."""
    _check_party(mentorship, by, "mentor")
    mentorship = _locked(mentorship)
    now = now or timezone.now()
    _check_waiting(mentorship, now)
    mentorship.state = State.DECLINED
    mentorship.answered_at = now
    mentorship.response_message = message.strip()
    mentorship.save(update_fields=["state", "answered_at", "response_message"])
    if mentorship.mentee_id:
        Decline.objects.get_or_create(
            mentor_id=mentorship.mentor_id, mentee_id=mentorship.mentee_id, defaults={"declined_by": Decline.By.MENTOR}
        )
    _email("request_declined", mentorship, "mentee")
    return mentorship


@transaction.atomic
def withdraw(mentorship, *, by, now=None):
    """The mentee withdraws a request still waiting for an answer; the mentor is told. Raises
    PermissionDenied or ValidationError (not_waiting)."""
    _check_party(mentorship, by, "mentee")
    mentorship = _locked(mentorship)
    if mentorship.state != State.REQUESTED:
        raise ValidationError(_("This request has already been answered or closed."), code="not_waiting")
    mentorship.state = State.CLOSED
    mentorship.closed_at = now or timezone.now()
    mentorship.closed_reason = ClosedReason.WITHDRAWN
    mentorship.save(update_fields=["state", "closed_at", "closed_reason"])
    _email("request_withdrawn", mentorship, "mentor")
    return mentorship


@transaction.atomic
def dismiss_suggestion(mentee, mentor):
    """The mentee sets a suggested mentor aside: they are not suggested to each other again."""
    Decline.objects.get_or_create(mentor=mentor, mentee=mentee, defaults={"declined_by": Decline.By.MENTEE})


def _check_active(mentorship):
    if mentorship.state != State.ACTIVE:
        raise ValidationError(_("This relationship is not active."), code="not_active")


@transaction.atomic
def set_goals(mentorship, *, by, goals):
    """Either person of an active pair rewrites their shared goals. Raises PermissionDenied or
    ValidationError (not_active, no_goals)."""
    _check_party(mentorship, by)
    mentorship = _locked(mentorship)
    _check_active(mentorship)
    if not goals.strip():
        raise ValidationError(_("Write at least one goal."), code="no_goals")
    mentorship.goals = goals.strip()
    mentorship.save(update_fields=["goals"])
    return mentorship


@transaction.atomic
def add_check_in(mentorship, *, by, on, note, today=None):
    """A check-in of an active pair: the date they met or spoke (`on`, not in the future) and a
    note only the two of them see. Raises PermissionDenied or ValidationError (not_active,
    future, no_note)."""
    _check_party(mentorship, by)
    mentorship = _locked(mentorship)
    _check_active(mentorship)
    today = today or timezone.localdate()
    if on > today:
        raise ValidationError(
            _("A check-in records a meeting that took place: choose today or earlier."), code="future"
        )
    if not note.strip():
        raise ValidationError(_("Write a few words about the check-in."), code="no_note")
    return CheckIn.objects.create(mentorship=mentorship, author=by, date=on, note=note.strip())


def _save_feedback(mentorship, by, usefulness, goals_met):
    if usefulness not in range(1, 6) or goals_met not in Feedback.Goals.values:
        raise ValidationError(_("Answer both questions of the feedback form."), code="bad_feedback")
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                mentorship=mentorship,
                author=by,
                role=mentorship.role_of(by),
                usefulness=usefulness,
                goals_met=goals_met,
            )
    except IntegrityError as error:
        raise ValidationError(_("You have already given your feedback."), code="duplicate") from error


@transaction.atomic
def close(mentorship, *, by, usefulness=None, goals_met=None, now=None):
    """Either person ends an active relationship, with their feedback if given (both answers or
    none); the other is told by email and asked for theirs. The mentee stops looking for a
    mentor (they may ask again). Raises PermissionDenied or ValidationError (not_active,
    bad_feedback)."""
    _check_party(mentorship, by)
    mentorship = _locked(mentorship)
    _check_active(mentorship)
    mentorship.state = State.CLOSED
    mentorship.closed_at = now or timezone.now()
    mentorship.closed_reason = ClosedReason.COMPLETED
    mentorship.save(update_fields=["state", "closed_at", "closed_reason"])
    if usefulness is not None or goals_met is not None:
        _save_feedback(mentorship, by, usefulness, goals_met)
    if mentorship.mentee_id:
        MenteeRequest.objects.filter(user_id=mentorship.mentee_id).update(open=False)
    other = "mentee" if mentorship.role_of(by) == "mentor" else "mentor"
    _email("relationship_closed", mentorship, other)
    return mentorship


@transaction.atomic
def give_feedback(mentorship, *, by, usefulness, goals_met):
    """Feedback on a closed relationship, once per person. Raises PermissionDenied or
    ValidationError (not_closed, bad_feedback, duplicate)."""
    _check_party(mentorship, by)
    mentorship = _locked(mentorship)
    if mentorship.state != State.CLOSED or mentorship.closed_reason == ClosedReason.WITHDRAWN:
        raise ValidationError(_("Feedback is given once the relationship has ended."), code="not_closed")
    return _save_feedback(mentorship, by, usefulness, goals_met)


# A member leaves ---------------------------------------------------------------------------


def close_for_departed_member(user, *, now=None):
    """`user` stopped being a member (deactivated or deleting their account): their open requests
    and relationships close, and the other person of each is told by email. Runs inside the
    transaction that ended the membership. Returns the relationships closed."""
    now = now or timezone.now()
    closed = []
    for mentorship in Mentorship.objects.open().involving(user).select_for_update():
        role = mentorship.role_of(user)
        mentorship.state = State.CLOSED
        mentorship.closed_at = now
        mentorship.closed_reason = ClosedReason.MEMBER_LEFT
        mentorship.save(update_fields=["state", "closed_at", "closed_reason"])
        _email("partner_left", mentorship, "mentee" if role == "mentor" else "mentor")
        closed.append(mentorship)
    return closed


# AMASQ staff -------------------------------------------------------------------------------


def _check_staff(user):
    if not is_amasq_staff(user):
        raise PermissionDenied


def match_by_hand(mentee, mentor, *, by):
    """AMASQ staff match a waiting mentee with a mentor: a request on the mentee's behalf that the
    mentor accepts or declines; both are told. The same rules as for suggestions hold. Raises
    PermissionDenied (not staff) or the ValidationErrors of request_mentor."""
    _check_staff(by)
    return request_mentor(mentee, mentor, proposed_by=by)


def confirm_proposal(pairs, *, by):
    """AMASQ staff confirm the (mentee, mentor) pairs of a whole-pool proposal they reviewed: each
    becomes a request (as match_by_hand), in its own transaction, so that a pair that no longer
    holds (someone paused, was matched meanwhile) is reported without undoing the others.
    Returns (created mentorships, [(mentee, mentor, message)] refused)."""
    _check_staff(by)
    created, refused = [], []
    for mentee, mentor in pairs:
        try:
            created.append(request_mentor(mentee, mentor, proposed_by=by))
        except ValidationError as error:
            refused.append((mentee, mentor, error.messages[0]))
    return created, refused


# Scheduled work ----------------------------------------------------------------------------


def expire_requests(now=None):
    """Requests past their expiry date expire; each mentee gets fresh suggestions by email, the
    mentor is told the request is closed, and is not suggested to them again. Each is claimed by an UPDATE that only succeeds
    while the request is still waiting: a second run, or two at once, never expire (or email)
    twice, and an accept that got there first wins. Returns how many expired."""
    now = now or timezone.now()
    expired = 0
    due = Mentorship.objects.filter(state=State.REQUESTED, expires_at__lte=now)
    for mentorship_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = Mentorship.objects.filter(pk=mentorship_id, state=State.REQUESTED, expires_at__lte=now).update(
                state=State.EXPIRED, answered_at=now
            )
            if claimed:
                transaction.on_commit(
                    partial(mail.send_mentorship_email.enqueue, mentorship_id, "request_expired", "mentee")
                )
                transaction.on_commit(
                    partial(mail.send_mentorship_email.enqueue, mentorship_id, "request_lapsed", "mentor")
                )
                expired += 1
    return expired


def send_reminders(now=None):
    """Mentors whose request has waited reminder_after() get one reminder (claimed first, as in
    expire_requests, so never twice). Returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    stale = Mentorship.objects.filter(
        state=State.REQUESTED,
        reminder_sent_at__isnull=True,
        requested_at__lte=now - reminder_after(),
        expires_at__gt=now,
    )
    for mentorship_id in list(stale.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = Mentorship.objects.filter(
                pk=mentorship_id, state=State.REQUESTED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:
                transaction.on_commit(
                    partial(mail.send_mentorship_email.enqueue, mentorship_id, "request_reminder", "mentor")
                )
                queued += 1
    return queued

"""Mentoring between staff of member schools: who offers to mentor, who asks for a mentor, and
the relationships between them (members/mentoring/services.py changes them; nothing else does).

Plain Django models: members create them from the portal, AMASQ staff match from the pool. Topics
come from the shared expertise term base of profiles (`members.Expertise`, referenced by name so
that this app imports no members module but `members.public`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MAX_CAPACITY = 5


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else gettext("a former member")


def language_names(codes):
    labels = dict(Language.choices)
    return [str(labels.get(code, code)) for code in codes]


class Format(models.TextChoices):
    REMOTE = "remote", _("Remote")
    IN_PERSON = "in_person", _("In person")
    EITHER = "either", _("Remote or in person")


class Language(models.TextChoices):
    """Languages a pair can talk in (the codes of members' profile languages)."""

    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    PORTUGUESE = "pt", _("Portuguese")
    CHINESE = "zh", _("Chinese")
    CREE = "cr", _("Cree")
    INNU = "moe", _("Innu-aimun")
    INUKTITUT = "iu", _("Inuktitut")


class State(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACTIVE = "active", pgettext_lazy("mentoring relationship", "Active")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CLOSED = "closed", _("Closed")


OPEN_STATES = [State.REQUESTED, State.ACTIVE]


class ClosedReason(models.TextChoices):
    COMPLETED = "completed", _("Ended by the pair")
    WITHDRAWN = "withdrawn", _("Request withdrawn")
    MEMBER_LEFT = "member_left", _("A member left the portal")


class MentorOfferQuerySet(models.QuerySet):
    def of_members(self):
        """Offers of people who are members now: an active account in a school, not deactivated."""
        return self.filter(
            user__is_active=True,
            user__membership__school__isnull=False,
            user__membership__deactivated_at__isnull=True,
        )

    def available(self):
        return self.of_members().filter(paused=False)


class MentorOffer(models.Model):
    """A member's offer to mentor peers of other schools: topics, how many mentees at once,
    format, languages, availability, and a pause switch. One per person, edited in the portal."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_offer", verbose_name=_("mentor")
    )
    topics = models.ManyToManyField("members.Expertise", related_name="mentor_offers", verbose_name=_("topics"))
    capacity = models.PositiveSmallIntegerField(
        _("mentees at once"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.EITHER)
    languages = models.JSONField(_("languages"), default=list)
    years_in_role = models.PositiveSmallIntegerField(
        _("years of experience in my role"), default=0, validators=[MaxValueValidator(60)]
    )
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    paused = models.BooleanField(_("paused"), default=False)
    # The portal's language when the person last saved: emails to them are written in it.
    language = models.CharField(
        _("language of emails"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("offered on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    objects = MentorOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor offer")
        verbose_name_plural = _("mentor offers")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def language_names(self):
        return language_names(self.languages)


class MenteeRequestQuerySet(models.QuerySet):
    def of_members(self):
        return self.filter(
            user__is_active=True,
            user__membership__school__isnull=False,
            user__membership__deactivated_at__isnull=True,
        )

    def waiting(self):
        """Open requests of members with no mentor yet and no request waiting for an answer."""
        busy = Mentorship.objects.filter(state__in=OPEN_STATES).values("mentee_id")
        return self.of_members().filter(open=True).exclude(user_id__in=busy)


class MenteeRequest(models.Model):
    """A member asking for a mentor: topics, goals in their own words, format, languages. One per
    person, edited in the portal; `open` is off once they stop looking."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_request", verbose_name=_("mentee")
    )
    topics = models.ManyToManyField("members.Expertise", related_name="mentee_requests", verbose_name=_("topics"))
    goals = models.TextField(_("goals"), max_length=2000)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.EITHER)
    languages = models.JSONField(_("languages"), default=list)
    open = models.BooleanField(_("looking for a mentor"), default=True)
    language = models.CharField(
        _("language of emails"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    objects = MenteeRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentee request")
        verbose_name_plural = _("mentee requests")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def language_names(self):
        return language_names(self.languages)


class MentorshipQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def involving(self, user):
        return self.filter(Q(mentor=user) | Q(mentee=user))


class Mentorship(models.Model):
    """A mentee's request to a mentor, then the relationship: requested → active (or declined,
    expired) → closed. Seen by the pair only; staff see its state and dates, never its notes.

    The people are kept as empty keys once they delete their account, so that staff reports
    still count the relationship."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="mentorships_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="mentorships_as_mentee",
        verbose_name=_("mentee"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REQUESTED)
    request_message = models.TextField(_("message with the request"), max_length=2000, blank=True)
    response_message = models.TextField(_("message with the answer"), max_length=2000, blank=True)
    goals = models.TextField(_("shared goals"), max_length=2000, blank=True)
    # AMASQ staff who matched the pair by hand or from a whole-pool proposal; empty if the
    # mentee asked themselves.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    requested_at = models.DateTimeField(_("requested on"))
    expires_at = models.DateTimeField(_("expires on"))
    reminder_sent_at = models.DateTimeField(_("reminder sent on"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    closed_reason = models.CharField(_("why it closed"), max_length=12, choices=ClosedReason.choices, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            # One request or relationship at a time per mentee, even when two requests race.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(state__in=["requested", "active"]),
                name="mentoring_one_open_mentorship_per_mentee",
            ),
        ]

    def __str__(self):
        return f"{self.mentor or '–'} → {self.mentee or '–'} ({self.get_state_display()})"

    def role_of(self, user):
        """ "mentor", "mentee" or None."""
        if user.pk is not None and user.pk == self.mentor_id:
            return "mentor"
        if user.pk is not None and user.pk == self.mentee_id:
            return "mentee"
        return None

    def partner_of(self, user):
        return self.mentee if self.role_of(user) == "mentor" else self.mentor

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def title_for(self, user):
        """ "Request from Léa", "Mentoring Léa", "Mentored by Marc"… as `user` (one of the pair)
        sees it, in the active language."""
        name = _name(self.partner_of(user))
        as_mentor = self.role_of(user) == "mentor"
        if self.state == State.REQUESTED:
            text = gettext("Request from %(name)s") if as_mentor else gettext("Your request to %(name)s")
        elif self.state in (State.DECLINED, State.EXPIRED) or self.answered_at is None:
            text = gettext("Request from %(name)s") if as_mentor else gettext("Request to %(name)s")
        else:
            text = gettext("Mentoring %(name)s") if as_mentor else gettext("Mentored by %(name)s")
        return text % {"name": name}


class Decline(models.Model):
    """A pair that must not be suggested again: the mentor declined the mentee's request, or the
    mentee set the mentor's suggestion aside. Kept without the people's names once one of them
    deletes their account (then the row goes)."""

    class By(models.TextChoices):
        MENTOR = "mentor", _("The mentor")
        MENTEE = "mentee", _("The mentee")

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("mentee")
    )
    declined_by = models.CharField(_("declined by"), max_length=6, choices=By.choices)
    created_at = models.DateTimeField(_("declined on"), auto_now_add=True)

    class Meta:
        verbose_name = _("decline")
        verbose_name_plural = _("declines")
        constraints = [models.UniqueConstraint(fields=["mentor", "mentee"], name="mentoring_one_decline_per_pair")]

    def __str__(self):
        return f"{self.mentor} / {self.mentee}"


class CheckIn(models.Model):
    """A light check-in of an active pair: a date and a note, visible to the pair only."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("mentorship")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"


class Feedback(models.Model):
    """What one person of the pair thought of the relationship once it closed, for AMASQ's
    programme reports (aggregates only): no free text."""

    class Goals(models.TextChoices):
        MET = "met", _("Yes")
        PARTLY = "partly", _("In part")
        NOT_MET = "not_met", _("No")

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("mentorship")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    role = models.CharField(_("given by the"), max_length=6, choices=Decline.By.choices)
    usefulness = models.PositiveSmallIntegerField(
        _("how useful it was"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    goals_met = models.CharField(_("goals met"), max_length=8, choices=Goals.choices)
    created_at = models.DateTimeField(_("given on"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [models.UniqueConstraint(fields=["mentorship", "role"], name="mentoring_one_feedback_per_side")]

    def __str__(self):
        return f"{self.mentorship_id} ({self.role})"

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.blocks import ProgrammeBlock, QuestionsBlock, SpeakersBlock
from events.listing import filter_events
from home.blocks import BaseStreamBlock
from members.public import REGION_CHOICES, can_see_members_only


class EventPageQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(Page):
    """Lists AMASQ's public events: upcoming first, then the most recent past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            filter_events(
                self.events(), request.GET, kinds=EventKind.choices, audiences=Audience.choices, regions=REGION_CHOICES
            )
        )
        return context


class EventKind(models.TextChoices):
    COLLOQUIUM = "colloquium", _("National colloquium")
    GATHERING = "gathering", _("Member gathering")
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training")
    PUBLIC = "public", _("Public event")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


# An event's facts that are not words: every translation shows the same ones, copied from the
# event in the default language when it is published (home.translated_facts, events/signals.py).
# The venue's name is words ("Québec City", "Online") and goes to translation with the texts.
SHARED_FACTS = [
    "start",
    "end",
    "address",
    "region",
    "online",
    "meeting_link",
    "kind",
    "audience",
    "capacity",
    "seats_per_school",
    "registration_opens",
    "registration_closes",
    "waitlist",
    "cancelled",
    "contact_name",
    "contact_email",
    "contact_phone",
    "sequence",
    "notified_sequence",
]


class EventPage(Page):
    """A dated gathering (webinar, regional meeting, national colloquium) published by AMASQ staff.

    Registrations (events.Registration) hang on the page in the default language; the numbers that
    govern them (capacity, limits, dates) are not translated, wagtail-localize keeps them in sync.
    """

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("Place name, or “Online”."))
    address = models.CharField(_("address"), max_length=250, blank=True)
    region = models.CharField(
        _("administrative region"),
        max_length=2,
        choices=REGION_CHOICES,
        blank=True,
        help_text=_("Where an in-person event takes place; empty for online or province-wide events."),
    )
    venue_accessibility = models.TextField(
        _("accessibility of the venue"),
        blank=True,
        help_text=_("Step-free entrance, accessible toilets, parking, public transit, quiet room…"),
    )
    summary = models.TextField(_("summary"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    speakers = StreamField(SpeakersBlock(), blank=True, verbose_name=_("speakers"))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices, default=EventKind.GATHERING)
    audience = models.CharField(_("audience"), max_length=8, choices=Audience.choices, default=Audience.PUBLIC)
    online = models.BooleanField(_("online"), default=False)
    meeting_link = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_("Shown only to confirmed attendees, on the page and in their emails."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no limit."))
    seats_per_school = models.PositiveIntegerField(
        _("seats per MAS"), null=True, blank=True, help_text=_("Empty: no limit per school.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    waitlist = models.BooleanField(
        _("waitlist"), default=True, help_text=_("When the event is full, offer a waitlist.")
    )
    questions = StreamField(
        QuestionsBlock(),
        blank=True,
        verbose_name=_("questions"),
        help_text=_("Asked of everyone who registers; their answers are in the attendee list and its exports."),
    )
    cancelled = models.BooleanField(
        _("event cancelled"),
        default=False,
        help_text=_("Registration stops and everyone registered is told by email when you publish."),
    )
    # RFC 5545 SEQUENCE: goes up whenever the time or place changes, or the event is cancelled, so
    # calendar apps update.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The SEQUENCE registrants were last told about: a publish with a higher one sends a notice.
    notified_sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventPageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("region"),
                FieldPanel("venue_accessibility"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")])],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldRowPanel([FieldPanel("online"), FieldPanel("meeting_link")]),
            ],
            heading=_("Kind and audience"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("seats_per_school"), FieldPanel("waitlist")]),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("questions"),
                FieldPanel("cancelled"),
            ],
            heading=_("Registration"),
        ),
    ]
    # wagtail-localize copies these from the source instead of asking translators for them.
    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in SHARED_FACTS]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
        if self.registration_opens and self.registration_closes and self.registration_closes < self.registration_opens:
            raise ValidationError({"registration_closes": _("Registration must close after it opens.")})

    def save(self, *args, **kwargs):
        # Translations take their SEQUENCE from the source event along with its time and place.
        if self.pk and self.locale_id == Locale.get_default().pk and self._time_or_place_changed():
            self.sequence += 1
        super().save(*args, **kwargs)

    def _time_or_place_changed(self):
        before = (
            EventPage.objects.filter(pk=self.pk)
            .values("start", "end", "venue", "address", "online", "cancelled")
            .first()
        )
        if before is None:
            return False
        return any(before[field] != getattr(self, field) for field in before)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def members_only(self):
        return self.audience == Audience.MEMBERS

    @property
    def closes_at(self):
        return self.registration_closes or self.start

    def details_visible_to(self, user):
        """A members-only event shows its title and date to everyone, the rest to members only."""
        return not self.members_only or can_see_members_only(user)

    def source_event(self):
        """Registrations belong to the event in the default language, whatever page they came from."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return EventPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    def registration_state(self, now=None):
        """Why registration is closed ("cancelled", "past", "not_open", "closed"), or "" when it is open."""
        now = now or timezone.now()
        if self.cancelled:
            return "cancelled"
        if self.end < now:
            return "past"
        if self.registration_opens and now < self.registration_opens:
            return "not_open"
        if self.closes_at <= now:
            return "closed"
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["can_see_details"] = self.details_visible_to(user)
        context["viewer_is_member"] = can_see_members_only(user)
        context["registration_state"] = self.registration_state()
        context["registration"] = (
            Registration.objects.active().filter(event=self.source_event(), user=user).first()
            if user.is_authenticated
            else None
        )
        return context


# The box a guest may tick on the registration form; the sentence is recorded with their consent.
NEWSLETTER_OPT_IN = _(
    "Also send me the AMASQ newsletter, a few times a year. I can unsubscribe at any time with the link "
    "at the bottom of every message."
)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    PENDING = "pending", _("Awaiting email confirmation")
    CANCELLED = "cancelled", _("Cancelled")


def new_token():
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def holding_a_seat(self, now=None):
        """Confirmed, awaiting email confirmation for a short while (EVENTS_PENDING_HOLD), or
        offered a freed seat from the waitlist until the offer lapses (EVENTS_OFFER_PERIOD)."""
        now = now or timezone.now()
        return self.filter(
            Q(status=RegistrationStatus.CONFIRMED)
            | Q(status=RegistrationStatus.PENDING, hold_until__gt=now)
            | Q(status=RegistrationStatus.WAITLISTED, offer_expires__gt=now)
        )

    def waiting_for_an_offer(self):
        """The waitlist in order: first come, first offered."""
        return self.filter(status=RegistrationStatus.WAITLISTED, offer_expires__isnull=True).order_by(
            "created_at", "pk"
        )


class Registration(models.Model):
    """One person's place at an event: a member (user) or a guest (name and email only).

    Created by events.services, never by hand; staff see them in the admin. The token is the
    secret of the links in the person's emails (confirm, cancel).
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    # The MAS a member came from, for per-school seat limits; guests have none.
    school = models.ForeignKey(
        "members.MASPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("school"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8, default="fr")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("registered on"), default=timezone.now)
    hold_until = models.DateTimeField(_("seat held until"), null=True, blank=True)
    # When each reminder went out (events_send_reminders): set before sending, so never twice.
    week_reminder_sent_at = models.DateTimeField(_("week reminder sent"), null=True, blank=True, editable=False)
    day_reminder_sent_at = models.DateTimeField(_("day reminder sent"), null=True, blank=True, editable=False)
    # Set when a freed seat is offered to this waitlisted person: theirs to take until then.
    offer_expires = models.DateTimeField(_("seat offered until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    # A guest who ticked "also send me the newsletter": passed on once they confirm their address.
    newsletter_opt_in = models.BooleanField(_("wants the newsletter"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # The services check first, under a lock; these are the last line of defence.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled") & Q(user__isnull=False),
                name="events_one_active_registration_per_member",
            ),
            models.UniqueConstraint(
                models.F("event"),
                Lower("email"),
                condition=~Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.event} ({self.get_status_display()})"


class AttendeeMessage(models.Model):
    """A message staff sent to an event's attendees from the admin, kept so they can see what went
    out and to whom. Each person gets the version in their language (French if no English one)."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="attendee_messages", verbose_name=_("event")
    )
    subject_fr = models.CharField(_("subject (French)"), max_length=200)
    body_fr = models.TextField(_("message (French)"), max_length=5000)
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("message (English)"), max_length=5000, blank=True)
    include_waitlist = models.BooleanField(_("also to the people on the waitlist"), default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    sent_at = models.DateTimeField(_("sent on"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("message to attendees")
        verbose_name_plural = _("messages to attendees")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject_fr

    def in_language(self, language):
        """(subject, body) for a person who reads `language`."""
        if language == "en" and self.subject_en and self.body_en:
            return self.subject_en, self.body_en
        return self.subject_fr, self.body_fr

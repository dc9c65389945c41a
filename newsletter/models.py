"""The newsletter: who receives it (subscribers, their subscriptions to lists, and the ledger of
every consent given or withdrawn), what is sent (NewsletterPage issues) and to whom each issue
went (one Delivery per issue and subscriber).

Created and changed by newsletter.services only; the ledger is never edited, only added to.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.pagination import paginate
from newsletter.blocks import NewsletterBodyBlock


def new_key():
    return secrets.token_urlsafe(32)


class MailingList(models.Model):
    """A list people subscribe to: the public newsletter, or the members' news (members only,
    through their membership)."""

    PUBLIC = "public"
    MEMBERS = "members"

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    # Members' news is for members: they get it through their membership, nobody signs up for it.
    open_to_public = models.BooleanField(_("open to public signup"), default=True)

    class Meta:
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr


class Subscriber(models.Model):
    """An email address and the language it reads; `key` is the secret of the links in its emails
    (preferences, one-click unsubscribe), which work without logging in."""

    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="fr")
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriber",
        verbose_name=_("member account"),
    )
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    # Set when a message to the address bounced for good or it complained: never mailed again
    # unless the person opts in afresh.
    suppressed_at = models.DateTimeField(_("suppressed on"), null=True, blank=True)
    suppressed_reason = models.CharField(_("why suppressed"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_one_subscriber_per_email")]

    def __str__(self):
        return self.email


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    ACTIVE = "active", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class ConsentBasis(models.TextChoices):
    EXPRESS = "express", _("Express consent")
    IMPLIED_MEMBERSHIP = "implied_membership", _("Implied by membership")


class ConsentSource(models.TextChoices):
    FORM = "form", _("Signup form")
    IMPORT = "import", _("Import")
    PORTAL = "portal", _("Member portal")
    MEMBERSHIP = "membership", _("Membership")
    EVENT = "event", _("Event registration")
    EMAIL_LINK = "email_link", _("Link in an email")
    STAFF = "staff", _("AMASQ staff")
    PROVIDER = "provider", _("Email provider")


class SubscriptionQuerySet(models.QuerySet):
    def receiving(self, now=None):
        """Subscriptions that get mail: active, not expired (implied consent lapses), address not
        suppressed."""
        now = now or timezone.now()
        return self.filter(status=SubscriptionStatus.ACTIVE, subscriber__suppressed_at__isnull=True).exclude(
            expires_at__lte=now
        )


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("subscriber")
    )
    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.PROTECT, related_name="subscriptions", verbose_name=_("list")
    )
    status = models.CharField(_("status"), max_length=14, choices=SubscriptionStatus.choices)
    basis = models.CharField(_("consent basis"), max_length=20, choices=ConsentBasis.choices)
    # Implied consent (CASL) lapses: set for a membership's subscription once the membership ends.
    expires_at = models.DateTimeField(_("consent expires on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended on"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "mailing_list"], name="newsletter_one_subscription_per_list")
        ]

    def __str__(self):
        return f"{self.subscriber} – {self.mailing_list} ({self.get_status_display()})"


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("Signup requested")
    CONFIRMED = "confirmed", _("Confirmed")
    GRANTED = "granted", _("Consent recorded")
    WITHDRAWN = "withdrawn", _("Unsubscribed")
    EXPIRED = "expired", _("Consent expired")
    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Complaint")
    LANGUAGE = "language", _("Language changed")


class ConsentRecord(models.Model):
    """One line of the consent ledger (CASL, Law 25): what the person agreed to or withdrew, on
    which basis, with which wording (its language and version), from where and when."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_records", verbose_name=_("subscriber")
    )
    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("list")
    )
    action = models.CharField(_("action"), max_length=12, choices=ConsentAction.choices)
    basis = models.CharField(_("consent basis"), max_length=20, choices=ConsentBasis.choices, blank=True)
    wording = models.TextField(_("consent wording"), blank=True)
    wording_language = models.CharField(_("wording language"), max_length=8, blank=True)
    wording_version = models.CharField(_("wording version"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=12, choices=ConsentSource.choices)
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.subscriber} – {self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


class NewsletterIndexPage(Page):
    """The newsletter's page: the signup form and the archive of published issues."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterPage"]

    class Meta:
        verbose_name = _("newsletter page")

    def issues(self):
        return NewsletterPage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = paginate(self.issues(), request.GET.get("page"), 20)
        return context


class NewsletterPage(Page):
    """One issue of the newsletter: read on the site (the archive) and sent by email."""

    subject = models.CharField(_("email subject"), max_length=150)
    preheader = models.CharField(
        _("preheader"), max_length=150, blank=True, help_text=_("The line mail apps show after the subject.")
    )
    body = StreamField(NewsletterBodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("subject"), FieldPanel("preheader"), FieldPanel("body")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")


class SendStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    DONE = "done", _("Sent")


class Send(models.Model):
    """Staff's order to send an issue to lists, now or at a given time."""

    issue = models.ForeignKey(NewsletterPage, on_delete=models.PROTECT, related_name="sends", verbose_name=_("issue"))
    lists = models.ManyToManyField(MailingList, related_name="+", verbose_name=_("lists"))
    status = models.CharField(_("status"), max_length=10, choices=SendStatus.choices, default=SendStatus.SCHEDULED)
    send_at = models.DateTimeField(_("send at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)

    class Meta:
        verbose_name = _("send")
        verbose_name_plural = _("sends")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.issue} ({self.get_status_display()})"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")


class Delivery(models.Model):
    """An issue for one subscriber: unique, so that nobody gets an issue twice, however many sends
    and restarts. Sent, it keeps no copy of the message."""

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    issue = models.ForeignKey(NewsletterPage, on_delete=models.PROTECT, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_issue_and_person"
            )
        ]
        indexes = [models.Index(fields=["send", "status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.issue} → {self.subscriber} ({self.get_status_display()})"

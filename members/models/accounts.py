import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALIDITY = timedelta(days=14)
AMASQ_STAFF_GROUP = "AMASQ staff"


class MemberRole(models.TextChoices):
    COORDINATOR = "coordinator", _("MAS coordinator")
    STAFF = "staff", _("Staff member")
    ALLIED = "allied", _("Allied member")


def hash_token(token):
    """Invitation links carry a random token; only its SHA-256 is stored, like a password."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token():
    return secrets.token_urlsafe(32)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True)

    def of_school(self, school):
        return self.filter(school=school)


class Membership(models.Model):
    """Where a member account belongs: one MAS (its MASPage in the default language) and a role.

    Created when an invitation is accepted; coordinators and AMASQ staff manage it from the portal
    (members/views/school.py). Deactivating keeps the row and its history.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    # SET_NULL: deleting a school page in the admin must not delete its people's accounts.
    school = models.ForeignKey(
        "members.MASPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="memberships",
        verbose_name=_("school"),
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.STAFF)
    created_at = models.DateTimeField(_("member since"), default=timezone.now)
    deactivated_at = models.DateTimeField(_("deactivated on"), null=True, blank=True)
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deactivated by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.get_role_display()}"

    @property
    def is_coordinator(self):
        return self.role == MemberRole.COORDINATOR


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())

    def for_token(self, token):
        return self.filter(token_hash=hash_token(token))


class Invitation(models.Model):
    """A single-use, expiring link that lets a person create their account in a MAS with a role.

    Sent by AMASQ staff (Wagtail admin, members/wagtail_hooks.py), by a coordinator for their own
    school (portal), or when staff approve an access request. Only the token's hash is stored.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Cancelled")

    # Blank only once the person it was sent to has deleted their account.
    email = models.EmailField(_("email"), blank=True)
    school = models.ForeignKey(
        "members.MASPage", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("school")
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.STAFF)
    language = models.CharField(
        _("language of the email"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    access_request = models.ForeignKey(
        "members.AccessRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("access request"),
    )
    created_at = models.DateTimeField(_("sent on"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account created"),
    )
    revoked_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email or str(_("Deleted person"))

    @property
    def status(self):
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self):
        return self.Status(self.status).label

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class AccessRequest(models.Model):
    """Someone who works at a MAS asks for a portal account (public form in the portal).

    AMASQ staff approve it (an invitation is sent) or refuse it in the Wagtail admin; the person
    gets an email either way.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    # Blank only once the person has deleted their account (see members/services/privacy.py).
    email = models.EmailField(_("work email"), blank=True)
    school = models.ForeignKey(
        "members.MASPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="access_requests",
        verbose_name=_("school"),
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.STAFF)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("received on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    refusal_reason = models.TextField(
        _("reason given"), blank=True, help_text=_("Sent to the person with the refusal; optional.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip() or str(_("Deleted person"))

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

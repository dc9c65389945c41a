import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.taxonomy import REGION_CHOICES, BilingualTerm

REGION_NAMES = dict(REGION_CHOICES)


class PrivateMediaStorage(FileSystemStorage):
    """Files members share with other members only: kept outside MEDIA_ROOT (never served by
    /media/) and sent by members/views/people.py after an access check."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view that checks access.")


def private_storage():
    """PRIVATE_MEDIA_ROOT, or the bucket's private folder when production names one (STORAGES["private"])."""
    return storages["private"] if "private" in settings.STORAGES else PrivateMediaStorage()


def profile_photo_path(instance, filename):
    # A random name: the file name must not reveal whose photo it is.
    return f"profile-photos/{uuid.uuid4().hex}.jpg"


class Expertise(BilingualTerm):
    """An area of expertise members can claim (adapted teaching, psychosocial intervention…).

    Used by profiles, the members directory, and later by mentoring and resources. Snippet, see
    members/wagtail_hooks.py.
    """

    class Meta(BilingualTerm.Meta):
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")


class SpokenLanguage(models.TextChoices):
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


# What a member may show to other members, each with its own switch (show_<name>). The name is
# always shown to members when the profile is listed; AMASQ staff see everything.
SHAREABLE_FIELDS = ["email", "job_title", "school", "region", "expertise", "languages", "bio", "photo"]


class MemberProfileQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True)

    def listed(self):
        """Profiles other members may find: active accounts that chose to be listed."""
        return self.active().filter(listed=True)

    def with_expertise(self, expertise, reveal_hidden=False):
        profiles = self.filter(expertise=expertise)
        return profiles if reveal_hidden else profiles.filter(show_expertise=True)

    def in_region(self, region, reveal_hidden=False):
        """The region a person set, or else their school's."""
        profiles = self.filter(Q(region=region) | Q(region="", user__membership__school__region=region))
        return profiles if reveal_hidden else profiles.filter(show_region=True)

    def of_school(self, school, reveal_hidden=False):
        profiles = self.filter(user__membership__school=school)
        return profiles if reveal_hidden else profiles.filter(show_school=True)


class MemberProfile(models.Model):
    """What a member tells other members about themselves, field by field visible or not.

    Edited by the member in the portal (members/views/profile.py); shown in the members-only
    directory of people. Changes of visibility are recorded as ConsentRecords.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile", verbose_name=_("user")
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=REGION_CHOICES,
        blank=True,
        help_text=_("Leave empty to use your school's region."),
    )
    expertise = models.ManyToManyField(
        Expertise, blank=True, related_name="profiles", verbose_name=_("areas of expertise")
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    photo = models.FileField(_("photo"), storage=private_storage, upload_to=profile_photo_path, blank=True)
    listed = models.BooleanField(_("list me in the members directory"), default=False)
    show_email = models.BooleanField(_("email"), default=False)
    show_job_title = models.BooleanField(_("job title"), default=False)
    show_school = models.BooleanField(_("school"), default=False)
    show_region = models.BooleanField(_("region"), default=False)
    show_expertise = models.BooleanField(_("areas of expertise"), default=False)
    show_languages = models.BooleanField(_("languages spoken"), default=False)
    show_bio = models.BooleanField(_("short bio"), default=False)
    show_photo = models.BooleanField(_("photo"), default=False)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.user.get_full_name() or str(_("Member"))

    @property
    def school(self):
        membership = getattr(self.user, "membership", None)
        return membership.school if membership else None

    @property
    def effective_region(self):
        if self.region:
            return self.region
        school = self.school
        return school.region if school else ""

    @property
    def region_name(self):
        return REGION_NAMES.get(self.effective_region, "")

    @property
    def language_names(self):
        labels = dict(SpokenLanguage.choices)
        return [labels.get(code, code) for code in self.languages]

    def shared_fields(self):
        """The fields this person chose to show to other members."""
        return {name for name in SHAREABLE_FIELDS if getattr(self, f"show_{name}")}

    def fields_visible_to(self, viewer, *, viewer_is_staff=False):
        """The shareable fields `viewer` may see: all for the person and AMASQ staff; for other
        active members, those shared, and only if the profile is listed."""
        if viewer.pk == self.user_id or viewer_is_staff:
            return set(SHAREABLE_FIELDS)
        if not self.listed or not self.user.is_active:
            return set()
        return self.shared_fields()


class ConsentPurpose(models.TextChoices):
    PROFILE_VISIBILITY = "profile_visibility", _("Showing my profile to other members")


# Bump the version whenever the wording shown next to the choice changes (see members/forms/accounts.py).
CONSENT_TEXT_VERSIONS = {ConsentPurpose.PROFILE_VISIBILITY: "2026-11-profile-v1"}


class ConsentRecord(models.Model):
    """Proof of a person's choice where consent is the legal basis (Quebec's Law 25): what they
    agreed to (purpose, scope), under which wording (text_version), when. Never edited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records", verbose_name=_("user")
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    scope = models.JSONField(_("scope"), default=list, blank=True)
    text_version = models.CharField(_("wording version"), max_length=40)
    created_at = models.DateTimeField(_("recorded on"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.get_purpose_display()} – {self.created_at:%Y-%m-%d}"

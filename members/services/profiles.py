"""Member profiles: editing with consent recorded, and the members-only directory of people."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.pagination import paginate
from members.models import (
    SHAREABLE_FIELDS,
    ConsentPurpose,
    ConsentRecord,
    Expertise,
    MemberProfile,
)
from members.models.profiles import CONSENT_TEXT_VERSIONS
from members.services import audit
from members.services.accounts import is_amasq_staff, member_schools

PEOPLE_PER_PAGE = 24
PROFILE_FIELDS = ["job_title", "region", "languages", "bio", "listed"] + [f"show_{name}" for name in SHAREABLE_FIELDS]


def profile_for(user):
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    return profile


def _consent_scope(profile):
    """What the person currently agrees to show: nothing unless they are listed."""
    return sorted(profile.shared_fields()) if profile.listed else []


@transaction.atomic
def update_profile(profile, data, *, actor):
    """Save a person's profile from the profile form's cleaned data.

    `data` holds first_name, last_name, expertise, photo (a processed file, or None to keep the
    current one), remove_photo and the PROFILE_FIELDS. A change in what other members may see
    is recorded as a ConsentRecord. Returns the names of the fields that changed.
    """
    user = profile.user
    previous_scope = _consent_scope(profile)
    changed = []
    for name in ("first_name", "last_name"):
        if getattr(user, name) != data[name]:
            setattr(user, name, data[name])
            changed.append(name)
    if changed:
        user.save(update_fields=changed)
    for name in PROFILE_FIELDS:
        if getattr(profile, name) != data[name]:
            setattr(profile, name, data[name])
            changed.append(name)
    old_photo = profile.photo.name if profile.photo else ""
    if data.get("photo"):
        profile.photo.save(data["photo"].name, data["photo"], save=False)
        changed.append("photo")
    elif data.get("remove_photo") and old_photo:
        profile.photo = ""
        changed.append("photo")
    profile.save()
    if {expertise.pk for expertise in profile.expertise.all()} != {expertise.pk for expertise in data["expertise"]}:
        profile.expertise.set(data["expertise"])
        changed.append("expertise")
    if old_photo and "photo" in changed:
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(old_photo))

    scope = _consent_scope(profile)
    if scope != previous_scope:
        ConsentRecord.objects.create(
            user=user,
            purpose=ConsentPurpose.PROFILE_VISIBILITY,
            granted=bool(scope),
            scope=scope,
            text_version=CONSENT_TEXT_VERSIONS[ConsentPurpose.PROFILE_VISIBILITY],
        )
        log(profile, audit.CONSENT_CHANGED, user=actor, data={"scope": scope})
    if changed:
        log(profile, audit.PROFILE_EDITED, user=actor, data={"fields": sorted(set(changed))})
    return changed


def newly_shared_fields(profile, data):
    """Fields the submitted form would show to other members that are not shown now."""
    if not data.get("listed"):
        return set()
    now = set(_consent_scope(profile))
    wanted = {name for name in SHAREABLE_FIELDS if data.get(f"show_{name}")}
    if not profile.listed:
        return wanted | {"listed"}
    return wanted - now


def visible_profile(profile_id, viewer):
    """The profile `viewer` may open, with the fields they may see, or (None, set())."""
    profile = (
        MemberProfile.objects.select_related("user__membership__school")
        .prefetch_related("expertise")
        .filter(pk=profile_id)
        .first()
    )
    if profile is None:
        return None, set()
    staff = is_amasq_staff(viewer)
    if profile.user_id != viewer.pk and not staff and not (profile.listed and profile.user.is_active):
        return None, set()
    return profile, profile.fields_visible_to(viewer, viewer_is_staff=staff)


def record_staff_view(profile, viewer):
    """Staff opening someone's profile is logged: the person can see it in their data export."""
    if profile.user_id != viewer.pk and is_amasq_staff(viewer):
        log(profile, audit.PROFILE_VIEWED, user=viewer)


def hidden_from_members(profile):
    """The fields of `profile` other members do not see (all of them if it is not listed)."""
    if not profile.listed or not profile.user.is_active:
        return set(SHAREABLE_FIELDS)
    return set(SHAREABLE_FIELDS) - profile.shared_fields()


def record_staff_photo_view(profile, viewer):
    """Staff opening a photo its owner keeps from members is logged, like opening the profile."""
    if profile.user_id != viewer.pk and is_amasq_staff(viewer) and "photo" in hidden_from_members(profile):
        log(profile, audit.PRIVATE_PHOTO_VIEWED, user=viewer)


def record_staff_list_view(page, viewer):
    """Staff seeing, in a page of the people list, fields people keep from members is logged for
    each such person, in one query whatever the page holds."""
    if not is_amasq_staff(viewer):
        return
    content_type = ContentType.objects.get_for_model(MemberProfile)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(profile.pk),
            label=str(profile)[:255],
            action=audit.HIDDEN_FIELDS_LISTED,
            data={"fields": sorted(hidden)},
            timestamp=now,
            user=viewer,
        )
        for profile, _visible in page.object_list
        if profile.user_id != viewer.pk and (hidden := hidden_from_members(profile))
    )


def search_people(form, viewer):
    """Filter the members directory from a valid (or invalid: then unfiltered) PeopleSearchForm.

    Members find listed people by the fields those people chose to show; AMASQ staff find
    everyone active by every field. The number of queries does not depend on the results.
    """
    staff = is_amasq_staff(viewer)
    profiles = MemberProfile.objects.active() if staff else MemberProfile.objects.listed()
    data = form.cleaned_data if form.is_valid() else {}
    for word in data.get("q", "").split():
        profiles = profiles.filter(Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word))
    if data.get("expertise"):
        profiles = profiles.with_expertise(data["expertise"], reveal_hidden=staff)
    if data.get("region"):
        profiles = profiles.in_region(data["region"], reveal_hidden=staff)
    if data.get("school"):
        profiles = profiles.of_school(data["school"], reveal_hidden=staff)
    return profiles.distinct().order_by("user__last_name", "user__first_name", "pk")


def paginate_people(profiles, page_number, viewer):
    page = paginate(
        profiles.select_related("user__membership__school").prefetch_related("expertise"), page_number, PEOPLE_PER_PAGE
    )
    staff = is_amasq_staff(viewer)
    page.object_list = [
        (profile, profile.fields_visible_to(viewer, viewer_is_staff=staff)) for profile in page.object_list
    ]
    return page


def directory_choices():
    """The search form's choices, fetched once per request."""
    return list(Expertise.objects.all()), list(member_schools().only("pk", "title"))

"""A person's rights over their data (Quebec's Law 25): download everything the site holds about
them, and delete their account.

Deleting erases or anonymises every personal field; records other people depend on (invitations
they sent, access requests staff decided, the audit log) stay, without anything that identifies
the person.
"""

import base64

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, Revision
from wagtail.users.models import UserProfile

from members.models import SHAREABLE_FIELDS, AccessRequest, ConsentRecord, Invitation, MemberProfile, Membership
from members.services import audit
from members.services.accounts import end_sessions
from members.services.lifecycle import membership_ended, registered_personal_data
from members.services.profiles import profile_for

EXPORT_FORMAT_VERSION = 1


def _iso(value):
    return value.isoformat() if value else None


def _school(school):
    return {"id": school.pk, "name": school.title} if school else None


def _audit_entries(profile):
    entries = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(MemberProfile), object_id=str(profile.pk)
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    return [
        {
            "action": entry.action,
            "description": str(entry.message),
            "at": _iso(entry.timestamp),
            "by": "" if entry.user_id == profile.user_id else str(entry.user_display_name),
            "details": entry.data,
        }
        for entry in entries
    ]


def _actions(user):
    """What the person did that the audit log recorded (on any object, pages included)."""
    entries = [
        *ModelLogEntry.objects.filter(user=user).select_related("content_type"),
        *PageLogEntry.objects.filter(user=user).select_related("content_type"),
    ]
    return [
        {"action": entry.action, "description": str(entry.message), "on": entry.label, "at": _iso(entry.timestamp)}
        for entry in sorted(entries, key=lambda entry: (entry.timestamp, entry.pk))
    ]


def _proposals(user):
    """Changes the person proposed to a page (a school's directory entry): Wagtail revisions."""
    return [
        {"page": revision.object_str, "at": _iso(revision.created_at), "content": revision.content}
        for revision in Revision.objects.filter(user=user).order_by("created_at", "pk")
    ]


def _admin_profile(user):
    """Wagtail's preferences for the person (language, time zone, notifications, avatar), if any."""
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    data = {}
    for field in UserProfile._meta.concrete_fields:
        if field.name in ("id", "user"):
            continue
        value = getattr(profile, field.attname)
        data[field.name] = (value.name or None) if hasattr(value, "storage") else value
    return data


def _photo(profile):
    if not profile.photo:
        return None
    try:
        with profile.photo.open("rb") as photo:
            content = photo.read()
    except FileNotFoundError:
        return None
    return {"content_type": "image/jpeg", "base64": base64.b64encode(content).decode("ascii")}


def _own_records(user):
    """Filters for the invitations and access requests that are `user`'s: those linked to the
    account, and those sent to or from an address the person proved is theirs. An unverified
    address proves nothing (anyone can add someone else's address to their account), so it
    never reveals nor erases that other person's records."""
    addresses = set(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)) - {""}
    invitation_filter = Q(accepted_by=user)
    request_filter = Q(invitations__accepted_by=user)
    for address in addresses:
        invitation_filter |= Q(email__iexact=address)
        request_filter |= Q(email__iexact=address)
    return invitation_filter, request_filter


def export_personal_data(user):
    """Everything the site holds about `user`, as a JSON-ready dict, and log that it was taken."""
    profile = profile_for(user)
    membership = Membership.objects.select_related("school").filter(user=user).first()
    invitation_filter, request_filter = _own_records(user)
    data = {
        "format_version": EXPORT_FORMAT_VERSION,
        "generated_at": _iso(timezone.now()),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.get_username(),
            "is_active": user.is_active,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # Which kinds of second factor are set up, never their secrets.
        "two_factor_authentication": [
            {
                "type": authenticator.type,
                "created_at": _iso(authenticator.created_at),
                "last_used_at": _iso(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "membership": {
            "school": _school(membership.school),
            "role": membership.role,
            "member_since": _iso(membership.created_at),
            "deactivated_at": _iso(membership.deactivated_at),
        }
        if membership
        else None,
        "profile": {
            "job_title": profile.job_title,
            "region": profile.region,
            "areas_of_expertise": [expertise.slug for expertise in profile.expertise.all()],
            "languages": profile.languages,
            "bio": profile.bio,
            "photo": _photo(profile),
            "listed_in_members_directory": profile.listed,
            "shown_to_members": {name: getattr(profile, f"show_{name}") for name in SHAREABLE_FIELDS},
            "updated_at": _iso(profile.updated_at),
        },
        "consents": [
            {
                "purpose": record.purpose,
                "granted": record.granted,
                "scope": record.scope,
                "wording_version": record.text_version,
                "at": _iso(record.created_at),
            }
            for record in ConsentRecord.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "invitations_sent": [
            {
                "email": invitation.email,
                "school": _school(invitation.school),
                "role": invitation.role,
                "sent_at": _iso(invitation.created_at),
                "status": invitation.status,
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related("school").order_by("pk")
        ],
        "invitations_received": [
            {
                "email": invitation.email,
                "school": _school(invitation.school),
                "role": invitation.role,
                "language": invitation.language,
                "sent_at": _iso(invitation.created_at),
                "accepted_at": _iso(invitation.accepted_at),
                "status": invitation.status,
            }
            for invitation in Invitation.objects.filter(invitation_filter).select_related("school").order_by("pk")
        ],
        "access_requests": [
            {
                "first_name": request.first_name,
                "last_name": request.last_name,
                "email": request.email,
                "school": _school(request.school),
                "role": request.role,
                "job_title": request.job_title,
                "message": request.message,
                "language": request.language,
                "status": request.status,
                "received_at": _iso(request.created_at),
                "decided_at": _iso(request.decided_at),
                "reason_given": request.refusal_reason,
            }
            for request in AccessRequest.objects.filter(request_filter)
            .distinct()
            .select_related("school")
            .order_by("pk")
        ],
        "audit_log": _audit_entries(profile),
        "actions_recorded": _actions(user),
        "proposals": _proposals(user),
        "admin_preferences": _admin_profile(user),
        # The site keeps no log of sign-ins beyond the last one (account.last_login).
        "login_history": [{"at": _iso(user.last_login)}] if user.last_login else [],
    }
    # What the apps above members keep (registrations, mentoring, newsletter), each under its key.
    for source in registered_personal_data():
        data[source.key] = source.export(user)
    log(profile, audit.DATA_EXPORTED, user=user)
    return data


def _anonymise_log_labels(model, object_ids, label):
    if object_ids:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in object_ids]
        ).update(label=label)


@transaction.atomic
def delete_account(user):
    """Delete `user` and their personal data; the caller has checked their password.

    Kept, without identifying them: invitations they sent (invited_by becomes empty),
    invitations they received and access requests they made (address and names erased), and
    the audit log (entries relabelled "Deleted member").
    """
    profile = profile_for(user)
    deleted_label = _("Deleted member")
    invitation_filter, request_filter = _own_records(user)

    log(profile, audit.ACCOUNT_DELETED, user=user, title=deleted_label)
    _anonymise_log_labels(MemberProfile, [profile.pk], deleted_label)
    _anonymise_log_labels(get_user_model(), [user.pk], deleted_label)

    invitation_ids = list(Invitation.objects.filter(invitation_filter).values_list("pk", flat=True))
    Invitation.objects.filter(pk__in=invitation_ids).update(email="")
    _anonymise_log_labels(Invitation, invitation_ids, deleted_label)

    request_ids = list(AccessRequest.objects.filter(request_filter).values_list("pk", flat=True).distinct())
    AccessRequest.objects.filter(pk__in=request_ids).update(
        first_name="", last_name="", email="", job_title="", message="", refusal_reason=""
    )
    _anonymise_log_labels(AccessRequest, request_ids, deleted_label)

    membership_ended.send(sender=Membership, user=user, reason="deleted")
    for source in registered_personal_data():
        source.erase(user)

    if profile.photo:
        storage, name = profile.photo.storage, profile.photo.name
        transaction.on_commit(lambda: storage.delete(name))
    end_sessions(user)
    # Cascades to the profile, membership, consent records, email addresses and authenticators;
    # Wagtail's revisions and workflow states keep their rows with an empty user.
    user.delete()

"""Member accounts: who may do what, invitations, access requests, deactivation, roles and schools.

Every function that writes runs in one transaction and raises ValidationError (a message for the
person) or PermissionDenied; emails leave only once the transaction is committed.
"""

import uuid
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from members.models import (
    AMASQ_STAFF_GROUP,
    AccessRequest,
    Invitation,
    MASPage,
    MemberProfile,
    MemberRole,
    Membership,
)
from members.models.accounts import INVITATION_VALIDITY, hash_token, new_token
from members.services import audit, mail
from members.services.lifecycle import membership_ended, membership_started

User = get_user_model()


# Who may do what ----------------------------------------------------------------------------


def has_totp(user):
    """Whether `user` has an authenticator app: allauth then asks for its code at every sign-in."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def in_staff_group(user):
    """Superusers and the "AMASQ staff" group, whether or not they have set up two-factor
    authentication yet. Cached on the user for the request."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_in_staff_group"):
        user._in_staff_group = user.is_superuser or user.groups.filter(name=AMASQ_STAFF_GROUP).exists()
    return user._in_staff_group


def is_amasq_staff(user):
    """Who holds AMASQ staff powers in the portal (every member's hidden fields, every school's
    team): the staff group, with two-factor authentication, as the administration requires.
    A staff account without it is an ordinary member until it sets it up. Cached on the user."""
    if not in_staff_group(user):
        return False
    if not hasattr(user, "_is_amasq_staff"):
        user._is_amasq_staff = has_totp(user)
    return user._is_amasq_staff


def membership_of(user):
    if not user.is_authenticated:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def can_manage_school(user, school):
    """AMASQ staff manage every school; a coordinator manages their own."""
    if is_amasq_staff(user):
        return True
    membership = membership_of(user)
    return bool(
        user.is_active and membership and membership.is_coordinator and school and membership.school_id == school.pk
    )


def member_schools():
    """The schools people can belong to: live MAS pages in the default language."""
    return MASPage.objects.live().filter(locale=Locale.get_default()).order_by("title", "pk")


def normalise_email(email):
    """Addresses are stored lowercased, so that "Ana@X.org" and "ana@x.org" are one person."""
    return email.strip().lower()


def email_has_account(email):
    """Whether an account has proved it owns `email`. Unverified addresses do not count: anyone
    can add any address to their account, which would block that person's invitation and tell
    the one inviting that the address is known. Accounts made outside allauth (createsuperuser)
    have no address record: their account email counts."""
    return (
        EmailAddress.objects.filter(email__iexact=email, verified=True).exists()
        or User.objects.filter(email__iexact=email, emailaddress__isnull=True).exists()
    )


# Invitations ----------------------------------------------------------------------------------


class InvitationUnusable(Exception):
    """The link of an unknown, expired, used or cancelled invitation. `reason` is an
    Invitation.Status value, or "unknown"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def create_invitation(*, email, school, role, invited_by, language, access_request=None):
    """Invite `email` to join `school` with `role`, replacing any earlier pending invitation of
    the same school to the same address (another school's invitation stays: one school never
    touches another's). The email (in `language`) leaves when the transaction commits.

    Raises PermissionDenied if `invited_by` may not manage `school`, and ValidationError if the
    address already has an account or the school is not a member school.
    """
    if invited_by is not None and not can_manage_school(invited_by, school):
        raise PermissionDenied
    email = normalise_email(email)
    if email_has_account(email):
        raise ValidationError(_("%(email)s already has an account."), params={"email": email}, code="exists")
    if not member_schools().filter(pk=school.pk).exists():
        raise ValidationError(_("Choose a member school from the list."), code="school")
    if role not in MemberRole.values:
        raise ValidationError(_("Choose a role from the list."), code="role")
    now = timezone.now()
    Invitation.objects.pending().filter(email__iexact=email, school=school).update(revoked_at=now)
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        school=school,
        role=role,
        language=language,
        token_hash=hash_token(token),
        invited_by=invited_by,
        access_request=access_request,
        created_at=now,
        expires_at=now + INVITATION_VALIDITY,
    )
    log(invitation, audit.INVITATION_SENT, user=invited_by)
    transaction.on_commit(lambda: mail.send_invitation_email.enqueue(invitation.pk, token))
    return invitation


def invitation_for_token(token):
    """The pending invitation this link carries; raises InvitationUnusable otherwise."""
    invitation = Invitation.objects.for_token(token).select_related("school").first()
    if invitation is None:
        raise InvitationUnusable("unknown")
    if not invitation.is_pending:
        raise InvitationUnusable(invitation.status)
    return invitation


@transaction.atomic
def accept_invitation(token, *, first_name, last_name, password):
    """Create the account an invitation is for, with its address verified (the person proved
    it by following the link), its membership and an empty profile. Returns the new user.

    Raises InvitationUnusable when the link no longer works, ValidationError if the address
    got an account in the meantime.
    """
    invitation = Invitation.objects.select_for_update().for_token(token).first()
    if invitation is None:
        raise InvitationUnusable("unknown")
    if not invitation.is_pending:
        raise InvitationUnusable(invitation.status)
    if email_has_account(invitation.email):
        raise ValidationError(
            _("This address already has an account: sign in, or reset your password."), code="exists"
        )
    user = User(
        # The username is never shown nor used to sign in (the email is); it must only be unique.
        username=f"member-{uuid.uuid4().hex[:12]}",
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=invitation.email, verified=True, primary=True)
    Membership.objects.create(user=user, school=invitation.school, role=invitation.role)
    membership_started.send(sender=Membership, user=user)
    profile = MemberProfile.objects.create(user=user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(invitation, audit.INVITATION_ACCEPTED, user=user)
    log(profile, audit.ACCOUNT_CREATED, user=user)
    return user


@transaction.atomic
def revoke_invitation(invitation, *, by):
    if not can_manage_school(by, invitation.school):
        raise PermissionDenied
    if not invitation.is_pending:
        raise ValidationError(_("This invitation can no longer be cancelled."), code="not_pending")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    log(invitation, audit.INVITATION_REVOKED, user=by)


# Access requests ------------------------------------------------------------------------------


@transaction.atomic
def submit_access_request(*, first_name, last_name, email, school, role, job_title, message, language):
    """Record a request for an account and tell AMASQ staff. A second request from an address
    that already waits for a decision is not duplicated (the person sees the same answer)."""
    email = normalise_email(email)
    existing = AccessRequest.objects.filter(email__iexact=email, status=AccessRequest.Status.PENDING).first()
    if existing:
        return existing
    access_request = AccessRequest.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        school=school,
        role=role,
        job_title=job_title.strip(),
        message=message.strip(),
        language=language,
    )
    transaction.on_commit(lambda: mail.notify_staff_of_access_request.enqueue(access_request.pk))
    return access_request


def _lock_pending_request(access_request):
    locked = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
    if not locked.is_pending:
        raise ValidationError(_("This request has already been decided."), code="decided")
    return locked


@transaction.atomic
def approve_access_request(access_request, *, decided_by):
    """Approve a request: the person gets an invitation link to set their password.

    Raises ValidationError if it was already decided, has no school any more, or the address
    already has an account.
    """
    access_request = _lock_pending_request(access_request)
    if access_request.school is None:
        raise ValidationError(_("The school of this request no longer exists; refuse it instead."), code="school")
    invitation = create_invitation(
        email=access_request.email,
        school=access_request.school,
        role=access_request.role,
        invited_by=decided_by,
        language=access_request.language,
        access_request=access_request,
    )
    access_request.status = AccessRequest.Status.APPROVED
    access_request.decided_at = timezone.now()
    access_request.decided_by = decided_by
    access_request.save(update_fields=["status", "decided_at", "decided_by"])
    log(access_request, audit.ACCESS_REQUEST_APPROVED, user=decided_by)
    return invitation


@transaction.atomic
def refuse_access_request(access_request, *, decided_by, reason=""):
    """Refuse a request and tell the person, with the reason if one is given."""
    access_request = _lock_pending_request(access_request)
    access_request.status = AccessRequest.Status.REFUSED
    access_request.decided_at = timezone.now()
    access_request.decided_by = decided_by
    access_request.refusal_reason = reason.strip()
    access_request.save(update_fields=["status", "decided_at", "decided_by", "refusal_reason"])
    log(access_request, audit.ACCESS_REQUEST_REFUSED, user=decided_by)
    transaction.on_commit(lambda: mail.send_access_request_refusal.enqueue(access_request.pk))
    return access_request


# Memberships ----------------------------------------------------------------------------------


def school_members(school):
    """The people of a school, active first, for the team page."""
    return (
        Membership.objects.of_school(school)
        .select_related("user", "deactivated_by")
        .order_by("-user__is_active", "user__last_name", "user__first_name", "pk")
    )


def _lock_teams(user, *school_ids):
    """Lock the person's membership and every membership of the schools, in one query ordered by
    id (so that two changes never wait on each other crosswise). Deactivations, role changes
    and moves take this lock before they count a school's coordinators: two coordinators
    demoting or deactivating each other at the same moment would otherwise each count the other
    as the one who stays, and leave none."""
    ids = {pk for pk in school_ids if pk is not None}
    list(
        Membership.objects.select_for_update(of=("self",))
        .filter(Q(user=user) | Q(school_id__in=ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _active_coordinators(school):
    return Membership.objects.filter(
        school=school, role=MemberRole.COORDINATOR, deactivated_at__isnull=True, user__is_active=True
    )


def _still_manages(user, school):
    """can_manage_school, read again once the team is locked: `user` was loaded at the start of
    the request, and another coordinator may have demoted or deactivated them since."""
    return is_amasq_staff(user) or (
        user.is_active and school is not None and _active_coordinators(school).filter(user=user).exists()
    )


def _locked_membership(user, *other_school_ids):
    """The person's membership, once their school's team (and the other schools' teams) are
    locked, with `user` read again. Raises Membership.DoesNotExist for an account that belongs
    to no school."""
    while True:
        school_id = Membership.objects.filter(user=user).values_list("school_id", flat=True).get()
        _lock_teams(user, school_id, *other_school_ids)
        membership = Membership.objects.select_related("school").get(user=user)
        # A move committed between the first read and the lock: lock the new team instead.
        if membership.school_id == school_id:
            break
    user.refresh_from_db(fields=["is_active"])
    membership.user = user
    return membership


def _name(user):
    return user.get_full_name() or user.email


@transaction.atomic
def deactivate_member(user, *, by):
    """End a person's access at once (their sessions stop working on their next request: Django
    does not authenticate inactive users) while keeping their history.

    Raises PermissionDenied unless `by` manages the person's school; ValidationError for
    oneself, AMASQ staff, or an account that is already inactive.
    """
    membership = _locked_membership(user)
    if not _still_manages(by, membership.school):
        raise PermissionDenied
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."), code="self")
    if user.is_superuser or user.groups.filter(name=AMASQ_STAFF_GROUP).exists():
        raise ValidationError(_("AMASQ staff accounts are managed in the administration."), code="staff")
    if not user.is_active:
        raise ValidationError(_("This account is already deactivated."), code="inactive")
    user.is_active = False
    user.save(update_fields=["is_active"])
    membership.deactivated_at = timezone.now()
    membership.deactivated_by = by
    membership.save(update_fields=["deactivated_at", "deactivated_by"])
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    log(profile, audit.MEMBER_DEACTIVATED, user=by)
    membership_ended.send(sender=Membership, user=user, reason="deactivated")
    end_sessions(user)


@transaction.atomic
def reactivate_member(user, *, by):
    """Undo a deactivation: the person can sign in again, in the same school and role.

    Raises PermissionDenied unless `by` manages the person's school; ValidationError if the
    account is active already.
    """
    membership = _locked_membership(user)
    if not _still_manages(by, membership.school):
        raise PermissionDenied
    if user.is_active:
        raise ValidationError(_("This account is already active."), code="active")
    user.is_active = True
    user.save(update_fields=["is_active"])
    membership.deactivated_at = None
    membership.deactivated_by = None
    membership.save(update_fields=["deactivated_at", "deactivated_by"])
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    log(profile, audit.MEMBER_REACTIVATED, user=by)
    membership_started.send(sender=Membership, user=user)


def _refuse_leaving_without_coordinator(membership):
    """Refuse a change that takes away the last active coordinator of the person's school: the
    team would have nobody left to manage it in the portal."""
    if membership.school is None or not membership.is_coordinator or not membership.user.is_active:
        return
    if not _active_coordinators(membership.school).exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("%(name)s is the only coordinator of %(school)s: make someone else coordinator first."),
            params={"name": _name(membership.user), "school": membership.school.title},
            code="last_coordinator",
        )


@transaction.atomic
def change_member_role(user, role, *, by):
    """Give a person of a school another role (MemberRole), and record it in the audit log.
    Returns their membership.

    A coordinator may name a co-coordinator of their own school: it gives no power beyond the
    one they hold, and lets a coordinator who leaves hand over without waiting for AMASQ staff.

    Raises PermissionDenied unless `by` manages the person's school; ValidationError for an
    unknown role, the role they already have, a deactivated account, a coordinator who would
    lose the management of their own team, or the school's last active coordinator.
    """
    membership = _locked_membership(user)
    if not _still_manages(by, membership.school):
        raise PermissionDenied
    if role not in MemberRole.values:
        raise ValidationError(_("Choose a role from the list."), code="role")
    if not user.is_active or membership.deactivated_at:
        raise ValidationError(_("Reactivate the account before changing its role."), code="inactive")
    if role == membership.role:
        raise ValidationError(_("%(name)s already has this role."), params={"name": _name(user)}, code="unchanged")
    if user.pk == by.pk and role != MemberRole.COORDINATOR and not is_amasq_staff(by):
        raise ValidationError(
            _(
                "You would no longer manage your school's team: ask another coordinator or AMASQ staff to change your role."
            ),
            code="self",
        )
    _refuse_leaving_without_coordinator(membership)
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    # Role codes, not labels: the entry reads the same in both languages and holds no personal data.
    log(profile, audit.MEMBER_ROLE_CHANGED, user=by, data={"from": previous, "to": role})
    return membership


@transaction.atomic
def move_member_to_school(user, school, *, by):
    """Move a person to another member school, with the same role, and record it in the audit log.
    Returns their membership.

    AMASQ staff only. A move touches two teams and a coordinator answers for one: moving someone
    out would drop them into a team whose coordinator never agreed, moving someone in would
    reach into another school's team. When a colleague changes school, their coordinator
    deactivates them and the new school invites them, or AMASQ staff move them.

    Raises PermissionDenied unless `by` is AMASQ staff; ValidationError if `school` is not a
    member school, is the person's school already, or the person is the last active
    coordinator of the school they leave.
    """
    if not is_amasq_staff(by):
        raise PermissionDenied
    if not member_schools().filter(pk=school.pk).exists():
        raise ValidationError(_("Choose a member school from the list."), code="school")
    membership = _locked_membership(user, school.pk)
    if membership.school_id == school.pk:
        raise ValidationError(
            _("%(name)s is already in %(school)s."),
            params={"name": _name(user), "school": school.title},
            code="unchanged",
        )
    _refuse_leaving_without_coordinator(membership)
    previous = membership.school_id
    membership.school = school
    membership.save(update_fields=["school"])
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    log(profile, audit.MEMBER_MOVED, user=by, data={"from_school": previous, "to_school": school.pk})
    # From one school to another they stay a member; only someone who belonged to none (their
    # school's page was deleted) becomes one again.
    if previous is None and user.is_active and membership.deactivated_at is None:
        membership_started.send(sender=Membership, user=user)
    return membership


def end_sessions(user):
    """End every session of `user` where the session engine can list them (database sessions);
    others end at the user's next request, since Django does not authenticate inactive users."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return
    user_id = str(user.pk)
    for session in store_class.get_model_class().objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()


def pending_invitations(school):
    return Invitation.objects.pending().filter(school=school).select_related("invited_by").order_by("-created_at")


def pending_access_requests_count():
    return AccessRequest.objects.filter(status=AccessRequest.Status.PENDING).count()

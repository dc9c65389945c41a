"""What the apps above `members` (events, resources, newsletter, mentoring) may use of it.

They import this module only, never `members.views`, `members.forms` or `members.services`:
this is the surface `members` promises to keep stable for them.

    from members.public import MembersOnlyMixin, PortalSection, is_member, register_portal_section

    class MyRegistrationsView(MembersOnlyMixin, TemplateView):
        template_name = "events/portal/registrations.html"  # extends "members/portal/base.html"

    @register_portal_section
    def registrations_section():
        return PortalSection(key="event-registrations", title=_("My registrations"), ...)

A person's life in the portal (members/services/lifecycle.py): `membership_started` and
`membership_ended` signals, and `register_personal_data` for what an app keeps about a person, so
that the Law 25 export shows it and account deletion erases it.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from members.models.accounts import AMASQ_STAFF_GROUP
from members.models.profiles import Expertise
from members.models.taxonomy import REGION_CHOICES
from members.services.accounts import in_staff_group, is_amasq_staff, membership_of
from members.services.lifecycle import (
    PersonalData,
    membership_ended,
    membership_started,
    register_personal_data,
)
from members.services.portal import PortalSection, register_portal_section

__all__ = [
    "AMASQ_STAFF_GROUP",
    "Expertise",
    "MembersOnlyMixin",
    "PersonalData",
    "PortalMixin",
    "PortalSection",
    "REGION_CHOICES",
    "can_see_members_only",
    "is_amasq_staff",
    "is_member",
    "membership_ended",
    "membership_started",
    "register_personal_data",
    "register_portal_section",
]


STAFF_NEED_TOTP = _(
    "AMASQ staff powers in the portal need two-factor authentication. Set up an authenticator app on your phone first."
)


def is_member(user):
    """A member: an active account that belongs to a school and has not been deactivated.
    AMASQ staff are not members unless they belong to a school (see `can_see_members_only`)."""
    if not user.is_authenticated or not user.is_active:
        return False
    membership = membership_of(user)
    return bool(membership and membership.school_id and membership.deactivated_at is None)


def can_see_members_only(user):
    """Who may see members-only content: members and AMASQ staff."""
    return is_member(user) or is_amasq_staff(user)


class PortalMixin(LoginRequiredMixin):
    """Signed-in people only: others are sent to the sign-in page, and come back here after.
    (Deactivated accounts are signed out by Django on their next request.)

    Gives the portal layout (members/portal/base.html) what its menu needs: `membership`,
    `is_amasq_staff` and `is_coordinator`."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        membership = membership_of(user)
        context.update(
            membership=membership,
            is_amasq_staff=is_amasq_staff(user),
            is_coordinator=bool(membership and membership.is_coordinator and membership.school_id),
        )
        return context


class MembersOnlyMixin(PortalMixin):
    """Members of a school and AMASQ staff: anonymous visitors are sent to sign in, any other
    account (no school, deactivated) gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_see_members_only(request.user):
            if in_staff_group(request.user):
                # AMASQ staff who have not set up two-factor authentication yet.
                messages.warning(request, STAFF_NEED_TOTP)
                return redirect("mfa_activate_totp")
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

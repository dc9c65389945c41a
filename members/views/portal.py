"""The portal home, and the access rules every portal view builds on."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from members.services.accounts import (
    has_totp,
    in_staff_group,
    is_amasq_staff,
    member_schools,
    membership_of,
    pending_access_requests_count,
    pending_invitations,
)
from members.services.portal import render_portal_sections
from members.services.profiles import profile_for
from members.services.schools import proposal_state

STAFF_NEED_TOTP = _(
    "AMASQ staff powers in the portal need two-factor authentication. Set up an authenticator app on your phone first."
)


class PortalMixin(LoginRequiredMixin):
    """Signed-in people only: others are sent to the sign-in page, and come back here after.
    (Deactivated accounts are signed out by Django on their next request.)"""

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
    """Members of a school and AMASQ staff: an account without a school gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            membership = membership_of(request.user)
            if not is_amasq_staff(request.user) and not (membership and membership.school_id):
                if in_staff_group(request.user):
                    # AMASQ staff who have not set up two-factor authentication yet.
                    messages.warning(request, STAFF_NEED_TOTP)
                    return redirect("mfa_activate_totp")
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PortalHomeView(PortalMixin, TemplateView):
    """What matters to this person now: their profile, their school and what other apps show
    here (registrations, mentoring, resources, news) once they exist."""

    template_name = "members/portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        school = context["membership"].school if context["membership"] else None
        context.update(
            profile=profile_for(user),
            school=school,
            sections=render_portal_sections(self.request),
            has_totp=has_totp(user),
            staff_needs_totp=in_staff_group(user) and not context["is_amasq_staff"],
        )
        if context["is_coordinator"] and school:
            context["pending_invitations"] = list(pending_invitations(school))
            context["proposal_state"] = proposal_state(school)
        if context["is_amasq_staff"]:
            context["pending_access_requests"] = pending_access_requests_count()
            context["schools"] = list(member_schools().only("pk", "title"))
        return context

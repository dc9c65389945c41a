"""The portal home. The access rules every portal view builds on (PortalMixin, MembersOnlyMixin)
live in members/public.py, where the apps above `members` use them too."""

from django.views.generic import TemplateView

from members.public import PortalMixin
from members.services.accounts import (
    has_totp,
    in_staff_group,
    member_schools,
    pending_access_requests_count,
    pending_invitations,
)
from members.services.portal import render_portal_sections
from members.services.profiles import profile_for
from members.services.schools import proposal_state


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

"""A school's team: its coordinator (and AMASQ staff) invite people, cancel invitations,
deactivate accounts and propose changes to the school's public directory entry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from home.view_mixins import InvalidFormStatus400Mixin
from members.forms.accounts import InvitationForm, SchoolEntryForm
from members.models import Invitation, Membership
from members.public import PortalMixin
from members.services.accounts import (
    can_manage_school,
    create_invitation,
    deactivate_member,
    member_schools,
    membership_of,
    pending_invitations,
    revoke_invitation,
    school_members,
)
from members.services.schools import draft_of, proposal_state, propose_school_changes


class SchoolManagerMixin(PortalMixin):
    """Only the school's coordinator and AMASQ staff. The school's other members get a 403;
    anyone else a 404, as if the school's private pages did not exist."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.school = member_schools().filter(pk=kwargs["school_id"]).first()
        if self.school is None:
            raise Http404
        if not can_manage_school(request.user, self.school):
            membership = membership_of(request.user)
            if membership and membership.school_id == self.school.pk:
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(school=self.school, **kwargs)

    def back_to_school(self):
        return redirect("members:school", school_id=self.school.pk)


class SchoolTeamView(SchoolManagerMixin, TemplateView):
    template_name = "members/portal/school.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            members=list(school_members(self.school)),
            pending_invitations=list(pending_invitations(self.school)),
            proposal_state=proposal_state(self.school),
        )
        return context


class InviteView(SchoolManagerMixin, InvalidFormStatus400Mixin, FormView):
    form_class = InvitationForm
    template_name = "members/portal/invite.html"

    def form_valid(self, form):
        try:
            invitation = create_invitation(
                email=form.cleaned_data["email"],
                school=self.school,
                role=form.cleaned_data["role"],
                language=form.cleaned_data["language"],
                invited_by=self.request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
            return self.form_invalid(form)
        messages.success(self.request, _("The invitation has been sent to %(email)s.") % {"email": invitation.email})
        return self.back_to_school()


class RevokeInvitationView(SchoolManagerMixin, View):
    http_method_names = ["post"]

    def post(self, request, school_id, pk):
        invitation = get_object_or_404(Invitation, pk=pk, school=self.school)
        try:
            revoke_invitation(invitation, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email})
        return self.back_to_school()


class DeactivateMemberView(SchoolManagerMixin, TemplateView):
    """Confirm, then end a person's access; their history stays."""

    template_name = "members/portal/deactivate_member.html"

    def get_membership(self):
        return get_object_or_404(
            Membership.objects.select_related("user"), user_id=self.kwargs["user_id"], school=self.school
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.get_membership(), **kwargs)

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        try:
            deactivate_member(membership.user, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s can no longer sign in. Their history is kept.")
                % {"name": membership.user.get_full_name() or membership.user.email},
            )
        return self.back_to_school()


class SchoolEntryView(SchoolManagerMixin, InvalidFormStatus400Mixin, FormView):
    """Propose changes to the school's public page; AMASQ staff review them before they appear."""

    form_class = SchoolEntryForm
    template_name = "members/portal/school_entry.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": draft_of(self.school)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal_state=proposal_state(self.school), **kwargs)

    def form_valid(self, form):
        try:
            propose_school_changes(self.school, form.cleaned_data, user=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your changes have been sent to AMASQ staff. They will appear on the public page once approved."),
        )
        return self.back_to_school()

"""A school's team: its coordinator (and AMASQ staff) invite people, cancel invitations,
deactivate and reactivate accounts, change roles and propose changes to the school's public
directory entry; AMASQ staff also move people to another school."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from home.view_mixins import InvalidFormStatus400Mixin
from members.forms.accounts import ChangeRoleForm, InvitationForm, MoveMemberForm, SchoolEntryForm
from members.models import Invitation, Membership
from members.public import PortalMixin, is_amasq_staff
from members.services.accounts import (
    can_manage_school,
    change_member_role,
    create_invitation,
    deactivate_member,
    member_schools,
    membership_of,
    move_member_to_school,
    pending_invitations,
    reactivate_member,
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


class SchoolMemberMixin(SchoolManagerMixin):
    """A page about one person of the school (`user_id` in the URL): anyone else is a 404."""

    def get_membership(self):
        if not hasattr(self, "_membership"):
            self._membership = get_object_or_404(
                Membership.objects.select_related("user"), user_id=self.kwargs["user_id"], school=self.school
            )
        return self._membership

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.get_membership(), **kwargs)


def display_name(user):
    return user.get_full_name() or user.email


class DeactivateMemberView(SchoolMemberMixin, TemplateView):
    """Confirm, then end a person's access; their history stays."""

    template_name = "members/portal/deactivate_member.html"

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        try:
            deactivate_member(membership.user, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s can no longer sign in. Their history is kept.") % {"name": display_name(membership.user)},
            )
        return self.back_to_school()


class ReactivateMemberView(SchoolMemberMixin, TemplateView):
    """Confirm, then give a deactivated person their access back, in the same school and role."""

    template_name = "members/portal/reactivate_member.html"

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        try:
            reactivate_member(membership.user, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s can sign in again, with their password.") % {"name": display_name(membership.user)},
            )
        return self.back_to_school()


class ChangeRoleView(SchoolMemberMixin, InvalidFormStatus400Mixin, FormView):
    form_class = ChangeRoleForm
    template_name = "members/portal/change_role.html"

    def get_initial(self):
        return {"role": self.get_membership().role}

    def form_valid(self, form):
        membership = self.get_membership()
        try:
            membership = change_member_role(membership.user, form.cleaned_data["role"], by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is now: %(role)s.")
            % {"name": display_name(membership.user), "role": membership.get_role_display()},
        )
        return self.back_to_school()


class MoveMemberView(SchoolMemberMixin, InvalidFormStatus400Mixin, FormView):
    """AMASQ staff only (see move_member_to_school): the school's coordinator gets a 403."""

    form_class = MoveMemberForm
    template_name = "members/portal/move_member.html"

    # Checked here, after SchoolManagerMixin's checks in dispatch, so that a coordinator of
    # another school still gets a 404 rather than learning that the page exists.
    def get(self, request, *args, **kwargs):
        self.refuse_unless_staff()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.refuse_unless_staff()
        return super().post(request, *args, **kwargs)

    def refuse_unless_staff(self):
        if not is_amasq_staff(self.request.user):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current_school": self.school}

    def form_valid(self, form):
        membership = self.get_membership()
        school = form.cleaned_data["school"]
        try:
            move_member_to_school(membership.user, school, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is now in %(school)s.") % {"name": display_name(membership.user), "school": school.title},
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

"""Wagtail admin views for member accounts: invitations sent by AMASQ staff, and the decision
on access requests. Registered by members/wagtail_hooks.py."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from members.models import AccessRequest
from members.services.accounts import (
    approve_access_request,
    create_invitation,
    member_schools,
    refuse_access_request,
)


class ImmutablePermissionPolicy(ModelPermissionPolicy):
    """Records that are created by a service or a public form and then only read, or decided:
    no one edits or deletes them in the admin, which would bypass the emails and the audit log."""

    forbidden_actions = {"change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DecidablePermissionPolicy(ImmutablePermissionPolicy):
    """Access requests come from the public form only; "change" is the right to decide them."""

    forbidden_actions = {"add", "delete"}


class InvitationAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schools = member_schools()
        self.fields["school"].queryset = schools
        self.fields["school"].widget = forms.Select(choices=[("", "---------")] + [(s.pk, s.title) for s in schools])


class InvitationCreateView(generic.CreateView):
    """Staff invite someone: the invitation email leaves with its single-use link."""

    success_message = _("Invitation sent to %(object)s.")

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error("email", error)
            return self.form_invalid(form)

    def save_instance(self):
        data = self.form.cleaned_data
        return create_invitation(
            email=data["email"],
            school=data["school"],
            role=data["role"],
            language=data["language"],
            invited_by=self.request.user,
        )

    def get_success_buttons(self):
        return []


class AccessRequestDecisionView(generic.EditView):
    """The page of one access request: its details, and Approve / Refuse (with an optional
    reason). The person gets an email either way."""

    template_name = "members/admin/access_request_decision.html"

    def get_page_subtitle(self):
        return str(self.object)

    def form_valid(self, form):
        decision = self.request.POST.get("decision")
        try:
            if decision == "approve":
                approve_access_request(self.object, decided_by=self.request.user)
                messages.success(
                    self.request,
                    _("Request approved: %(name)s will receive a link to set their password.") % {"name": self.object},
                )
            elif decision == "refuse":
                refuse_access_request(
                    self.object, decided_by=self.request.user, reason=form.cleaned_data["refusal_reason"]
                )
                messages.success(
                    self.request, _("Request refused: %(name)s has been told by email.") % {"name": self.object}
                )
            else:
                raise ValidationError(_("Choose to approve or to refuse the request."))
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = " ".join(error.messages)
            return self.form_invalid(form)
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["access_request"] = self.object
        context["is_pending"] = self.object.status == AccessRequest.Status.PENDING
        return context

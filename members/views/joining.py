"""Joining the portal: accepting an invitation, asking for access. Open to anonymous visitors."""

from allauth.account import app_settings as account_settings
from allauth.account.utils import perform_login
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from home.view_mixins import InvalidFormStatus400Mixin, RateLimitedPostMixin
from members.forms.accounts import AcceptInvitationForm, AccessRequestForm
from members.services.accounts import (
    InvitationUnusable,
    accept_invitation,
    invitation_for_token,
    submit_access_request,
)

INVITATION_TEMPLATE = "members/portal/accept_invitation.html"
UNUSABLE_TEMPLATE = "members/portal/invitation_unusable.html"


@method_decorator(never_cache, name="dispatch")
class AcceptInvitationView(View):
    """The link of an invitation email: the person sets their name and password, and is signed
    in. A link that no longer works gets a page that says why (404 unknown, 410 used up)."""

    def unusable(self, reason):
        status = 404 if reason == "unknown" else 410
        return TemplateResponse(self.request, UNUSABLE_TEMPLATE, {"reason": reason}, status=status)

    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.invitation = invitation_for_token(token)
        except InvitationUnusable as unusable:
            return self.unusable(unusable.reason)
        if request.user.is_authenticated:
            return TemplateResponse(request, UNUSABLE_TEMPLATE, {"reason": "signed_in"}, status=409)
        self.token = token
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, status=200):
        context = {"form": form, "invitation": self.invitation, "school": self.invitation.school}
        return TemplateResponse(self.request, INVITATION_TEMPLATE, context, status=status)

    def get(self, request):
        return self.render(AcceptInvitationForm(email=self.invitation.email))

    def post(self, request):
        form = AcceptInvitationForm(request.POST, email=self.invitation.email)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            user = accept_invitation(
                self.token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except InvitationUnusable as unusable:
            return self.unusable(unusable.reason)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form, status=400)
        messages.success(request, _("Welcome! Your account is ready. Take a moment to fill in your profile."))
        return perform_login(
            request,
            user,
            email_verification=account_settings.EMAIL_VERIFICATION,
            redirect_url=reverse("members:profile"),
        )


class AccessRequestView(RateLimitedPostMixin, InvalidFormStatus400Mixin, FormView):
    """The public form to ask for an account; AMASQ staff decide in the admin."""

    form_class = AccessRequestForm
    rate_limit_group = "access-request"
    template_name = "members/portal/request_access.html"
    success_url = reverse_lazy("members:request_access_sent")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            messages.info(request, _("You already have an account."))
            return redirect("members:home")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        submit_access_request(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            school=data["school"],
            role=data["role"],
            job_title=data["job_title"],
            message=data["message"],
            language=get_language(),
        )
        return super().form_valid(form)


class AccessRequestSentView(TemplateView):
    template_name = "members/portal/request_access_sent.html"

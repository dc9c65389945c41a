"""Privacy self-service (Quebec's Law 25): see one's consents, download one's data, delete one's
account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from home.view_mixins import InvalidFormStatus400Mixin, RateLimitedPostMixin
from members.forms.accounts import DeleteAccountForm
from members.models import ConsentRecord
from members.public import PortalMixin
from members.services.privacy import delete_account, export_personal_data

DELETE_ATTEMPTS_RATE = "5/15m"


class PrivacyView(PortalMixin, TemplateView):
    template_name = "members/portal/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consents=ConsentRecord.objects.filter(user=self.request.user).order_by("-created_at", "-pk"), **kwargs
        )


class ExportView(PortalMixin, View):
    """All the person's data as a JSON file. POST only, so that no prefetch or crawler creates
    one (each download is logged)."""

    http_method_names = ["post"]

    def post(self, request):
        data = export_personal_data(request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"amasq-my-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class DeleteAccountView(PortalMixin, RateLimitedPostMixin, InvalidFormStatus400Mixin, FormView):
    """Delete one's own account after typing one's password."""

    form_class = DeleteAccountForm
    template_name = "members/portal/delete_account.html"
    # Per account, not per address: it guards the password against guessing from a stolen session.
    rate_limit_group = "delete-account"
    rate_limit_key = "user"
    rate_limit_rate = DELETE_ATTEMPTS_RATE

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        delete_account(self.request.user)
        logout(self.request)
        messages.success(self.request, _("Your account and your personal data have been deleted."))
        return redirect(f"/{get_language()}/")

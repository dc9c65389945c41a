"""Signing up (the footer's form and the newsletter page's), confirming, the preferences page and
unsubscribing: thin views over newsletter.services. None needs JavaScript; the links in emails
work without logging in (their key is their secret)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView

from home.client_ip import client_ip
from home.view_mixins import InvalidFormStatus400Mixin, RateLimitedPostMixin
from newsletter import services
from newsletter.forms import PreferencesForm, SignupForm
from newsletter.models import MailingList, SubscriptionStatus


def referring_page(request):
    return (request.POST.get("next") or request.headers.get("Referer") or "")[:500]


# No CSRF token: the form sits in every page's footer, and a token would make every public page
# personal (a cookie and `Vary: Cookie`), so that no page could be served from the page cache
# (home/page_cache.py). A forged post can only ask for a confirmation email to an address, which
# anyone can do by typing it here; nothing is subscribed until the link in that email is used,
# and posts are rate-limited per client.
@method_decorator(csrf_exempt, name="dispatch")
class SignupView(RateLimitedPostMixin, InvalidFormStatus400Mixin, FormView):
    """The signup form on a page of its own; the footer and the newsletter page post here."""

    form_class = SignupForm
    template_name = "newsletter/signup.html"
    rate_limit_group = "newsletter-signup"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "language": get_language()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(consent_wording=services.consent_wording(get_language()), **kwargs)

    def form_valid(self, form):
        try:
            services.request_subscription(
                form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                list_keys=[mailing_list.key for mailing_list in form.cleaned_data["lists"]],
                page_url=referring_page(self.request),
                ip=client_ip(self.request),
            )
        except ValidationError as error:
            form.add_error("email" if error.code in ("invalid_email", "disposable") else None, error)
            return self.form_invalid(form)
        # The same answer whether the address was new, pending or already subscribed.
        return HttpResponseRedirect(reverse("newsletter:check_inbox"))


def check_inbox(request):
    return TemplateResponse(request, "newsletter/check_inbox.html", {"heading": _("Check your inbox")})


def bad_link(request, error, status):
    return TemplateResponse(
        request,
        "newsletter/bad_link.html",
        {"heading": _("Link not valid"), "message": error.messages[0]},
        status=status,
    )


class ConfirmView(View):
    """GET shows a button (link scanners only GET); POST confirms."""

    def get(self, request, token):
        return TemplateResponse(request, "newsletter/confirm.html", {"heading": _("Confirm my subscription")})

    def post(self, request, token):
        try:
            services.confirm_subscription(token, ip=client_ip(request))
        except ValidationError as error:
            return bad_link(request, error, 400)
        return TemplateResponse(request, "newsletter/confirmed.html", {"heading": _("Subscription confirmed")})


class KeyView(View):
    """A page reached from a link in a newsletter email."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.subscriber = services.subscriber_for_key(kwargs["key"])
        except ValidationError as error:
            return bad_link(request, error, 404)
        return super().dispatch(request, *args, **kwargs)


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(KeyView):
    """GET: a button. POST, from that button or from a mail app's one-click unsubscribe (RFC 8058,
    which sends no CSRF token: the key in the address is the secret), unsubscribes from every
    list at once."""

    def get(self, request, key):
        return TemplateResponse(
            request, "newsletter/unsubscribe.html", {"heading": _("Unsubscribe"), "subscriber": self.subscriber}
        )

    def post(self, request, key):
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(self.subscriber, ip=client_ip(request))
        if one_click:
            return HttpResponse(status=200)
        return TemplateResponse(
            request,
            "newsletter/unsubscribed.html",
            {"heading": _("You are unsubscribed"), "subscriber": self.subscriber},
        )


class PreferencesView(KeyView):
    def lists(self):
        own = {subscription.mailing_list for subscription in services.choosable_subscriptions(self.subscriber)}
        return sorted(own | set(MailingList.objects.filter(open_to_public=True)), key=lambda item: item.pk)

    def form(self, data=None):
        receiving = [
            subscription.mailing_list.key
            for subscription in services.choosable_subscriptions(self.subscriber)
            if subscription.status == SubscriptionStatus.ACTIVE
        ]
        return PreferencesForm(
            data, lists=self.lists(), initial={"language": self.subscriber.language, "lists": receiving}
        )

    def render(self, request, form, status=200):
        return TemplateResponse(
            request,
            "newsletter/preferences.html",
            {"form": form, "subscriber": self.subscriber, "consent_wording": services.consent_wording(get_language())},
            status=status,
        )

    def get(self, request, key):
        return self.render(request, self.form())

    def post(self, request, key):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(request, form, status=400)
        services.update_preferences(
            self.subscriber,
            language=form.cleaned_data["language"],
            list_keys=form.cleaned_data["lists"],
            ip=client_ip(request),
        )
        messages.success(request, _("Your preferences are saved."))
        return HttpResponseRedirect(request.path)

"""The newsletter in the Wagtail admin: send an issue (a test to oneself first), follow a send's
progress, see each issue's statistics, preview the email, import subscribers from a CSV file.
Registered by newsletter/wagtail_hooks.py; for those who may publish newsletter issues."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members.public import is_amasq_staff
from newsletter.forms import ImportForm, SendForm
from newsletter.importing import import_subscribers
from newsletter.models import (
    ConsentAction,
    ConsentRecord,
    Delivery,
    DeliveryStatus,
    NewsletterPage,
    Send,
    SendStatus,
    Subscriber,
)
from newsletter.sending import Renderer, delivery_counts, order_send, progress, render_issue, send_test, source_issue


def may_send(user):
    """AMASQ staff (the admin has already asked them for two-factor authentication)."""
    return is_amasq_staff(user) or user.is_superuser


class StaffMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_send(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class NewsletterIndexView(StaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """Issues with their statistics, and the sends with their progress."""

    template_name = "newsletter/admin/index.html"
    page_title = gettext_lazy("Newsletter")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        # Who left after the issue first went out, among those it reached: one subquery per
        # row of the same query, not two queries per issue.
        first_sent = (
            Delivery.objects.filter(issue=OuterRef(OuterRef("pk")), status=DeliveryStatus.SENT)
            .order_by("sent_at")
            .values("sent_at")[:1]
        )
        unsubscribed_since = (
            ConsentRecord.objects.filter(
                action=ConsentAction.WITHDRAWN,
                at__gte=Subquery(first_sent),
                subscriber__deliveries__issue=OuterRef("pk"),
            )
            .order_by()
            .values("subscriber__deliveries__issue")
            .annotate(count=Count("subscriber", distinct=True))
            .values("count")
        )
        issues = (
            NewsletterPage.objects.filter(locale__language_code="fr")
            .annotate(
                delivered=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
                failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
            )
            .annotate(unsubscribed=Coalesce(Subquery(unsubscribed_since, output_field=IntegerField()), 0))
            .order_by("-latest_revision_created_at", "-pk")[:30]
        )
        sends = Send.objects.select_related("issue").annotate(**delivery_counts("deliveries__"))[:20]
        return super().get_context_data(
            issues=issues,
            sends=sends,
            subscribers=Subscriber.objects.filter(subscriptions__status="active").distinct().count(),
            **kwargs,
        )


class SendIssueView(StaffMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "newsletter/admin/send.html"
    form_class = SendForm
    header_icon = "mail"

    def dispatch(self, request, *args, issue_id, **kwargs):
        self.issue = source_issue(get_object_or_404(NewsletterPage, pk=issue_id))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Send: %(title)s") % {"title": self.issue.title}

    def get_context_data(self, **kwargs):
        return super().get_context_data(issue=self.issue, **kwargs)

    def form_valid(self, form):
        if not self.issue.live:
            form.add_error(None, _("Publish the issue first: the email links to it on the site."))
            return self.form_invalid(form)
        if "test" in self.request.POST:
            send_test(self.issue, self.request.user)
            messages.success(self.request, _("A test was sent to %(email)s.") % {"email": self.request.user.email})
            return redirect("newsletter_send", issue_id=self.issue.pk)
        send = order_send(
            self.issue, form.cleaned_data["lists"], send_at=form.cleaned_data.get("send_at"), by=self.request.user
        )
        return redirect("newsletter_progress", send_id=send.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SendProgressView(StaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """Live progress (the page refreshes itself while the send runs; no JavaScript needed)."""

    template_name = "newsletter/admin/progress.html"
    header_icon = "mail"

    def dispatch(self, request, *args, send_id, **kwargs):
        self.send = get_object_or_404(Send.objects.select_related("issue"), pk=send_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Sending: %(title)s") % {"title": self.send.issue.title}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            send=self.send,
            counts=progress(self.send),
            running=self.send.status != SendStatus.DONE,
            scheduled=self.send.status == SendStatus.SCHEDULED and self.send.send_at > timezone.now(),
            **kwargs,
        )


def preview_email(request, issue_id, language):
    """The issue as the email a reader of `language` receives (the unsubscribe links are examples)."""
    if not may_send(request.user):
        raise PermissionDenied
    issue = source_issue(get_object_or_404(NewsletterPage, pk=issue_id))
    page = Renderer(issue).version(language if language in ("fr", "en") else "fr")
    _subject, text, html, _language = render_issue(page, page.locale.language_code, key="preview")
    if request.GET.get("format") == "text":
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    return HttpResponse(html)


class ImportView(StaffMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "newsletter/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import subscribers")
    header_icon = "upload"

    def form_valid(self, form):
        try:
            count = import_subscribers(form.cleaned_data["file"], mailing_list=form.cleaned_data["mailing_list"])
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(form=form, row_errors=error.messages), status=400)
        messages.success(self.request, _("%(count)d addresses imported.") % {"count": count})
        return redirect("newsletter_index")

"""Staff side of registrations in the Wagtail admin: who is coming to each event, with counts;
the list as a spreadsheet (CSV or Excel); a message to all attendees; and the check-in page used
at the door. Registered by events/wagtail_hooks.py.

Access follows Wagtail's page permissions: whoever may edit an event sees its attendees."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from events.attendance import MAX_QUERY_LENGTH, attendees_at_the_door, check_in, message_attendees, recipients_of
from events.exports import as_csv, as_xlsx, attendee_table
from events.forms import AttendeeMessageForm
from events.models import EventPage, Registration, RegistrationStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def editable_events(user):
    """The events (in the default language, where registrations hang) `user` may edit."""
    events = EventPage.objects.filter(locale=Locale.get_default()).order_by("-start", "pk")
    return [event for event in events if event.permissions_for_user(user).can_edit()]


def with_counts(events):
    counts = (
        Registration.objects.filter(event__in=events)
        .values("event")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            checked_in=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)),
        )
    )
    by_event = {row["event"]: row for row in counts}
    empty = {"confirmed": 0, "waitlisted": 0, "cancelled": 0, "checked_in": 0}
    return [(event, by_event.get(event.pk, empty)) for event in events]


class EventRegistrationsIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registrations_index.html"
    page_title = gettext_lazy("Registrations")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.events = editable_events(request.user)
        if not self.events:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(events=with_counts(self.events), **kwargs)


class EventStaffMixin:
    """The event of the URL (its default-language version), for those who may edit it."""

    def dispatch(self, request, *args, event_id, **kwargs):
        event = get_object_or_404(EventPage, pk=event_id)
        if not event.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.event = event.source_event()
        return super().dispatch(request, *args, **kwargs)


class EventAttendeesView(EventStaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """One event's registrations, counts by status and by MAS; ?format=csv or xlsx downloads them."""

    template_name = "events/admin/attendees.html"
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        self.registrations = list(
            Registration.objects.filter(event=self.event).select_related("school").order_by("status", "created_at")
        )
        download = request.GET.get("format")
        if download in ("csv", "xlsx"):
            return self.download(download)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Registrations: %(title)s") % {"title": self.event.title}

    def get_context_data(self, **kwargs):
        confirmed = [r for r in self.registrations if r.status == RegistrationStatus.CONFIRMED]
        per_school = {}
        for registration in confirmed:
            name = registration.school.title if registration.school else _("Guests and AMASQ staff")
            per_school[name] = per_school.get(name, 0) + 1
        return super().get_context_data(
            event=self.event,
            registrations=self.registrations,
            counts=with_counts([self.event])[0][1],
            per_school=sorted(per_school.items()),
            messages_sent=self.event.attendee_messages.select_related("sent_by")[:10],
            **kwargs,
        )

    def download(self, kind):
        header, rows = attendee_table(self.event, self.registrations)
        if kind == "csv":
            response = HttpResponse(as_csv(header, rows), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(as_xlsx(header, rows), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{self.event.slug}-registrations.{kind}"'
        return response


class EventMessageView(EventStaffMixin, WagtailAdminTemplateMixin, FormView):
    """Write to everyone confirmed (and, if chosen, waitlisted): a French text, an English one for
    those who registered in English."""

    template_name = "events/admin/message.html"
    form_class = AttendeeMessageForm
    header_icon = "mail"

    def get_page_title(self):
        return _("Write to the attendees: %(title)s") % {"title": self.event.title}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            confirmed=recipients_of(self.event, include_waitlist=False).count(),
            with_waitlist=recipients_of(self.event, include_waitlist=True).count(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            sent = message_attendees(self.event, sent_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            self.request,
            ngettext(
                "Your message is on its way to %(count)d person.",
                "Your message is on its way to %(count)d people.",
                sent.recipients,
            )
            % {"count": sent.recipients},
        )
        return redirect("events_attendees", event_id=self.event.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class EventCheckInView(EventStaffMixin, View):
    """At the door, on a phone: find a name, one tap to check the person in. A light page of its
    own (not the admin's layout) and plain forms: it works on a weak connection and without
    JavaScript; static/js/check-in.js only spares the page reload when it can."""

    def get(self, request, *args, **kwargs):
        return self.render(request)

    def post(self, request, *args, **kwargs):
        undo = request.POST.get("action") == "undo"
        try:
            registration = check_in(self.event, _registration_id(request.POST.get("registration")), undo=undo)
        except ValidationError as error:
            return self.render(request, error=error.messages[0], status=400)
        if request.headers.get("Accept") == "application/json":
            return _json_status(request, self.event, registration)
        query = request.POST.get("q", "")[:MAX_QUERY_LENGTH]
        url = reverse("events_check_in", kwargs={"event_id": self.event.pk})
        return redirect(f"{url}?{urlencode({'q': query})}#registration-{registration.pk}" if query else url)

    def render(self, request, *, error="", status=200):
        query = request.GET.get("q", request.POST.get("q", ""))[:MAX_QUERY_LENGTH].replace("\x00", "")
        counts = with_counts([self.event])[0][1]
        return TemplateResponse(
            request,
            "events/admin/check_in.html",
            {
                "event": self.event,
                "query": query,
                "attendees": attendees_at_the_door(self.event, query),
                "counts": counts,
                "error": error,
            },
            status=status,
        )


def _registration_id(value):
    return int(value) if value and value.isdigit() and len(value) < 12 else 0


def _json_status(request, event, registration):
    """For static/js/check-in.js: the person's row as the page would show it, and the new count."""
    counts = with_counts([event])[0][1]
    query = request.POST.get("q", "")[:MAX_QUERY_LENGTH]
    row = render_to_string(
        "events/admin/check_in_row.html", {"registration": registration, "query": query}, request=request
    )
    return JsonResponse({"row": row, "summary": _("%(checked_in)s of %(confirmed)s checked in") % counts})

"""Staff side of registrations in the Wagtail admin: who is coming to each event, with counts,
and the list as a spreadsheet (CSV). Registered by events/wagtail_hooks.py.

Access follows Wagtail's page permissions: whoever may edit an event sees its attendees."""

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from events.models import EventPage, Registration, RegistrationStatus

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
        )
    )
    by_event = {row["event"]: row for row in counts}
    empty = {"confirmed": 0, "waitlisted": 0, "cancelled": 0}
    return [(event, by_event.get(event.pk, empty)) for event in events]


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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


class EventAttendeesView(WagtailAdminTemplateMixin, TemplateView):
    """One event's registrations, counts by status and by MAS; ?format=csv downloads them."""

    template_name = "events/admin/attendees.html"
    header_icon = "group"

    def dispatch(self, request, *args, event_id, **kwargs):
        event = get_object_or_404(EventPage, pk=event_id)
        if not event.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.event = event.source_event()
        self.registrations = list(
            Registration.objects.filter(event=self.event).select_related("school").order_by("status", "created_at")
        )
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().dispatch(request, *args, **kwargs)

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
            **kwargs,
        )

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.event.slug}-registrations.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read the accents right
        writer = csv.writer(response)
        writer.writerow(
            [_("Name"), _("Email"), _("School"), _("Status"), _("Language"), _("Registered on"), _("Answers")]
        )
        for registration in self.registrations:
            answers = "; ".join(f"{key}: {value}" for key, value in sorted(registration.answers.items()))
            writer.writerow(
                [
                    spreadsheet_safe(value)
                    for value in (
                        registration.name,
                        registration.email,
                        registration.school.title if registration.school else "",
                        registration.get_status_display(),
                        registration.language,
                        registration.created_at.isoformat(),
                        answers,
                    )
                ]
            )
        return response

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.admin_views import (
    EventAttendeesView,
    EventCheckInView,
    EventMessageView,
    EventRegistrationsIndexView,
    editable_events,
)
from events.personal_data import erase_registrations, export_registrations
from events.services import upcoming_registrations
from members.public import PersonalData, PortalSection, register_personal_data, register_portal_section


def registrations_context(request):
    registrations = list(upcoming_registrations(request.user)[:20])
    return {"registrations": registrations} if registrations else None


@register_portal_section
def registrations_section():
    return PortalSection(
        key="event-registrations",
        title=_("My registrations"),
        template="events/portal/registrations.html",
        get_context=registrations_context,
        order=10,
    )


@register_personal_data
def registrations_personal_data():
    return PersonalData(key="event_registrations", export=export_registrations, erase=erase_registrations)


@hooks.register("register_admin_urls")
def register_registrations_urls():
    return [
        path("events/registrations/", EventRegistrationsIndexView.as_view(), name="events_registrations"),
        path("events/<id:event_id>/registrations/", EventAttendeesView.as_view(), name="events_attendees"),
        path("events/<id:event_id>/message/", EventMessageView.as_view(), name="events_message"),
        path("events/<id:event_id>/check-in/", EventCheckInView.as_view(), name="events_check_in"),
    ]


class RegistrationsMenuItem(MenuItem):
    """Shown to those who may edit at least one event (page permissions)."""

    def is_shown(self, request):
        return bool(editable_events(request.user))


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("events_registrations"), icon_name="group", name="event-registrations", order=310
    )

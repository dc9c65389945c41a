from django.utils.translation import gettext_lazy as _

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

from django import template
from wagtail.models import Locale

from events import calendar
from events.models import EventPage

register = template.Library()


@register.simple_tag
def upcoming_events(count=3):
    """The next public events in the active language, for the home page."""
    return list(
        EventPage.objects.live().public().filter(locale=Locale.get_active()).upcoming().select_related("image")[:count]
    )


@register.simple_tag
def google_calendar_url(event):
    return calendar.google_calendar_url(event)


@register.simple_tag
def outlook_calendar_url(event):
    return calendar.outlook_calendar_url(event)

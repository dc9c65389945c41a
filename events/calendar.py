"""iCalendar (RFC 5545) files for events, built with the icalendar library.

The UID is the event's translation key, so both languages and every later version of the file name
the same event; SEQUENCE (EventPage.sequence) goes up when staff move it, so calendar apps update.
Times are written in America/Montréal with its VTIMEZONE, right across daylight-saving changes.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//AMASQ//Events//FR"


def event_uid(event):
    return f"{event.translation_key}@amasq"


def event_calendar(event, *, meeting_link=""):
    """A calendar holding one event; `meeting_link` only for a confirmed attendee's copy."""
    zone = ZoneInfo(settings.TIME_ZONE)
    location = ", ".join(part for part in (event.venue, event.address) if part)
    description = event.summary
    if meeting_link:
        description = f"{description}\n\n{meeting_link}"
    vevent = Event.new(
        uid=event_uid(event),
        sequence=event.sequence,
        stamp=timezone.now(),
        start=event.start.astimezone(zone),
        end=event.end.astimezone(zone),
        summary=event.title,
        description=description,
        location=location or None,
        url=event.full_url,
    )
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", subcomponents=[vevent])
    calendar.add_missing_timezones()
    return calendar.to_ical()

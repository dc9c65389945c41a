"""iCalendar (RFC 5545) files for events, built with the icalendar library.

The UID is the event's translation key, so both languages and every later version of the file name
the same event; SEQUENCE (EventPage.sequence) goes up when staff move it, so calendar apps update.
Times are written in America/Montréal with its VTIMEZONE, right across daylight-saving changes.
"""

from datetime import UTC
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//AMASQ//Events//FR"


def event_uid(event):
    return f"{event.translation_key}@amasq"


def _vevent(event, meeting_link=""):
    zone = ZoneInfo(settings.TIME_ZONE)
    location = ", ".join(part for part in (event.venue, event.address) if part)
    description = event.summary
    if meeting_link:
        description = f"{description}\n\n{meeting_link}"
    return Event.new(
        status="CANCELLED" if event.cancelled else "CONFIRMED",
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


def event_calendar(event, *, meeting_link=""):
    """A calendar holding one event; `meeting_link` only for a confirmed attendee's copy."""
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", subcomponents=[_vevent(event, meeting_link)])
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_feed(events, *, name):
    """A subscribable calendar of `events` (public ones: never a meeting link), named `name`.
    Calendar apps poll it; an event keeps its UID, so a moved event updates in place."""
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", subcomponents=[_vevent(event) for event in events])
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(event):
    """ "Add to Google Calendar": a prefilled new-event form (times in UTC, which Google expects)."""
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_utc_stamp(event.start)}/{_utc_stamp(event.end)}",
        "details": f"{event.summary}\n\n{event.full_url}",
        "location": ", ".join(part for part in (event.venue, event.address) if part),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event):
    """ "Add to Outlook": Outlook on the web's compose deep link, ISO 8601 times in UTC."""
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": event.start.astimezone(UTC).isoformat(),
        "enddt": event.end.astimezone(UTC).isoformat(),
        "body": f"{event.summary}\n\n{event.full_url}",
        "location": ", ".join(part for part in (event.venue, event.address) if part),
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)

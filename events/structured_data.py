"""schema.org `Event` for search engines (JSON-LD in the event page's head).

A members-only event tells others only its name and dates, as its page does."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

# As Django's json_script: nothing in the JSON can close the <script> element.
SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_structured_data(event, *, with_details):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "url": event.full_url,
        "eventStatus": "https://schema.org/EventCancelled" if event.cancelled else "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": str(settings.SITE_NAME), "url": settings.SITE_BASE_URL},
    }
    if with_details:
        data["description"] = event.summary
        data["eventAttendanceMode"] = (
            "https://schema.org/OnlineEventAttendanceMode"
            if event.online
            else "https://schema.org/OfflineEventAttendanceMode"
        )
        # The meeting link is for confirmed attendees: the virtual location names the page instead.
        data["location"] = (
            {"@type": "VirtualLocation", "url": event.full_url}
            if event.online
            else {"@type": "Place", "name": event.venue or event.title, "address": event.address or event.venue}
        )
    return data


def event_json_ld(event, *, with_details):
    payload = json.dumps(event_structured_data(event, with_details=with_details), ensure_ascii=False)
    return mark_safe(f'<script type="application/ld+json">{payload.translate(SCRIPT_SAFE)}</script>')  # noqa: S308

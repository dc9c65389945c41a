"""A member's event registrations in their Law 25 export, and cancelled then erased with their
account (registered with members through `register_personal_data` in wagtail_hooks.py)."""

from events.models import Registration
from events.questions import described_answers
from events.services import cancel


def export_registrations(user):
    return [
        {
            "event": registration.event.title,
            "starts": registration.event.start.isoformat(),
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "language": registration.language,
            # As the person read the questions (the event's own language), not by question id.
            "answers": dict(described_answers(registration.event, registration.answers)),
            "registered_at": registration.created_at.isoformat(),
            "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
        }
        for registration in Registration.objects.filter(user=user).select_related("event").order_by("created_at", "pk")
    ]


def erase_registrations(user):
    """Cancel first, through the service, so that a seat the person held goes back to the pool
    (and to the waitlist) as any cancellation would; the rows go with the account."""
    for registration in Registration.objects.active().filter(user=user):
        cancel(registration)
    Registration.objects.filter(user=user).delete()

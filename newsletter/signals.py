"""Members' news follows membership; an email provider's bounce and complaint reports stop mail
to the address (connected in NewsletterConfig.ready)."""

from anymail.signals import tracking
from django.dispatch import receiver

from members.public import membership_ended, membership_started
from newsletter.services import drop_member, subscribe_member, suppress


@receiver(membership_started, dispatch_uid="newsletter_subscribe_member")
def subscribe_new_member(sender, user, **kwargs):
    subscribe_member(user)


@receiver(membership_ended, dispatch_uid="newsletter_drop_member")
def drop_departing_member(sender, user, reason, **kwargs):
    drop_member(user)


# Anymail's normalised event types that mean "never mail this address again".
SUPPRESSING_EVENTS = {"bounced": "bounced", "rejected": "bounced", "complained": "complained"}


@receiver(tracking, dispatch_uid="newsletter_suppress_on_bounce")
def suppress_on_bounce_or_complaint(sender, event, esp_name, **kwargs):
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason and event.recipient:
        suppress(event.recipient, reason=reason)

"""Receivers of Wagtail's signals (connected in EventsConfig.ready)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage
from events.services import notify_change


@receiver(page_published, sender=EventPage)
def tell_registrants_of_changes(sender, instance, **kwargs):
    notify_change(instance)

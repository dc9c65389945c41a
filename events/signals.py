"""Receivers of Wagtail's signals (connected in EventsConfig.ready)."""

from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from events.models import SHARED_FACTS, EventPage
from events.services import notify_change
from home.translated_facts import share_facts_with_translations


@receiver(page_published, sender=EventPage)
def share_facts_and_tell_registrants(sender, instance, **kwargs):
    # The event in the default language is the one staff edit and registrations hang on: its time,
    # place and numbers go to the English page at once (a translation's publish copies nothing back).
    if instance.locale_id == Locale.get_default().pk:
        share_facts_with_translations(instance, fields=SHARED_FACTS)
    notify_change(instance)

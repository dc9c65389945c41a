"""Receivers of Wagtail's signals (connected in EventsConfig.ready)."""

from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from events.models import SHARED_FACTS, EventPage
from events.services import cancel_upcoming_registrations, notify_change
from home.translated_facts import share_facts_with_translations
from members.public import membership_ended


@receiver(page_published, sender=EventPage)
def share_facts_and_tell_registrants(sender, instance, **kwargs):
    # The event in the default language is the one staff edit and registrations hang on: its time,
    # place and numbers go to the English page at once (a translation's publish copies nothing back).
    if instance.locale_id == Locale.get_default().pk:
        share_facts_with_translations(instance, fields=SHARED_FACTS)
    notify_change(instance)


@receiver(membership_ended, dispatch_uid="events_cancel_for_departed_member")
def free_a_departing_members_seats(sender, user, reason, **kwargs):
    # A member who leaves their school no longer holds its seats: each goes to the waitlist. (On
    # deletion, the personal-data eraser cancels them the same way.)
    if reason == "deactivated":
        cancel_upcoming_registrations(user)

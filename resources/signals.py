"""Receivers of Wagtail's signals (connected in ResourcesConfig.ready)."""

from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from home.translated_facts import share_facts_with_translations
from resources.models import SHARED_FACTS, SHARED_RELATIONS, ResourcePage


@receiver(page_published, sender=ResourcePage)
def share_facts(sender, instance, **kwargs):
    # Kind, audience, dates, licence, author and themes are facts of the resource, not words: the
    # English page gets them from the French one at once (a translation's publish copies nothing back).
    if instance.locale_id == Locale.get_default().pk:
        share_facts_with_translations(instance, fields=SHARED_FACTS, many_to_many=SHARED_RELATIONS)

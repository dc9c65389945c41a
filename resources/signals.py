"""Receivers of Wagtail's and Django's signals (connected in ResourcesConfig.ready)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from home.translated_facts import share_facts_with_translations
from resources.models import SHARED_FACTS, SHARED_RELATIONS, ResourcePage
from resources.search_index import refresh_search_entry, remove_search_entry
from resources.tasks import analyse_document, analysis_is_current


@receiver(page_published, sender=ResourcePage)
def share_facts_and_index(sender, instance, **kwargs):
    # Kind, audience, dates, licence, author and themes are facts of the resource, not words: the
    # English page gets them from the French one at once (a translation's publish copies nothing back).
    if instance.locale_id == Locale.get_default().pk:
        share_facts_with_translations(instance, fields=SHARED_FACTS, many_to_many=SHARED_RELATIONS)
    refresh_search_entry(instance)
    if instance.members_only:
        # It may have been public before: out of the site search, which anyone may use.
        index.remove_object(instance)


@receiver(page_unpublished, sender=ResourcePage)
def unindex(sender, instance, **kwargs):
    remove_search_entry(instance)


@receiver(post_save, sender=get_document_model())
def read_new_file(sender, instance, **kwargs):
    # Uploaded or replaced: its text is read in the background, once the upload is committed.
    if instance.file and not analysis_is_current(instance):
        transaction.on_commit(partial(analyse_document.enqueue, instance.pk))

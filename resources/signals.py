"""Receivers of Wagtail's and Django's signals (connected in ResourcesConfig.ready)."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.models import Locale
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, task_submitted, workflow_rejected

from home.translated_facts import share_facts_with_translations
from resources.models import (
    SHARED_FACTS,
    SHARED_RELATIONS,
    DocumentVersion,
    ResourceDownloads,
    ResourceFile,
    ResourcePage,
)
from resources.proposals import reopen_proposal, tell_author_of_publication, tell_author_of_rejection
from resources.search_index import refresh_search_entry, remove_search_entry
from resources.tasks import analyse_document, analysis_is_current

Document = get_document_model()


@receiver(page_published, sender=ResourcePage)
def share_facts_index_and_tell(sender, instance, **kwargs):
    # Kind, audience, dates, licence, author and themes are facts of the resource, not words: the
    # English page gets them from the French one at once (a translation's publish copies nothing back).
    if instance.locale_id == Locale.get_default().pk:
        share_facts_with_translations(instance, fields=SHARED_FACTS, many_to_many=SHARED_RELATIONS)
    refresh_search_entry(instance)
    if instance.members_only:
        # It may have been public before: out of the site search, which anyone may use.
        index.remove_object(instance)
    tell_author_of_publication(instance)


@receiver(page_unpublished, sender=ResourcePage)
def unindex(sender, instance, **kwargs):
    remove_search_entry(instance)


def _resource_page_id(workflow_state):
    if workflow_state.content_type_id != ContentType.objects.get_for_model(ResourcePage).pk:
        return None
    return int(workflow_state.object_id)


@receiver(workflow_rejected)
def tell_of_refusal(sender, instance, user, **kwargs):
    # Members' own Wagtail notifications are off (resources/proposals.py): we tell them ourselves.
    page_id = _resource_page_id(instance)
    if page_id is not None:
        task_state = instance.current_task_state
        tell_author_of_rejection(page_id=page_id, comment=task_state.get_comment() if task_state else "")


@receiver(task_submitted)
def waiting_again(sender, instance, user, **kwargs):
    # A task starts on a first submission and when a turned-down proposal is resubmitted.
    page_id = _resource_page_id(instance.workflow_state)
    if page_id is not None:
        reopen_proposal(page_id=page_id)


@receiver(post_save, sender=Document)
def read_new_file(sender, instance, **kwargs):
    # Uploaded or replaced: its text is read in the background, once the upload is committed.
    if instance.file and not analysis_is_current(instance):
        transaction.on_commit(partial(analyse_document.enqueue, instance.pk))


@receiver(pre_save, sender=Document)
def keep_the_earlier_file(sender, instance, **kwargs):
    # Wagtail deletes a replaced document's file; a resource's earlier file stays reachable for staff.
    if not instance.pk or not ResourceFile.objects.filter(document_id=instance.pk).exists():
        return
    earlier = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if not earlier or earlier == instance.file.name or not instance.file.storage.exists(earlier):
        return
    with instance.file.storage.open(earlier, "rb") as file:
        content = ContentFile(file.read(), name=earlier.rsplit("/", 1)[-1])
    DocumentVersion.objects.create(document_id=instance.pk, file=content)


@receiver(document_served, sender=Document)
def count_download(sender, instance, request, **kwargs):
    # One more download for each resource the file belongs to; who downloaded it is not kept.
    keys = set(ResourcePage.objects.filter(files__document_id=instance.pk).values_list("translation_key", flat=True))
    for key in keys:
        ResourceDownloads.objects.get_or_create(translation_key=key)
        ResourceDownloads.objects.filter(translation_key=key).update(count=F("count") + 1)

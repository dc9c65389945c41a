"""Keep a school's facts that are not words (SHARED_FACTS and its services) the same in every
translation, the moment they change: after a CSV import, an approved coordinator proposal or an
edit in the admin. The texts go to translation as usual (wagtail-localize)."""

from django.db import transaction

from members.models import MASPage
from members.models.pages import SHARED_FACTS


def _service_ids(school):
    return {service.pk for service in school.services.all()}


def _copy_facts(source, target, service_ids):
    for name in SHARED_FACTS:
        setattr(target, name, getattr(source, name))
    target.services.set(sorted(service_ids))


@transaction.atomic
def share_facts_with_translations(school, *, user=None):
    """Copy `school`'s live facts to each of its translations that differs; returns how many changed.

    A live translation with nothing pending gets a new published revision. One with a draft waiting
    (a translation in progress) gets the facts in its live row and in a new draft revision, which
    stays a draft. Publishing a translation calls this again from it, and finds nothing to change.
    """
    source = MASPage.objects.get(pk=school.pk)
    service_ids = _service_ids(source)
    changed = 0
    translations = MASPage.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    for translation in translations.prefetch_related("services"):
        if _service_ids(translation) == service_ids and all(
            getattr(translation, name) == getattr(source, name) for name in SHARED_FACTS
        ):
            continue
        changed += 1
        if translation.live and not translation.has_unpublished_changes:
            _copy_facts(source, translation, service_ids)
            translation.save_revision(user=user, log_action=True).publish(user=user)
            continue
        draft = translation.get_latest_revision_as_object()
        _copy_facts(source, translation, service_ids)
        translation.save()
        _copy_facts(source, draft, service_ids)
        draft.save_revision(user=user, log_action=True)
    return changed

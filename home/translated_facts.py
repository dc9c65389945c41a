"""Keep a page's facts that are not words (dates, addresses, numbers…) the same in every
translation the moment they change: the members' schools and the events use it on publication.
The texts go to translation as usual (wagtail-localize)."""

from django.db import transaction


def _related_ids(page, many_to_many):
    return {name: {related.pk for related in getattr(page, name).all()} for name in many_to_many}


def _copy(source, target, fields, related_ids):
    for name in fields:
        setattr(target, name, getattr(source, name))
    for name, ids in related_ids.items():
        getattr(target, name).set(sorted(ids))


@transaction.atomic
def share_facts_with_translations(page, *, fields, many_to_many=(), user=None):
    """Copy `page`'s live `fields` (and `many_to_many` relations) to each of its translations that
    differs; returns how many changed.

    A live translation with nothing pending gets a new published revision. One with a draft waiting
    (a translation in progress) gets the facts in its live row and in a new draft revision, which
    stays a draft. Publishing a translation calls this again from it, and finds nothing to change.
    """
    model = type(page)
    source = model.objects.get(pk=page.pk)
    related_ids = _related_ids(source, many_to_many)
    changed = 0
    translations = model.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    for translation in translations.prefetch_related(*many_to_many):
        if _related_ids(translation, many_to_many) == related_ids and all(
            getattr(translation, name) == getattr(source, name) for name in fields
        ):
            continue
        changed += 1
        if translation.live and not translation.has_unpublished_changes:
            _copy(source, translation, fields, related_ids)
            translation.save_revision(user=user, log_action=True).publish(user=user)
            continue
        draft = translation.get_latest_revision_as_object()
        _copy(source, translation, fields, related_ids)
        translation.save()
        _copy(source, draft, fields, related_ids)
        draft.save_revision(user=user, log_action=True)
    return changed

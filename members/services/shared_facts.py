"""Keep a school's facts that are not words (SHARED_FACTS and its services) the same in every
translation, the moment they change: after a CSV import, an approved coordinator proposal or an
edit in the admin. The texts go to translation as usual (wagtail-localize)."""

from home.translated_facts import share_facts_with_translations as share_page_facts
from members.models.pages import SHARED_FACTS


def share_facts_with_translations(school, *, user=None):
    """Copy `school`'s live facts and services to each of its translations that differs; returns
    how many changed (home.translated_facts tells how drafts are handled)."""
    return share_page_facts(school, fields=SHARED_FACTS, many_to_many=["services"], user=user)

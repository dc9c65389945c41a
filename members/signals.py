"""Receivers of Wagtail's signals (connected in MembersConfig.ready)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from members.models import MASPage
from members.services.shared_facts import share_facts_with_translations


@receiver(page_published, sender=MASPage)
def share_published_facts(sender, instance, **kwargs):
    # The copies are the site's doing (user None in their history): whoever published the source
    # (an importer, an editor, or the staff approving a coordinator's proposal) was allowed to.
    share_facts_with_translations(instance)

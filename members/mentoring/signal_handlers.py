"""Receivers of members' lifecycle signals (connected in MentoringConfig.ready)."""

from django.dispatch import receiver

from members.mentoring.services import close_for_departed_member
from members.public import membership_ended


@receiver(membership_ended, dispatch_uid="mentoring_close_for_departed_member")
def close_relationships_of_departed_member(sender, user, reason, **kwargs):
    """A deactivated or deleted member's requests and relationships close; the other person of
    each is told (after the commit of the change that ended the membership)."""
    close_for_departed_member(user)

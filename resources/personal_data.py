"""A member's resource proposals in their Law 25 export; on account deletion the proposals lose
their author (the published resources stay, credited to the school). Registered with members
through `register_personal_data` in wagtail_hooks.py."""

from resources.models import ResourceProposal


def export_proposals(user):
    return [
        {
            "resource": proposal.page.title,
            "language": proposal.language,
            "proposed_at": proposal.created_at.isoformat(),
        }
        for proposal in ResourceProposal.objects.filter(user=user).select_related("page").order_by("created_at", "pk")
    ]


def erase_proposals(user):
    ResourceProposal.objects.filter(user=user).update(user=None)

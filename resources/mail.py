"""Emails about resources, sent in the background (tasks take ids, never addresses)."""

from django.tasks import task

from home.mail import send_templated_email
from resources.models import ResourceProposal


@task()
def send_proposal_published(proposal_id):
    """The author of a proposal: it is published, with its address."""
    proposal = ResourceProposal.objects.select_related("page", "user").filter(pk=proposal_id).first()
    if proposal is None or proposal.user is None or not proposal.user.email or not proposal.page.live:
        return
    send_templated_email(
        "email/resources/proposal_published",
        to=[proposal.user.email],
        language=proposal.language,
        context={
            "user": proposal.user,
            "resource": proposal.page,
            "resource_url": proposal.page.get_full_url(),
        },
    )


@task()
def send_proposal_rejected(proposal_id):
    """The author of a proposal: staff did not accept it, with their comment if they left one."""
    proposal = ResourceProposal.objects.select_related("page", "user").filter(pk=proposal_id).first()
    if proposal is None or proposal.user is None or not proposal.user.email or proposal.rejected_at is None:
        return
    send_templated_email(
        "resources/email/proposal_rejected",
        to=[proposal.user.email],
        language=proposal.language,
        context={"user": proposal.user, "resource": proposal.page, "comment": proposal.rejection_comment},
    )

"""Coordinators propose changes to their school's public directory entry; AMASQ staff review them
through a Wagtail moderation workflow (created by members/migrations, see staff_setup.py)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowState

from members.services.accounts import can_manage_school
from members.services.staff_setup import DIRECTORY_WORKFLOW_NAME

# What a coordinator may change; the name, address, coordinates and rich text stay with staff.
PROPOSABLE_FIELDS = [
    "short_description",
    "audience",
    "phone",
    "email",
    "website",
    "services",
    "schedule",
    "teaching_languages",
    "wheelchair_accessible",
    "accessibility_notes",
]


def directory_workflow(school):
    """The "Directory entry changes" workflow, else whatever workflow staff gave the page."""
    return Workflow.objects.filter(name=DIRECTORY_WORKFLOW_NAME, active=True).first() or school.get_workflow()


def proposal_state(school):
    """The workflow state of a proposal still open on the school (in review or sent back), or None."""
    return WorkflowState.objects.for_instance(school).active().select_related("workflow").first()


def draft_of(school):
    """The school as last saved (a pending proposal included), for the proposal form."""
    return school.get_latest_revision_as_object()


@transaction.atomic
def propose_school_changes(school, data, *, user):
    """Save `data` (PROPOSABLE_FIELDS, cleaned) as a new draft revision of `school` and submit it
    for review. Returns the revision.

    Raises PermissionDenied unless `user` manages the school; ValidationError if a proposal is
    already being reviewed or no workflow is set up.
    """
    if not can_manage_school(user, school):
        raise PermissionDenied
    state = proposal_state(school)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(
            _(
                "Your previous proposal is still being reviewed by AMASQ staff. You can propose more changes once it is done."
            ),
            code="in_review",
        )
    workflow = directory_workflow(school)
    if workflow is None:
        raise ValidationError(
            _("Proposals cannot be reviewed at the moment. Please write to AMASQ."), code="no_workflow"
        )

    page = draft_of(school)
    for name in PROPOSABLE_FIELDS:
        if name == "services":
            page.services.set(data["services"])
        else:
            setattr(page, name, data[name])
    revision = page.save_revision(user=user, log_action=True)
    if state:
        # The staff sent the previous proposal back: this one goes on from where it stopped.
        state.resume(user=user)
    else:
        workflow.start(page, user)
    return revision

"""Members propose resources from the portal; AMASQ staff review them in Wagtail's moderation
workflow "Resource proposals" and publish them; the author is told in their language.

Services: keyword-only arguments, one transaction, `ValidationError` with a message for the
person or `PermissionDenied`; emails go out in the background once the transaction commits.
"""

from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowTask
from wagtail.users.models import UserProfile

from members.public import AMASQ_STAFF_GROUP, is_member
from resources.extraction import CORRUPT, ENCRYPTED, analyse
from resources.mail import send_proposal_published, send_proposal_rejected
from resources.models import ResourceFile, ResourceIndexPage, ResourcePage, ResourceProposal

PROPOSALS_WORKFLOW = "Resource proposals"
PROPOSALS_TASK = "AMASQ staff review of a resource"
ALLOWED_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "txt"]
# What each kind of file starts with: a renamed file of another kind is refused.
_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}


def max_upload_bytes():
    return settings.RESOURCES_MAX_UPLOAD_MB * 1024 * 1024


def check_upload(upload):
    """Refuse a file of a type not allowed, too large, or unreadable (a corrupt or encrypted PDF,
    a damaged Word file), with a message saying which."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("This type of file cannot be shared. Allowed: %(types)s."),
            code="type",
            params={"types": ", ".join(ext.upper() for ext in ALLOWED_EXTENSIONS)},
        )
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("This file is too large: the limit is %(limit)s MB."),
            code="size",
            params={"limit": settings.RESOURCES_MAX_UPLOAD_MB},
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension in _SIGNATURES and not head.startswith(_SIGNATURES[extension]):
        raise ValidationError(
            _("This file is not a real %(type)s file."), code="signature", params={"type": extension.upper()}
        )
    if extension in ("pdf", "docx"):
        result = analyse(upload, extension)
        upload.seek(0)
        if result.error == ENCRYPTED:
            raise ValidationError(_("This PDF is protected by a password: share it without one."), code="encrypted")
        if result.error == CORRUPT:
            raise ValidationError(
                _("This file is damaged and cannot be opened. Save it again and retry."), code="corrupt"
            )
    elif extension == "txt":
        try:
            upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(_("This text file is not in UTF-8."), code="encoding") from None
        finally:
            upload.seek(0)
    return extension


def proposals_workflow():
    """The "Resource proposals" workflow (one task: the AMASQ staff group approves), created the
    first time it is needed."""
    workflow = Workflow.objects.filter(name=PROPOSALS_WORKFLOW, active=True).first()
    if workflow is not None:
        return workflow
    group = Group.objects.filter(name=AMASQ_STAFF_GROUP).first()
    if group is None:
        raise ValidationError(
            _("Proposals cannot be reviewed at the moment. Please write to AMASQ."), code="no_workflow"
        )
    workflow = Workflow.objects.create(name=PROPOSALS_WORKFLOW, active=True)
    task = GroupApprovalTask.objects.create(name=PROPOSALS_TASK, active=True)
    task.groups.add(group)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def propose_resource(*, user, title, summary, themes, kind, material_language, audience, upload, language, school):
    """A draft ResourcePage (in `language`'s resources) with `upload` as its file and `school` as
    its author, submitted to AMASQ staff's review. Returns the page.

    Raises PermissionDenied unless `user` is a member; ValidationError for a refused file or when
    no resources section or review workflow exists."""
    if not is_member(user):
        raise PermissionDenied
    check_upload(upload)
    index = ResourceIndexPage.objects.live().filter(locale__language_code=language).first()
    index = index or ResourceIndexPage.objects.live().first()
    if index is None:
        raise ValidationError(_("Resources cannot be proposed at the moment. Please write to AMASQ."), code="no_index")
    workflow = proposals_workflow()
    document = get_document_model()(
        title=title, file=upload, uploaded_by_user=user, collection=Collection.get_first_root_node()
    )
    document._set_document_file_metadata()
    document.save()
    page = ResourcePage(
        title=title,
        summary=summary,
        kind=kind,
        audience=audience,
        material_language=material_language,
        author_school=school,
        owner=user,
        live=False,
        locale=index.locale,
    )
    page.themes = list(themes)
    page.files = [ResourceFile(document=document)]
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    # Members do not use the admin: Wagtail's own "approved"/"rejected" emails (with admin links)
    # would only confuse them; they hear from us when their resource is published or turned down.
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])
    workflow.start(page, user)
    ResourceProposal.objects.create(page=page, user=user, language=language)
    return page


def tell_author_of_publication(page):
    """Once a proposal is published, email its author (once)."""
    claimed = ResourceProposal.objects.filter(page=page, published_notice_at__isnull=True, user__isnull=False).update(
        published_notice_at=timezone.now()
    )
    if claimed:
        proposal = ResourceProposal.objects.get(page=page)
        transaction.on_commit(partial(send_proposal_published.enqueue, proposal.pk))


def tell_author_of_rejection(*, page_id, comment):
    """Staff turned the proposal of page `page_id` down in the review workflow: record it, with
    `comment` (staff's, may be empty), for the portal, and email its author. Anything not a
    member's proposal is left alone."""
    proposal = ResourceProposal.objects.filter(page_id=page_id).first()
    if proposal is None:
        return
    proposal.rejected_at = timezone.now()
    proposal.rejection_comment = comment
    proposal.save(update_fields=["rejected_at", "rejection_comment"])
    if proposal.user_id:
        transaction.on_commit(partial(send_proposal_rejected.enqueue, proposal.pk))


def reopen_proposal(*, page_id):
    """The proposal of page `page_id` is submitted for review again: it waits for review."""
    ResourceProposal.objects.filter(page_id=page_id).update(rejected_at=None, rejection_comment="")

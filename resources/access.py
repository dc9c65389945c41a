"""Who may download a Wagtail document, given the resources it belongs to.

A document attached to a resource (as one of its files, or linked from its text) takes the most
restrictive rule of those resources:

- members-only resource (published or not): members and AMASQ staff (`MEMBERS`);
- only unpublished resources (a member's proposal, a draft): AMASQ staff, Wagtail editors and
  the person who proposed it (`STAFF`);
- otherwise, or attached to no resource (a document linked from a news page): everyone (`PUBLIC`).

Wagtail's document view asks `refusal` before serving (the `before_serve_document` hook in
wagtail_hooks.py); the files themselves are outside MEDIA_ROOT (resources/storage.py).
"""

from enum import StrEnum

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail.models import ReferenceIndex

from members.public import can_see_members_only, is_amasq_staff
from resources.models import ResourceAudience, ResourceFile, ResourcePage


class Access(StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"
    STAFF = "staff"


def _resources_of(document):
    """(audience, live, owner_id) of every resource that has `document` as a file or links to it."""
    page_ids = set(ResourceFile.objects.filter(document_id=document.pk).values_list("page_id", flat=True))
    # Links from a resource's text, and files of a resource not yet refreshed in the rows above,
    # as Wagtail's reference index records them.
    page_type = ContentType.objects.get_for_model(ResourcePage)
    page_ids |= {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return list(ResourcePage.objects.filter(pk__in=page_ids).values_list("audience", "live", "owner_id"))


def document_access(document):
    resources = _resources_of(document)
    if any(audience == ResourceAudience.MEMBERS for audience, _live, _owner in resources):
        return Access.MEMBERS, set()
    if resources and not any(live for _audience, live, _owner in resources):
        return Access.STAFF, {owner for _audience, _live, owner in resources if owner}
    return Access.PUBLIC, set()


def is_editor(user):
    return (
        user.is_authenticated
        and user.is_active
        and (is_amasq_staff(user) or user.has_perm("wagtailadmin.access_admin"))
    )


def may_download(user, document):
    access, owners = document_access(document)
    if access == Access.PUBLIC:
        return True
    if access == Access.MEMBERS:
        return can_see_members_only(user) or is_editor(user)
    return is_editor(user) or (user.is_authenticated and user.is_active and user.pk in owners)


def refusal(request, document):
    """None when `request.user` may download `document`; otherwise the answer to give: the sign-in
    page for an anonymous visitor, 403 for anyone else."""
    if may_download(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied

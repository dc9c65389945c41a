from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from members.public import PersonalData, PortalSection, register_personal_data, register_portal_section
from resources.access import refusal
from resources.admin_views import DocumentVersionsView, download_version, may_see_versions
from resources.models import ResourcePage, ResourceProposal
from resources.personal_data import erase_proposals, export_proposals

NEW_RESOURCES_SHOWN = 5
PROPOSALS_SHOWN = 10


@hooks.register("before_serve_document")
def check_resource_access(document, request):
    # Members-only resources' files, and unpublished proposals' files, are not for everyone.
    return refusal(request, document)


def new_resources_context(request):
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    resources = (
        ResourcePage.objects.visible_to(request.user)
        .one_per_resource(locale)
        .select_related("author_school", "locale")
        .order_by("-first_published_at", "-pk")[:NEW_RESOURCES_SHOWN]
    )
    # The member's own proposals and where they stand (waiting, published, not accepted).
    proposals = ResourceProposal.objects.filter(user=request.user).select_related("page")[:PROPOSALS_SHOWN]
    return {"resources": list(resources), "proposals": list(proposals)}


@register_portal_section
def new_resources_section():
    return PortalSection(
        key="new-resources",
        title=_("New resources"),
        template="resources/portal/new_resources.html",
        get_context=new_resources_context,
        order=20,
    )


@register_personal_data
def proposals_personal_data():
    return PersonalData(key="resource_proposals", export=export_proposals, erase=erase_proposals)


@hooks.register("register_admin_urls")
def register_versions_urls():
    return [
        path("resources/versions/", DocumentVersionsView.as_view(), name="resources_document_versions"),
        path("resources/versions/<id:version_id>/", download_version, name="resources_document_version"),
    ]


class VersionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_versions(request.user)


@hooks.register("register_admin_menu_item")
def register_versions_menu_item():
    return VersionsMenuItem(
        _("Earlier file versions"),
        reverse("resources_document_versions"),
        icon_name="doc-full",
        name="resource-file-versions",
        order=320,
    )

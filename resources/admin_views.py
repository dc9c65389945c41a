"""Staff pages in the Wagtail admin: the earlier files of replaced documents (kept by
resources/signals.py), for those who may change documents."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from resources.models import DocumentVersion


def may_see_versions(user):
    # Document permissions are given per collection: Wagtail's policy reads them. (Built here:
    # wagtail.documents.permissions may not be imported before its app is ready.)
    policy = CollectionOwnershipPermissionPolicy(get_document_model(), owner_field_name="uploaded_by_user")
    return policy.user_has_permission(user, "change")


class DocumentVersionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "resources/admin/versions.html"
    page_title = _("Earlier file versions")

    def dispatch(self, request, *args, **kwargs):
        if not may_see_versions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = DocumentVersion.objects.select_related("document")[:200]
        return context


def download_version(request, version_id):
    if not may_see_versions(request.user):
        raise PermissionDenied
    version = get_object_or_404(DocumentVersion, pk=version_id)
    with version.file.open("rb") as file:
        content = file.read()
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=version.filename)
    return response

from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model

from resources.access import refusal


@require_GET
def resource_file(request, document_id):
    """A resource file's lasting address: it stays the same when staff replace the file (Wagtail's
    own address carries the file name). Checks access, then hands over to Wagtail's document view."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    return refusal(request, document) or redirect(document.url)

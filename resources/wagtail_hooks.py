from wagtail import hooks

from resources.access import refusal


@hooks.register("before_serve_document")
def check_resource_access(document, request):
    # Members-only resources' files, and unpublished proposals' files, are not for everyone.
    return refusal(request, document)

"""The page editor's check of a resource's files (SGQRI 008): for each PDF, what it lacks (a
title, a declared language, tags), so that staff see it before they publish a public resource."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

PROBLEMS = {
    "title": _("no title in its properties"),
    "language": _("no declared language"),
    "tags": _("no tags (structure for screen readers)"),
    "unreadable": _("the file cannot be read (damaged or protected)"),
}


def file_checks(page):
    """[(file label, state, [problems])] for `page`'s files, state "ok", "problems" or "pending"."""
    # The model by name: models.py puts this panel in the page's editor, so it cannot be imported here.
    DocumentAnalysis = apps.get_model("resources", "DocumentAnalysis")
    files = [file for file in page.files.all() if file.document_id]
    analyses = {
        analysis.document_id: analysis
        for analysis in DocumentAnalysis.objects.filter(document_id__in=[file.document_id for file in files])
    }
    checks = []
    for file in files:
        analysis = analyses.get(file.document_id)
        if analysis is None or analysis.file_name != file.document.file.name:
            checks.append((file.label, "pending", []))
            continue
        problems = [PROBLEMS[name] for name in analysis.accessibility_problems]
        checks.append((file.label, "problems" if problems else "ok", problems))
    return checks


class FilesAccessibilityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/files_accessibility_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["checks"] = file_checks(self.instance)
            context["public"] = not self.instance.members_only
            return context

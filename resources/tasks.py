"""Background work on resource files (django.tasks; the tasks take ids, never file contents)."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from wagtail.documents import get_document_model

from resources.extraction import analyse
from resources.models import DocumentAnalysis
from resources.search_index import refresh_entries_with_document


def analysis_is_current(document):
    return DocumentAnalysis.objects.filter(document_id=document.pk, file_name=document.file.name).exists()


@task()
def analyse_document(document_id):
    """Read the text (and a PDF's accessibility facts) of a document's current file, then refresh
    the search entries of the resources that have it. Safe to run twice."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document.file or analysis_is_current(document):
        return
    with document.open_file() as file:
        result = analyse(file, document.file_extension)
    with transaction.atomic():
        DocumentAnalysis.objects.update_or_create(
            document=document,
            defaults={
                "file_name": document.file.name,
                "text": result.text,
                "error": result.error,
                "is_pdf": result.is_pdf,
                "pdf_title": (result.title or "")[:500],
                "pdf_language": (result.language or "")[:35],
                "pdf_tagged": bool(result.tagged),
                "analysed_at": timezone.now(),
            },
        )
        refresh_entries_with_document(document.pk)

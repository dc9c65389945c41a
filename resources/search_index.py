"""Keeps each published resource's search entry (ResourceSearchEntry) in step with the resource:
on publication, on unpublication, and when the text of one of its files has been read.

Its words become roots (resources/text.py) here, once, so that a search only compares roots.
Each root is kept once per resource, under the heaviest part it appears in: a file's 1,500 words
then weigh a few hundred roots in the tsvector, not 1,500 positions that every search would read
to rank (bench/resources.py)."""

from django.contrib.postgres.search import SearchVector
from django.db import connection

from resources.models import DocumentAnalysis, ResourcePage, ResourceSearchEntry
from resources.text import index_terms

# The term columns, heaviest first, and their weight in the tsvector.
WEIGHTS = {"title_terms": "A", "summary_terms": "B", "body_terms": "C", "file_terms": "D"}
# The roots are the words already: the 'simple' configuration only splits them.
SEARCH_VECTOR = (
    SearchVector("title_terms", config="simple", weight="A")
    + SearchVector("summary_terms", config="simple", weight="B")
    + SearchVector("body_terms", config="simple", weight="C")
    + SearchVector("file_terms", config="simple", weight="D")
)

# Enough of a resource's files for the search, short of PostgreSQL's limit on a tsvector (1 MB).
MAX_FILE_TEXT = 400_000


def _body_text(page):
    parts = page.body.stream_block.get_searchable_content(page.body) if page.body else []
    parts += [link.value["title"] for link in page.links]
    return " ".join(parts)


def _file_text(page):
    document_ids = [file.document_id for file in page.files.all()]
    texts = DocumentAnalysis.objects.filter(document_id__in=document_ids).values_list("text", flat=True)
    return " ".join(texts)[:MAX_FILE_TEXT]


def refresh_search_entry(page):
    """Write `page`'s entry if it is live, remove it otherwise."""
    page = ResourcePage.objects.filter(pk=page.pk).first()
    if page is None or not page.live:
        ResourceSearchEntry.objects.filter(page_id=getattr(page, "pk", None)).delete()
        return None
    themes = " ".join(f"{theme.name_fr} {theme.name_en}" for theme in page.themes.all())
    author = page.author_school.title if page.author_school_id else ""
    terms = entry_terms(page.title, f"{page.summary} {themes} {author}", _body_text(page), _file_text(page))
    entry, _created = ResourceSearchEntry.objects.update_or_create(page=page, defaults=terms)
    if connection.vendor == "postgresql":
        ResourceSearchEntry.objects.filter(pk=entry.pk).update(vector=SEARCH_VECTOR)
    return entry


def entry_terms(title, summary, body, files):
    """The term columns of an entry: each root once, in the heaviest of the four texts it is in."""
    seen = set()
    terms = {}
    for column, text in zip(WEIGHTS, (title, summary, body, files), strict=True):
        fresh = [root for root in dict.fromkeys(index_terms(text).split()) if root not in seen]
        seen.update(fresh)
        # Space-padded, so that SQLite's LIKE '% root %' matches whole roots only.
        terms[column] = f" {' '.join(fresh)} "
    return terms


def remove_search_entry(page):
    ResourceSearchEntry.objects.filter(page_id=page.pk).delete()


def refresh_entries_with_document(document_id):
    """Every live resource that has this document among its files (in any language)."""
    for page in ResourcePage.objects.live().filter(files__document_id=document_id).distinct():
        refresh_search_entry(page)

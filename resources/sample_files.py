"""Small real PDF and Word files made on the spot, for the demo content and the tests: text that
the search finds inside them, and PDFs with or without the accessibility facts SGQRI 008 asks
for (title, declared language, tags)."""

import io

import docx
from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject

# The PDF core fonts cover Latin-1 only: the few French characters beyond it are spelled out.
_BEYOND_LATIN_1 = str.maketrans(
    {"œ": "oe", "Œ": "Oe", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u202f": " "}
)


def _latin_1(text):
    return text.translate(_BEYOND_LATIN_1).encode("latin-1", errors="replace").decode("latin-1")


def pdf_bytes(title, paragraphs, *, language="fr-CA", with_title=True, with_language=True, tagged=True):
    """A PDF of `paragraphs` under `title`. `tagged`: marked as tagged with a structure tree (a
    minimal one: enough for the check, not a full tagging of the text)."""
    pdf = FPDF()
    pdf.set_creator("AMASQ")
    if with_title:
        pdf.set_title(title)
    if with_language:
        pdf.set_lang(language)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 10, _latin_1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin_1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    data = bytes(pdf.output())
    if not tagged:
        return data
    writer = PdfWriter(clone_from=io.BytesIO(data))
    root = writer._root_object
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject()})
    root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(title, paragraphs, *, language="fr-CA"):
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = language
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

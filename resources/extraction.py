"""Text and accessibility facts of an uploaded file: PDF with pypdf, Word with python-docx.

`analyse(file, extension)` never raises for a bad file: a corrupt or encrypted one gives an
`Analysis` with `error` set, so that an upload is never half-saved and a page never fails.
"""

import logging
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Enough for the search to find a resource by the words of its files, small enough for its index.
MAX_TEXT = 200_000
MAX_PDF_PAGES = 300

CORRUPT = "corrupt"
ENCRYPTED = "encrypted"
UNSUPPORTED = "unsupported"


@dataclass
class Analysis:
    text: str = ""
    error: str = ""
    # PDF only (SGQRI 008 asks for them): None when the file is not a PDF.
    title: str | None = None
    language: str | None = None
    tagged: bool | None = None
    extra: dict = field(default_factory=dict)

    @property
    def is_pdf(self):
        return self.tagged is not None

    @property
    def accessibility_problems(self):
        """What a PDF lacks for SGQRI 008 ("title", "language", "tags"); empty for other files."""
        if not self.is_pdf:
            return []
        problems = []
        if not self.title:
            problems.append("title")
        if not self.language:
            problems.append("language")
        if not self.tagged:
            problems.append("tags")
        return problems


def _pdf(file):
    reader = PdfReader(file)
    if reader.is_encrypted and not reader.decrypt(""):
        return Analysis(error=ENCRYPTED, tagged=False)
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo")
    mark_info = mark_info.get_object() if mark_info is not None else {}
    metadata = reader.metadata
    title = str(metadata.title).strip() if metadata and metadata.title else ""
    language = str(root.get("/Lang", "")).strip()
    tagged = bool(mark_info.get("/Marked")) and "/StructTreeRoot" in root
    parts, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_TEXT:
            break
    return Analysis(text="\n".join(parts)[:MAX_TEXT], title=title, language=language, tagged=tagged)


def _docx(file):
    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    properties = document.core_properties
    return Analysis(
        text="\n".join(part for part in parts if part)[:MAX_TEXT],
        extra={"title": properties.title or "", "language": properties.language or ""},
    )


def _plain(file):
    return Analysis(text=file.read(MAX_TEXT * 4).decode("utf-8", errors="replace")[:MAX_TEXT])


READERS = {"pdf": _pdf, "docx": _docx, "txt": _plain, "csv": _plain}


def analyse(file, extension):
    """The text and facts of `file` (an open binary file), read as `extension` ("pdf", "docx"…)."""
    reader = READERS.get(extension.lower().lstrip("."))
    if reader is None:
        return Analysis(error=UNSUPPORTED)
    try:
        return reader(file)
    except (
        PyPdfError,
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        OSError,
    ) as error:
        logger.info("Could not read a %s file: %s", extension, error)
        return Analysis(error=CORRUPT, tagged=False if extension == "pdf" else None)
    except RecursionError:
        # A hostile PDF can nest objects deeply enough to exhaust the stack.
        return Analysis(error=CORRUPT, tagged=False if extension == "pdf" else None)

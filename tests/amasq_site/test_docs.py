"""The README and docs/ describe this repository: every file they link to or name must be in it.
(The README once sent readers to ../shared/DESIGN.md, a file outside the repository.)"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]

LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# A file named in a code span: a path (at least one folder) with an extension, no placeholders
# (`<app>/demo.py`) or globs; a bare `dev.py` is left to the sentence around it.
FILE_PATH = re.compile(
    r"^(?:\.\./|\./)*[\w.-]+(?:/[\w.-]+)+\.(?:py|md|toml|txt|html|js|css|json|yml|yaml|lock|example)$"
)
PARENT_PATH = re.compile(r"(?<![\w/.])((?:\.\./)+[\w./-]*)")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def references(text):
    """(kind, target) of every link and every file path named in the text."""
    for match in LINK.finditer(text):
        target = match.group(1)
        if SCHEME.match(target) or target.startswith("#") or not target.strip():
            continue  # a web address or an anchor in the same page
        yield "link", target.split("#", 1)[0]
    for match in CODE_SPAN.finditer(text):
        if FILE_PATH.match(match.group(1)):
            yield "file", match.group(1)
    for match in PARENT_PATH.finditer(text):
        yield "path", match.group(1)


def problems(document, text=None):
    """What is wrong with the references of `document` (or of `text`, as if it were that document)."""
    text = document.read_text(encoding="utf-8") if text is None else text
    found = []
    for kind, target in references(text):
        if target.startswith("/"):
            found.append(f"{kind} {target}: an absolute path, outside the repository")
            continue
        # Links and ../ paths are relative to the document; a bare file name is also tried from the root.
        candidates = [(document.parent / target).resolve()]
        if kind == "file" and not target.startswith("."):
            candidates.append((ROOT / target).resolve())
        if not any(candidate.is_relative_to(ROOT) for candidate in candidates):
            found.append(f"{kind} {target}: outside the repository")
        elif not any(candidate.is_relative_to(ROOT) and candidate.exists() for candidate in candidates):
            found.append(f"{kind} {target}: no such file in the repository")
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_document_refers_only_to_files_in_the_repository(document):
    found = problems(document)
    assert not found, f"{document.relative_to(ROOT)}:\n" + "\n".join(found)


def test_the_readme_points_to_the_architecture_note():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "architecture.md").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("`../shared/DESIGN.md` explains the architecture.", "outside the repository"),
        ("See [the design](../shared/DESIGN.md).", "outside the repository"),
        ("See [the note](docs/missing.md).", "no such file"),
        ("Run `scripts/no_such_script.py`.", "no such file"),
        ("Read [this](/etc/passwd).", "absolute path"),
    ],
)
def test_the_check_catches_a_bad_reference(text, expected):
    found = problems(ROOT / "README.md", text)
    assert any(expected in problem for problem in found), found

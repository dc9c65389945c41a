"""Migrations run on historical models, years after they were written: they must not import the
project's live code (services, views, forms, helpers), which changes or moves after them. The only
project imports allowed are those Django itself writes: `import <app>.models...` at module level,
for a field's callable default, validator or upload path."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = {"amasq_site", "home", "members", "events", "resources", "newsletter"}
MIGRATIONS = sorted(path for package in PROJECT_PACKAGES for path in (ROOT / package / "migrations").glob("[0-9]*.py"))


def project_imports(tree):
    """(module name, line, at module level?) of every import of a project package."""
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [("." * node.level) + (node.module or "")]
        else:
            continue
        for name in names:
            if name.startswith(".") or name.split(".")[0] in PROJECT_PACKAGES:
                yield name, node.lineno, id(node) in top_level, isinstance(node, ast.Import)


def test_there_are_migrations_to_check():
    assert any(path.parent.parent.name == "members" for path in MIGRATIONS)


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda path: str(path.relative_to(ROOT)))
def test_migration_imports_no_live_project_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for name, line, top_level, plain_import in project_imports(tree)
        if not (top_level and plain_import and ".models" in name and not name.startswith("."))
    ]
    assert not offending, "a migration imports live project code (copy what it needs into it):\n" + "\n".join(
        offending
    )

"""Imports of the project's own code sit at the top of a module. An import tucked into a function
is how a cycle hides from import-linter (which checks the direction of every import, see
pyproject.toml); there is no cycle to hide, so there is no such import."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ("amasq_site", "home", "members", "events", "resources", "newsletter")


def deferred_project_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = ["." if node.level else (node.module or "")]
            else:
                continue
            if any(name == "." or name.split(".")[0] in PROJECT_PACKAGES for name in names):
                yield f"{path.relative_to(ROOT)}:{node.lineno}: {', '.join(names)}"


def test_no_project_import_inside_a_function():
    modules = [
        path
        for package in PROJECT_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    assert any(path.name == "pages.py" for path in modules)
    found = [problem for path in modules for problem in deferred_project_imports(path)]
    assert not found, "move these imports to the top of their module:\n" + "\n".join(found)

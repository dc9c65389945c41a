import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
FRENCH_CATALOGUE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# What `make makemessages` reads: the project's code and templates, not the tests.
SOURCES = ["manage.py", "amasq_site", "home", "members", "events", "resources", "newsletter", "templates"]


def test_french_catalogue_has_no_untranslated_or_fuzzy_message():
    catalogue = polib.pofile(str(FRENCH_CATALOGUE))

    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert missing == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_french_catalogue_has_every_message_of_the_code_and_templates(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "fr", "--no-obsolete", "--verbosity", "0"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "amasq_site.settings.test"},
        check=True,
        timeout=300,
    )

    current = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(FRENCH_CATALOGUE))}
    assert sorted(current - committed) == [], "run `make makemessages` and translate the new messages"

"""Compile locale/*/LC_MESSAGES/*.po into .mo files.

Uses Django's compilemessages when GNU gettext (msgfmt) is installed, and polib (already a
pinned dependency, through wagtail-localize) otherwise, so a machine without gettext still runs.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    if shutil.which("msgfmt"):
        subprocess.run(
            [sys.executable, "manage.py", "compilemessages", "--ignore", ".venv", "--verbosity", "0"],
            cwd=ROOT,
            check=True,
        )
        return
    import polib

    for po_path in (ROOT / "locale").glob("*/LC_MESSAGES/*.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    main()

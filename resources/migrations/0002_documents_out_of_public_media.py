"""Wagtail documents move from MEDIA_ROOT/documents/ to PRIVATE_MEDIA_ROOT/documents/, where the
storage now keeps them (resources/storage.py): no web server can hand them out by a guessed path."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations


def _move(source_root, target_root):
    source = Path(source_root) / "documents"
    if not source.is_dir():
        return
    target = Path(target_root) / "documents"
    target.mkdir(parents=True, exist_ok=True)
    for path in source.rglob("*"):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            if not destination.exists():
                shutil.move(str(path), destination)


def to_private(apps, schema_editor):
    _move(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)


def to_public(apps, schema_editor):
    _move(settings.PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(to_private, to_public)]

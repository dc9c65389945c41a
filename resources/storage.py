"""Where uploaded files live. Wagtail documents (resource files among them) are kept outside
MEDIA_ROOT, so that no web server hands them out by a guessed /media/ path: they are served only
by Wagtail's document view (/documents/<id>/<name>), which runs the access check of
resources/access.py first (the `before_serve_document` hook). Images and everything else stay
public under MEDIA_ROOT.

Set as the default storage in settings (STORAGES["default"]); Wagtail's Document stores its files
under "documents/", which is what this storage sends to PRIVATE_MEDIA_ROOT. In production with a
bucket (AWS_STORAGE_BUCKET_NAME), S3MediaStorage makes the same split inside the bucket.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage

PRIVATE_PREFIXES = ("documents/", "document-versions/")


def is_private(name):
    return str(name).replace("\\", "/").startswith(PRIVATE_PREFIXES)


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT for public files; PRIVATE_MEDIA_ROOT for documents, which have no public URL."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._private = _PrivateStorage()

    def _is_private(self, name):
        return is_private(name)

    def _save(self, name, content):
        return self._private._save(name, content) if self._is_private(name) else super()._save(name, content)

    def path(self, name):
        return self._private.path(name) if self._is_private(name) else super().path(name)

    def url(self, name):
        if self._is_private(name):
            # Wagtail's serve view treats this as "no direct URL" and streams the file itself.
            raise NotImplementedError("Documents have no public URL: Wagtail's document view serves them.")
        return super().url(name)


class _PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


class S3MediaStorage(S3Storage):
    """On S3-compatible storage: public files under media/ (plain URLs; the bucket policy lets
    anyone read media/ only), documents under private/ (no URL at all: Wagtail's document view
    streams them after the access check, reading with the site's credentials)."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "querystring_auth": False}

    def _normalize_name(self, name):
        return super()._normalize_name(f"{'private' if is_private(name) else 'media'}/{name}")

    def url(self, name, *args, **kwargs):
        if is_private(name):
            raise NotImplementedError("Documents have no public URL: Wagtail's document view serves them.")
        return super().url(name, *args, **kwargs)

"""Where uploads go on S3-compatible storage (resources/storage.py): computed, never sent."""

import pytest

from resources.storage import S3MediaStorage


@pytest.fixture
def bucket():
    return S3MediaStorage(
        bucket_name="amasq-media",
        endpoint_url="https://s3.example.org",
        region_name="ca-central-1",
        access_key="test-key",
        secret_key="test-secret",
    )


def test_images_get_a_plain_public_url_under_media(bucket):
    assert bucket.url("images/photo.jpg") == "https://s3.example.org/amasq-media/media/images/photo.jpg"


def test_documents_live_under_private_and_have_no_url(bucket):
    assert bucket._normalize_name("documents/plan.pdf") == "private/documents/plan.pdf"
    assert bucket._normalize_name("document-versions/old.pdf") == "private/document-versions/old.pdf"
    with pytest.raises(NotImplementedError):
        bucket.url("documents/plan.pdf")

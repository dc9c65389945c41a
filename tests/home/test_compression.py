"""Pages go out compressed to browsers that ask, most of them on phones (issue 12)."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_page_is_compressed_for_a_browser_that_asks(client, home_page, language):
    plain = client.get(f"/{language}/")
    compressed = client.get(f"/{language}/", headers={"accept-encoding": "gzip, deflate, br"})

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert f'<html lang="{language}' in html
    assert len(compressed.content) < len(plain.content) / 2

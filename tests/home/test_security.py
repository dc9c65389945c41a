import pytest

from tests.factories.accounts import add_totp

pytestmark = pytest.mark.django_db


def test_public_page_sends_content_security_policy(client, home_page):
    response = client.get("/fr/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_content_security_policy_lets_wagtail_youtube_embeds_play(client, home_page):
    directives = dict(
        directive.strip().split(" ", 1) for directive in client.get("/fr/")["Content-Security-Policy"].split(";")
    )

    # Wagtail's embed block turns a YouTube link into an iframe of https://www.youtube.com/embed/….
    assert "https://www.youtube.com" in directives["frame-src"].split()


def test_admin_has_no_content_security_policy(admin_client, admin_user):
    add_totp(admin_user)

    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_search_page_sends_content_security_policy(client, home_page):
    response = client.get("/en/search/")

    assert "Content-Security-Policy" in response

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

from tests.factories.accounts import PASSWORD, UserFactory, add_totp

ROOT = Path(__file__).resolve().parents[2]

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


# What the production settings set about HTTPS, headers and cookies: read from the module itself,
# so that a change there is a change here.
PRODUCTION_SECURITY_SETTINGS = re.compile(
    r"^(SECURE_|SESSION_COOKIE_|CSRF_COOKIE_|LANGUAGE_COOKIE_|PERMISSIONS_POLICY)"
)


@pytest.fixture
def production_security(settings, monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://amasq@db.example.org:5432/amasq")
    production = importlib.reload(importlib.import_module("amasq_site.settings.production"))
    values = {name: getattr(production, name) for name in dir(production) if PRODUCTION_SECURITY_SETTINGS.match(name)}
    assert values["SECURE_SSL_REDIRECT"] is True
    for name, value in values.items():
        setattr(settings, name, value)
    return values


BEHIND_HTTPS_PROXY = {"HTTP_X_FORWARDED_PROTO": "https"}


def test_public_page_under_production_settings_sends_every_security_header(client, home_page, production_security):
    response = client.get("/fr/", **BEHIND_HTTPS_PROXY)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    features = dict(feature.split("=", 1) for feature in response["Permissions-Policy"].split(", "))
    assert features["camera"] == features["microphone"] == features["payment"] == "()"
    # The directory's "near me" button asks for the position: the site itself may, frames may not.
    assert features["geolocation"] == "(self)"


def test_plain_http_is_sent_to_https_under_production_settings(client, home_page, production_security):
    response = client.get("/fr/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/"


def test_cookies_are_secure_and_out_of_reach_of_scripts_under_production_settings(
    client, home_page, production_security
):
    UserFactory(email="personne@example.org")
    login_url = reverse("account_login")

    client.get(login_url, **BEHIND_HTTPS_PROXY)
    client.post(login_url, {"login": "personne@example.org", "password": PASSWORD}, **BEHIND_HTTPS_PROXY)

    assert {"csrftoken", "sessionid"} <= set(client.cookies)
    for cookie in client.cookies.values():
        assert cookie["secure"] is True, cookie.key
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key


# A <script> the browser runs: no src, and not a data block (JSON, JSON-LD), which CSP leaves alone
# because nothing executes it.
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
# In Python, a tag that a string literal opens (comments may name "the <script> element").
SCRIPT_TAG_IN_PYTHON = re.compile(r"""(?<=["'])<script\b([^>]*)>""", re.IGNORECASE)


def inline_scripts(html, pattern=SCRIPT_TAG):
    found = []
    for match in pattern.finditer(html):
        attributes = match.group(1)
        kind = re.search(r"""type\s*=\s*["']([^"']+)""", attributes)
        if "src=" not in attributes and (not kind or kind.group(1) not in DATA_BLOCK_TYPES):
            found.append(match.group(0))
    return found


def test_no_template_or_code_writes_an_inline_script_or_event_handler():
    """script-src 'self' refuses them: they would break silently in the browser, never in a test."""
    templates = dict.fromkeys(ROOT.glob("templates/**/*.html"), SCRIPT_TAG)
    code = {path: SCRIPT_TAG_IN_PYTHON for pattern in ("*/*.py", "*/*/*.py") for path in ROOT.glob(pattern)}
    offenders = {
        str(path.relative_to(ROOT)): inline_scripts(text, pattern) + EVENT_HANDLER.findall(text)
        for path, pattern in {**templates, **code}.items()
        if not path.relative_to(ROOT).parts[0].startswith((".", "tests"))
        for text in [path.read_text(encoding="utf-8")]
    }

    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_inline_script_check_catches_one():
    assert inline_scripts('<script>alert(1)</script><script type="module">go()</script>') == [
        "<script>",
        '<script type="module">',
    ]
    assert inline_scripts('<script type="application/ld+json">{}</script><script src="/a.js"></script>') == []
    assert EVENT_HANDLER.findall('<button onclick="go()">')
    assert inline_scripts("return '<script>' + code", SCRIPT_TAG_IN_PYTHON) == ["<script>"]
    assert inline_scripts("# nothing can close the <script> element", SCRIPT_TAG_IN_PYTHON) == []


def test_rendered_pages_run_no_inline_script(client, home_page):
    assert inline_scripts(client.get("/fr/").content.decode()) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.pdf", b"%PDF-1.4 " + b"x" * 100), ("page.html", b"<script>alert(1)</script>")],
    ids=["too large", "not an allowed type"],
)
def test_admin_refuses_a_document_too_large_or_of_another_type(admin_client, admin_user, settings, name, content):
    add_totp(admin_user)
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 50

    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Essai",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()

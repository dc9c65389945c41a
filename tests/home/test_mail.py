"""home/mail.py: every app's emails go through send_templated_email, tried against a real SMTP server."""

import copy

import pytest

from home.mail import send_templated_email

SUBJECT = '{% load i18n %}{{ name }} – {% translate "Message from the website" %}\n'
TEXT = '{% load i18n %}{% translate "Message from the website" %}: {{ name }}, {{ site_name }}\n'
HTML = """{% load i18n %}<!DOCTYPE html>
<html lang="{{ LANGUAGE_CODE }}"><head><style>p { color: #0a4d68; } link {}</style></head>
<body><p>{% translate "Message from the website" %}: {{ name }}</p></body></html>
"""


@pytest.fixture
def templates(settings, tmp_path):
    """email/test/note{_subject.txt,.txt,.html} in a directory of their own."""
    folder = tmp_path / "email" / "test"
    folder.mkdir(parents=True)
    (folder / "note_subject.txt").write_text(SUBJECT)
    (folder / "note.txt").write_text(TEXT)
    (folder / "note.html").write_text(HTML)
    engines = copy.deepcopy(settings.TEMPLATES)
    engines[0]["DIRS"] = [tmp_path, *engines[0]["DIRS"]]
    settings.TEMPLATES = engines
    return "email/test/note"


def plain(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html(message):
    return message.get_body(preferencelist=("html",)).get_content()


def test_sends_text_and_html_in_the_recipients_language(templates, smtp_server, settings):
    send_templated_email(templates, to=["marie@example.org"], language="fr", context={"name": "Marie"})
    send_templated_email(templates, to=["sam@example.org"], language="en", context={"name": "Sam"})

    french, english = smtp_server.messages
    assert smtp_server.recipients == [["marie@example.org"], ["sam@example.org"]]
    assert french["Subject"] == "Marie – Message provenant du site Web"
    assert plain(french).strip() == f"Message provenant du site Web: Marie, {settings.SITE_NAME}"
    assert "<p" in html(french) and "Message provenant du site Web: Marie" in html(french)
    assert english["Subject"] == "Sam – Message from the website"
    assert "Message from the website: Sam" in html(english)
    assert french["From"] == settings.DEFAULT_FROM_EMAIL
    assert french["Auto-Submitted"] == "auto-generated"


def test_inlines_the_css_of_the_html_part(templates, smtp_server):
    send_templated_email(templates, to=["marie@example.org"], language="fr", context={"name": "Marie"})

    body = html(smtp_server.messages[0])
    assert "<style" not in body
    assert 'style="color: #0a4d68;"' in body


def test_a_given_subject_replaces_the_subject_template_and_reply_to_is_kept(templates, smtp_server):
    send_templated_email(
        templates,
        to=["staff@example.org"],
        language="fr",
        context={"name": "Marie"},
        subject="Demande\nurgente",
        from_email="site@example.org",
        reply_to=["marie@example.org"],
    )

    message = smtp_server.messages[0]
    assert message["Subject"] == "Demande urgente"
    assert message["From"] == "site@example.org"
    assert message["Reply-To"] == "marie@example.org"


def test_attachments_arrive_with_their_name_and_type(templates, smtp_server):
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

    send_templated_email(
        templates,
        to=["marie@example.org"],
        language="fr",
        context={"name": "Marie"},
        attachments=[("colloque.ics", calendar, "text/calendar")],
    )

    message = smtp_server.messages[0]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "colloque.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_content().replace("\r\n", "\n") == calendar.replace("\r\n", "\n")
    assert "Message provenant du site Web: Marie" in plain(message)


def test_bidirectional_controls_never_reach_the_subject(templates, smtp_server):
    send_templated_email(
        templates, to=["marie@example.org"], language="fr", context={"name": "Ma\u202erie\u2066\u2069 exe.txt"}
    )

    subject = smtp_server.messages[0]["Subject"]
    assert subject == "Marie exe.txt – Message provenant du site Web"

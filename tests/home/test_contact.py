import pytest
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from tests.utils import parse

pytestmark = pytest.mark.django_db

VALID_POST = {
    "name": "Marie Tremblay",
    "email": "marie@example.org",
    "message": "Bonjour, mon fils de 17 ans voudrait reprendre ses études.",
}


def french(msgid):
    with translation.override("fr"):
        return translation.gettext(msgid)


def page_text(response):
    return parse(response).get_text(" ", strip=True)


def test_contact_submission_mails_staff_through_smtp(client, contact_page, smtp_server):
    response = client.post(contact_page.url, VALID_POST)

    assert response.status_code == 200
    assert smtp_server.recipients == [["staff@example.org"]]
    message = smtp_server.messages[0]
    assert message["Subject"] == "Message du site"
    assert message["To"] == "staff@example.org"
    assert message["Reply-To"] == "marie@example.org"
    assert VALID_POST["message"] in message.get_body(preferencelist=("plain",)).get_content()


def test_contact_submission_is_saved_once(client, contact_page, mailoutbox):
    client.post(contact_page.url, VALID_POST)

    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["message"] == VALID_POST["message"]


def test_contact_submission_shows_thank_you_text(client, contact_page, mailoutbox):
    response = client.post(contact_page.url, VALID_POST)

    assert contact_page.thank_you_text in response.content.decode()


def test_contact_honeypot_filled_sends_and_saves_nothing(client, contact_page, mailoutbox):
    response = client.post(contact_page.url, {**VALID_POST, "website_url": "https://spam.example.com"})

    assert response.status_code == 200
    assert french("Your message could not be sent. Please try again.") in page_text(response)
    assert mailoutbox == []
    assert not FormSubmission.objects.exists()


def test_contact_honeypot_field_is_hidden_from_people(client, contact_page):
    honeypot = parse(client.get(contact_page.url)).find(attrs={"name": "website_url"})

    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(attrs={"hidden": True, "aria-hidden": "true"}) is not None


def test_contact_rate_limit_answers_429_after_allowed_posts(client, contact_page, mailoutbox, settings):
    settings.PUBLIC_FORM_RATE = "3/h"
    for _ in range(3):
        assert client.post(contact_page.url, VALID_POST).status_code == 200

    response = client.post(contact_page.url, VALID_POST)

    assert response.status_code == 429
    assert len(mailoutbox) == 3
    assert FormSubmission.objects.count() == 3


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"message": ""}, "This field is required."),
        ({"email": "marie-at-example.org"}, "Enter a valid email address."),
    ],
)
def test_contact_bad_input_rerenders_with_errors_and_saves_nothing(client, contact_page, mailoutbox, changes, error):
    response = client.post(contact_page.url, {**VALID_POST, **changes})

    assert response.status_code == 200
    assert french(error) in page_text(response)
    assert mailoutbox == []
    assert not FormSubmission.objects.exists()


def test_contact_errors_show_in_english_on_english_page(client, contact_page, english_locale, mailoutbox):
    english = contact_page.get_translation(english_locale)

    response = client.post(english.url, {**VALID_POST, "email": "nope"})

    assert "Enter a valid email address." in page_text(response)


def post_from(client, page, forwarded_for):
    # Every request reaches the site from the proxy's address; only X-Forwarded-For differs.
    return client.post(page.url, VALID_POST, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_rate_limit_ignores_x_forwarded_for_without_trusted_proxy(client, contact_page, mailoutbox, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert post_from(client, contact_page, "203.0.113.1").status_code == 200
    assert post_from(client, contact_page, "203.0.113.2").status_code == 200

    # A forged header does not buy a fresh allowance: the limit keys on REMOTE_ADDR.
    assert post_from(client, contact_page, "203.0.113.3").status_code == 429


def test_rate_limit_keys_on_each_visitor_behind_a_trusted_proxy(client, contact_page, mailoutbox, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        assert post_from(client, contact_page, "198.51.100.7, 203.0.113.1").status_code == 200
    assert post_from(client, contact_page, "198.51.100.8, 203.0.113.1").status_code == 429

    # Another visitor behind the same proxy keeps their own allowance; the proxy appends the
    # address it saw last, so a value the visitor wrote in front of it changes nothing.
    assert post_from(client, contact_page, "203.0.113.2").status_code == 200

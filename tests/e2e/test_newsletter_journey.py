"""Issue 10's "Done when" in Chromium: sign up on the newsletter page, get the confirmation email
from a real SMTP server, follow its link, confirmed; then the preferences page the newsletter's
emails link to. axe on each page, in French and English."""

import pytest
from playwright.sync_api import expect

from newsletter.models import ConsentRecord, NewsletterIndexPage, Subscriber, SubscriptionStatus
from tests.e2e.pages import url_of
from tests.e2e.test_portal_journey import assert_no_violations, last_link_to, submit


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", {"email": "Votre adresse courriel", "button": "S’abonner", "confirm": "Confirmer mon abonnement"}),
        ("en", {"email": "Your email address", "button": "Subscribe", "confirm": "Confirm my subscription"}),
    ],
)
def test_signing_up_on_the_newsletter_page_then_confirming(site, page, smtp_server, language, labels):
    address = f"abonnee.{language}@example.org"
    page.goto(url_of(NewsletterIndexPage, language))
    assert_no_violations(page)
    form = page.locator("main form.newsletter-signup")
    form.get_by_label(labels["email"]).fill(address)
    with page.expect_navigation():
        form.get_by_role("button", name=labels["button"]).click()
    assert_no_violations(page)

    link, _text = last_link_to(smtp_server, address)
    assert Subscriber.objects.get(email=address).subscriptions.get().status == SubscriptionStatus.PENDING
    page.goto(link)
    assert_no_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name=labels["confirm"]).click()

    subscription = Subscriber.objects.get(email=address).subscriptions.get()
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert list(ConsentRecord.objects.filter(subscriber=subscription.subscriber).values_list("action", flat=True)) == [
        "requested",
        "confirmed",
    ]
    page.goto(
        f"/{language}/"
        + ("infolettre-abonnement/preferences/" if language == "fr" else "newsletter-subscription/preferences/")
        + subscription.subscriber.key
        + "/"
    )
    assert_no_violations(page)
    page.locator("main input[type=checkbox]").first.uncheck()
    submit(page)
    expect(page.locator(".messages")).to_be_visible()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


def test_the_footer_form_works_without_javascript(site, new_context, smtp_server):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/en/")
    footer = page.locator(".footer-signup form")
    footer.get_by_label("Your email address").fill("pied.de.page@example.org")
    with page.expect_navigation():
        footer.get_by_role("button", name="Subscribe").click()

    expect(page.locator("h1")).to_have_text("Check your inbox")
    assert Subscriber.objects.get(email="pied.de.page@example.org").language == "en"

import json

import pytest
from wagtail.models import Locale

from newsletter.models import NewsletterIndexPage, NewsletterPage


@pytest.fixture
def newsletter_index(home_page, translate):
    index = home_page.add_child(instance=NewsletterIndexPage(title="Infolettre", slug="infolettre"))
    translate(index, title="Newsletter", slug="newsletter")
    return index


def body(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


@pytest.fixture
def issue(newsletter_index, translate):
    """A published issue, in French and in English."""
    page = newsletter_index.add_child(
        instance=NewsletterPage(
            title="Infolettre de décembre",
            slug="decembre",
            subject="Les nouvelles de décembre",
            preheader="Le colloque, le mentorat",
            body=body("Bonjour à toutes et à tous."),
        )
    )
    page.save_revision().publish()
    translate(
        page, title="December newsletter", slug="december", subject="December news", body=body("Hello everyone.")
    )
    return page


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))

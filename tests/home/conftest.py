import pytest

from tests.factories.home import (
    ContactFormFieldFactory,
    ContactPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)


@pytest.fixture
def standard_page(home_page, translate):
    page = StandardPageFactory(
        parent=home_page,
        title="Qu’est-ce qu’un MAS?",
        slug="quest-ce-quun-mas",
        intro="Un milieu adapté de scolarisation ramène les adultes vers un diplôme.",
        body=[{"type": "paragraph", "value": "<p>Quatre critères définissent un MAS.</p>"}],
    )
    translate(
        page,
        title="What is a MAS?",
        slug="what-is-a-mas",
        intro="An adapted schooling setting brings adults back to a diploma.",
        body=[{"type": "paragraph", "value": "<p>Four criteria define a MAS.</p>"}],
    )
    return page


@pytest.fixture
def news_index(home_page, translate):
    index = NewsIndexPageFactory(parent=home_page, title="Actualités", slug="actualites", intro="Les nouvelles.")
    translate(index, title="News", slug="news", intro="The news.")
    return index


@pytest.fixture
def news_page(news_index, translate):
    page = NewsPageFactory(
        parent=news_index,
        title="Amarrages, un réseau cousin en Belgique",
        slug="amarrages",
        summary="Un réseau comparable de l’autre côté de l’Atlantique.",
        tags=["international"],
    )
    translate(page, title="Amarrages, a sister network in Belgium", summary="A comparable network across the ocean.")
    return page


@pytest.fixture
def contact_page(home_page, translate):
    page = ContactPageFactory(
        parent=home_page,
        title="Nous joindre",
        slug="nous-joindre",
        subject="Message du site",
        to_address="staff@example.org",
    )
    ContactFormFieldFactory(page=page, label="Name", field_type="singleline", sort_order=0)
    ContactFormFieldFactory(page=page, label="Email", field_type="email", sort_order=1)
    ContactFormFieldFactory(page=page, label="Message", field_type="multiline", sort_order=2)
    page.save_revision().publish()
    translate(page, title="Contact us", slug="contact-us", subject="Message from the website")
    return page

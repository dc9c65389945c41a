import pytest
from django.utils import timezone

from tests.factories.accounts import make_member
from tests.factories.members import MASDirectoryPageFactory, MASPageFactory
from tests.factories.mentoring import ExpertiseFactory
from tests.factories.resources import ResourceIndexPageFactory, ResourcePageFactory


@pytest.fixture
def resource_index(home_page, translate):
    index = ResourceIndexPageFactory(parent=home_page, title="Ressources", slug="ressources")
    translate(index, title="Resources", slug="resources", intro="What the schools share.")
    return index


@pytest.fixture
def school(home_page):
    directory = MASDirectoryPageFactory(parent=home_page)
    return MASPageFactory(parent=directory, title="École du milieu de Lévis")


@pytest.fixture
def member(school):
    return make_member(school)


@pytest.fixture
def deactivated_member(school):
    user = make_member(school)
    user.membership.deactivated_at = timezone.now()
    user.membership.save()
    return user


@pytest.fixture
def themes(db):
    return [
        ExpertiseFactory(slug="accueil", name_fr="Accueil des 16 ans", name_en="Welcoming 16-year-olds"),
        ExpertiseFactory(slug="intervention", name_fr="Intervention psychosociale", name_en="Psychosocial work"),
    ]


@pytest.fixture
def public_resource(resource_index, translate, themes):
    page = ResourcePageFactory(
        parent=resource_index,
        title="Guide d’accueil des jeunes de 16 ans",
        slug="guide-accueil",
        summary="Comment accueillir les jeunes qui raccrochent.",
        audience="public",
        kind="guide",
    )
    page.themes.set([themes[0]])
    page.save_revision().publish()
    translate(page, title="Welcoming 16-year-olds", slug="welcome-guide", summary="How to welcome young people.")
    return page


@pytest.fixture
def members_resource(resource_index, translate, themes):
    page = ResourcePageFactory(
        parent=resource_index,
        title="Outil de suivi psychosocial",
        slug="outil-suivi",
        summary="Une grille de suivi pour les intervenants.",
        audience="members",
        kind="tool",
    )
    page.themes.set([themes[1]])
    page.save_revision().publish()
    translate(page, title="Psychosocial follow-up tool", slug="follow-up-tool", summary="A follow-up grid.")
    return page


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Documents land in a private folder of the test's own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"

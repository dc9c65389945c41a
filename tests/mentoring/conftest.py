import pytest

from tests.factories.members import MASDirectoryPageFactory, MASPageFactory
from tests.factories.mentoring import ExpertiseFactory


@pytest.fixture
def schools(home_page):
    """Three schools in three regions: Lévis (Chaudière-Appalaches), LaSalle (Montréal) and
    Saint-Hyacinthe (Montérégie)."""
    directory = MASDirectoryPageFactory(parent=home_page)
    return {
        "levis": MASPageFactory(parent=directory, title="École du milieu de Lévis", city="Lévis", region="12"),
        "lasalle": MASPageFactory(parent=directory, title="École du milieu LaSalle", city="Montréal", region="06"),
        "la_marge": MASPageFactory(
            parent=directory, title="La Marge – école de la rue", city="Saint-Hyacinthe", region="16"
        ),
    }


@pytest.fixture
def levis(schools):
    return schools["levis"]


@pytest.fixture
def lasalle(schools):
    return schools["lasalle"]


@pytest.fixture
def la_marge(schools):
    return schools["la_marge"]


@pytest.fixture
def topics(db):
    """Three areas of expertise: management, adapted teaching, psychosocial intervention."""
    return [
        ExpertiseFactory(slug="gestion", name_fr="Gestion d’un organisme", name_en="Managing an organisation"),
        ExpertiseFactory(slug="enseignement", name_fr="Enseignement adapté", name_en="Adapted teaching"),
        ExpertiseFactory(slug="intervention", name_fr="Intervention psychosociale", name_en="Psychosocial work"),
    ]

import pytest

from tests.factories.members import MASDirectoryPageFactory, MASPageFactory

SUMMARY = "Une école pour adultes qui reviennent aux études."


@pytest.fixture
def directory(home_page, translate):
    """The French directory under the home page, and its English translation."""
    page = MASDirectoryPageFactory(parent=home_page)
    translate(page, title="Find a MAS", slug="directory")
    return page


@pytest.fixture
def english_directory(directory, english_locale):
    return directory.get_translation(english_locale)


@pytest.fixture
def schools(directory):
    """Three schools the seeds place: Lévis, LaSalle (Montréal) and Saint-Hyacinthe."""
    return {
        "levis": MASPageFactory(
            parent=directory,
            title="École du milieu de Lévis",
            city="Lévis",
            region="12",
            postal_code="G6V 6N2",
            short_description=SUMMARY,
        ),
        "lasalle": MASPageFactory(
            parent=directory,
            title="École du milieu LaSalle",
            city="Montréal",
            region="06",
            postal_code="H8N 1X1",
            short_description=SUMMARY,
        ),
        "la_marge": MASPageFactory(
            parent=directory,
            title="La Marge – école de la rue",
            city="Saint-Hyacinthe",
            region="16",
            postal_code="J2S 5J3",
            short_description=SUMMARY,
            membership_kind="allied",
        ),
    }


@pytest.fixture
def english_schools(schools, english_directory, translate):
    """The English translations of the three schools."""
    return {key: translate(school) for key, school in schools.items()}

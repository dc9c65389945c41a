"""Demo content for the MAS directory: the member schools named in AMASQ's 2021–2022 annual report.

The report gives the schools' names and, for some, their town (LaSalle and Cyclochrome in
Montréal, Lévis, La Marge in Saint-Hyacinthe, Beauce-Nord, Charlevoix, Valleyfield…); the other
schools are placed in a plausible town. Every school is marked as demo content (is_demo), has
no street address, and uses fictitious 555-01xx phone numbers and example.org addresses.
"""

from wagtail.models import Locale

from home.models import HomePage
from members import demo_accounts
from members.models import MASDirectoryPage, MASPage, Service

DIRECTORY = {
    "fr": {
        "title": "Répertoire des MAS",
        "slug": "repertoire",
        "intro": "<p>Trouvez un milieu adapté de scolarisation près de chez vous : tapez votre code postal "
        "ou votre ville, ou filtrez par région et par service. Chaque MAS accueille des adultes de 16 ans et "
        "plus qui veulent obtenir un diplôme, avec un accompagnement psychosocial.</p>",
        "search_description": "Répertoire des milieux adaptés de scolarisation membres de l’AMASQ : "
        "trouvez une école pour adultes près de chez vous.",
    },
    "en": {
        "title": "Find a MAS",
        "slug": "directory",
        "intro": "<p>Find an adapted schooling setting (MAS) near you: type your postal code or town, or "
        "filter by region and service. Every MAS welcomes adults aged 16 and over who want to earn a "
        "diploma, with psychosocial support along the way.</p>",
        "search_description": "Directory of the adapted schooling settings that are members of AMASQ: "
        "find an adult school near you.",
    },
}

# (name, town, region, postal code, carrying organisation, services, schedule, placed by the report)
SCHOOLS = [
    (
        "École du milieu LaSalle",
        "Montréal (LaSalle)",
        "06",
        "H8N 1X1",
        "Destination Travail",
        ["diploma-studies", "psychosocial-support", "work-internships"],
        "day",
        True,
    ),
    (
        "Cyclochrome",
        "Montréal",
        "06",
        "H2T 1S6",
        "Cyclochrome",
        ["diploma-studies", "psychosocial-support", "work-internships", "socio-professional-integration"],
        "day",
        True,
    ),
    (
        "École du milieu de Lévis",
        "Lévis",
        "12",
        "G6V 6N2",
        "",
        ["diploma-studies", "psychosocial-support", "student-parents"],
        "day",
        True,
    ),
    (
        "La Marge – école de la rue",
        "Saint-Hyacinthe",
        "16",
        "J2S 5J3",
        "",
        ["diploma-studies", "psychosocial-support", "socio-professional-integration"],
        "day",
        True,
    ),
    (
        "École Nouvelle-Option Beauce-Nord",
        "Sainte-Marie",
        "12",
        "G6E 3B5",
        "Carrefour jeunesse-emploi Beauce-Nord",
        ["diploma-studies", "psychosocial-support", "distance-learning"],
        "day",
        True,
    ),
    (
        "Formation en alphabétisation de Charlevoix",
        "Baie-Saint-Paul",
        "03",
        "G3Z 1B3",
        "",
        ["literacy", "diploma-studies", "psychosocial-support"],
        "day_evening",
        True,
    ),
    (
        "Maison des jeunes de Valleyfield",
        "Salaberry-de-Valleyfield",
        "16",
        "J6T 1B2",
        "Maison des jeunes de Valleyfield",
        ["diploma-studies", "psychosocial-support", "student-parents"],
        "day",
        True,
    ),
    (
        "Projets PART",
        "Beauharnois",
        "16",
        "J6N 1X5",
        "",
        ["diploma-studies", "work-internships", "socio-professional-integration"],
        "day",
        False,
    ),
    (
        "Place à l’emploi",
        "Sainte-Thérèse",
        "15",
        "J7E 2B4",
        "Place à l’emploi",
        ["diploma-studies", "socio-professional-integration", "work-internships"],
        "day",
        False,
    ),
    ("L’Autre école", "Laval", "13", "H7N 3W5", "", ["diploma-studies", "psychosocial-support"], "day", False),
    (
        "L’École du Fort",
        "Chambly",
        "16",
        "J3L 2Y7",
        "",
        ["diploma-studies", "psychosocial-support", "distance-learning"],
        "day",
        False,
    ),
    (
        "École de milieu au cœur de l’île Voltige",
        "L’Île-Perrot",
        "16",
        "J7V 3T4",
        "Voltige",
        ["diploma-studies", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "L’École autrement (Saint-Jérôme)",
        "Saint-Jérôme",
        "15",
        "J7Z 5T3",
        "",
        ["diploma-studies", "psychosocial-support", "student-parents"],
        "day",
        False,
    ),
    (
        "Projet Parcours / L’école laboratoire Agora",
        "Québec",
        "03",
        "G1K 3A9",
        "Projet Parcours",
        ["diploma-studies", "psychosocial-support", "work-internships"],
        "day",
        False,
    ),
    (
        "L’École de la rue",
        "Trois-Rivières",
        "04",
        "G9A 2N4",
        "",
        ["diploma-studies", "psychosocial-support", "socio-professional-integration"],
        "day",
        False,
    ),
    (
        "École d’à côté",
        "Drummondville",
        "17",
        "J2B 6W9",
        "",
        ["diploma-studies", "psychosocial-support"],
        "day_evening",
        False,
    ),
    (
        "École des parents / Projet Charlemagne",
        "Charlemagne",
        "14",
        "J5Z 1R9",
        "Projet Charlemagne",
        ["diploma-studies", "student-parents", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "Centre d’apprentissage intensif",
        "Gatineau",
        "07",
        "J8X 2K2",
        "",
        ["diploma-studies", "french-for-newcomers", "psychosocial-support"],
        "day_evening",
        False,
    ),
    (
        "École Félix-Antoine",
        "Saguenay (Chicoutimi)",
        "02",
        "G7H 4A5",
        "",
        ["diploma-studies", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "L’École autrement (Sherbrooke)",
        "Sherbrooke",
        "05",
        "J1H 1K1",
        "",
        ["diploma-studies", "psychosocial-support", "literacy"],
        "day",
        False,
    ),
    ("École du Courant", "Joliette", "14", "J6E 3Z9", "", ["diploma-studies", "psychosocial-support"], "day", False),
    (
        "École de mille lieux",
        "Rimouski",
        "01",
        "G5L 1W6",
        "",
        ["diploma-studies", "distance-learning", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "L’école au Carrefour",
        "Saint-Jean-sur-Richelieu",
        "16",
        "J3B 1T6",
        "Carrefour jeunesse-emploi",
        ["diploma-studies", "socio-professional-integration"],
        "day",
        False,
    ),
    (
        "Créneau Carrefour jeunesse",
        "Granby",
        "16",
        "J2G 3V2",
        "Carrefour jeunesse-emploi",
        ["diploma-studies", "socio-professional-integration", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "L’Élan, l’école au Carrefour",
        "Victoriaville",
        "17",
        "G6P 6S9",
        "Carrefour jeunesse-emploi",
        ["diploma-studies", "psychosocial-support"],
        "day",
        False,
    ),
    (
        "École au CJE",
        "Lac-Etchemin",
        "12",
        "G0R 1S0",
        "Carrefour jeunesse-emploi Les Etchemins",
        ["diploma-studies", "psychosocial-support", "work-internships"],
        "day",
        False,
    ),
]

TEXT = {
    "fr": {
        "short": "Une école communautaire pour adultes de 16 ans et plus qui reviennent aux études : "
        "formation générale vers un diplôme reconnu et accompagnement psychosocial, à {town}.",
        "audience": "Adultes de 16 ans et plus admissibles à la formation générale des adultes, qui ont "
        "quitté l’école ou pour qui l’école régulière n’a pas fonctionné.",
        "admission": "<ol><li>Appelez ou écrivez à l’école pour une première rencontre.</li>"
        "<li>Rencontrez un membre de l’équipe pour parler de votre parcours et de vos objectifs.</li>"
        "<li>Faites le point sur vos acquis scolaires, puis commencez à votre rythme.</li></ol>",
        "description": "<p>{name} fait partie des milieux adaptés de scolarisation membres de l’AMASQ. "
        "L’école offre un cadre souple et à petite échelle où chaque élève avance à son rythme, "
        "soutenu par une équipe d’enseignants et d’intervenants.</p>",
        "placed": "",
        "guessed": "<p><em>Contenu de démonstration : la ville indiquée est plausible, mais n’a pas été "
        "vérifiée.</em></p>",
    },
    "en": {
        "short": "A community school for adults aged 16 and over going back to school: general education "
        "towards a recognised diploma and psychosocial support, in {town}.",
        "audience": "Adults aged 16 and over who are eligible for adult general education, who left school "
        "or for whom the regular school system did not work.",
        "admission": "<ol><li>Call or write to the school for a first meeting.</li>"
        "<li>Meet a member of the team to talk about your path and your goals.</li>"
        "<li>Review what you have already learned, then start at your own pace.</li></ol>",
        "description": "<p>{name} is one of the adapted schooling settings that are members of AMASQ. "
        "The school offers a flexible, small-scale setting where every student moves forward at their "
        "own pace, supported by a team of teachers and counsellors.</p>",
        "placed": "",
        "guessed": "<p><em>Demo content: the town shown is plausible but has not been checked.</em></p>",
    },
}


def _publish(page):
    page.save_revision().publish()


def _directory(home, language):
    existing = MASDirectoryPage.objects.child_of(home).first()
    if existing:
        return existing, False
    values = DIRECTORY[language]
    directory = MASDirectoryPage(
        title=values["title"],
        slug=values["slug"],
        intro=values["intro"],
        search_description=values["search_description"],
        show_in_menus=True,
    )
    home.add_child(instance=directory)
    _publish(directory)
    return directory, True


def _school_values(entry, language, number):
    name, town, region, postal_code, organisation, service_slugs, schedule, placed_by_report = entry
    text = TEXT[language]
    return {
        "title": name,
        "short_description": text["short"].format(town=town),
        "description": text["description"].format(name=name) + ("" if placed_by_report else text["guessed"]),
        "audience": text["audience"],
        "admission_steps": text["admission"],
        "carrying_organisation": organisation,
        "region": region,
        "city": town,
        "postal_code": postal_code,
        "phone": f"819-555-{100 + number:04d}",
        "email": f"ecole{number:02d}@example.org",
        "schedule": schedule,
        "teaching_languages": "fr",
        "is_demo": True,
    }


def _place_after_members_page(directory):
    """In the menu, the directory reads best right after the page that presents the members."""
    directory.refresh_from_db()
    siblings = list(directory.get_siblings(inclusive=False).filter(slug__in=["nos-membres", "our-members"]))
    if siblings:
        directory.move(siblings[0], pos="right")


def load(stdout):
    """Create the directory under each language's home page and the member schools in it."""
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home_fr = HomePage.objects.filter(locale=french).first()
    home_en = HomePage.objects.filter(locale=english).first()
    if home_fr is None or home_en is None:
        stdout.write("members: no home page in French and English; load home's demo first.")
        return
    directory_fr, created = _directory(home_fr, "fr")
    if created:
        _load_schools(directory_fr, english, stdout)
    else:
        stdout.write("members: the directory exists already.")
    # Demo portal accounts belong to schools of the directory; safe to run again.
    demo_accounts.load(stdout)


def _load_schools(directory_fr, english, stdout):
    home_fr = directory_fr.get_parent().specific
    home_en = home_fr.get_translation(english)
    services = {service.slug: service for service in Service.objects.all()}
    directory_en = directory_fr.copy_for_translation(english)
    for field, value in DIRECTORY["en"].items():
        setattr(directory_en, field, value)
    directory_en.save()
    _publish(directory_en)

    for number, entry in enumerate(SCHOOLS, start=1):
        school = MASPage(**_school_values(entry, "fr", number))
        directory_fr.add_child(instance=school)
        school.services.set([services[slug] for slug in entry[5]])
        school.save()
        _publish(school)
        translation = school.copy_for_translation(english)
        for field, value in _school_values(entry, "en", number).items():
            setattr(translation, field, value)
        translation.services.set([services[slug] for slug in entry[5]])
        translation.save()
        _publish(translation)

    _place_after_members_page(directory_fr)
    _place_after_members_page(directory_en)

    # The home pages' "find a MAS near you" form now has somewhere to go.
    for home, directory in ((home_fr, directory_fr), (home_en, directory_en)):
        # Reload: the directory was added below it since, and a stale copy would reset numchild.
        home.refresh_from_db()
        home.find_mas_page = directory
        home.save()
        _publish(home)
    stdout.write(f"members: directory and {len(SCHOOLS)} member schools created in French and English.")

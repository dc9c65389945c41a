"""Demo resources: the resources index under the home page and a dozen resources in French and
English across the themes, public and members-only, several with real small PDF and Word files
made here (resources/sample_files.py) whose text the search finds.

Run by `manage.py load_demo` after the events' demo content; created once, a later run only adds
what is missing. One members-only resource is found by "décrochage" only through the words of its
PDF: try it signed in as a demo member, then signed out.
"""

from datetime import timedelta

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from home.demo import ensure_pages, find_page, languages
from members.public import Expertise
from resources.models import ResourceFile
from resources.sample_files import docx_bytes, pdf_bytes
from resources.search_index import refresh_search_entry
from resources.tasks import analyse_document

LEVIS = "École du milieu de Lévis"
LASALLE = "École du milieu LaSalle"


def index_spec():
    return {
        "key": "resources",
        "type": "resources.ResourceIndexPage",
        "parent": "home",
        "after": "events",
        "in_menu": True,
        "fr": {
            "title": "Ressources",
            "slug": "ressources",
            "search_description": "Guides, outils, recherches et cadre de référence partagés par les MAS et l'AMASQ.",
            "intro": "Guides, outils, recherches et cadre de référence : ce que les milieux adaptés de scolarisation partagent de leurs pratiques.",
        },
        "en": {
            "title": "Resources",
            "slug": "resources",
            "search_description": "Guides, tools, research and the reference framework shared by the MAS and AMASQ.",
            "intro": "Guides, tools, research and the reference framework: what adapted schooling settings share of their practice.",
        },
    }


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


# key: (kind, audience, material language, days ago, themes, author school, file, fr, en)
# file: (kind "pdf"/"docx"/None, file name, accessible PDF?, paragraphs) — the text inside it.
RESOURCES = [
    {
        "key": "resource-reference-framework",
        "fields": {"kind": "framework", "audience": "public", "material_language": "fr", "licence": "cc-by-nc-sa-4.0"},
        "days_ago": 400,
        "themes": ["adapted-teaching", "psychosocial-intervention", "school-perseverance"],
        "school": None,
        "file": (
            "pdf",
            "cadre-de-reference-mas.pdf",
            True,
            [
                "Le cadre de référence des milieux adaptés de scolarisation décrit l'approche globale : "
                "formation de base, accompagnement psychosocial et lien avec la communauté.",
                "Il s'adresse aux adultes de 16 ans et plus qui ont connu le décrochage scolaire et veulent obtenir un diplôme.",
            ],
        ),
        "fr": {
            "title": "Cadre de référence des milieux adaptés de scolarisation",
            "slug": "cadre-de-reference",
            "summary": "L'approche globale des MAS : formation, accompagnement psychosocial et ancrage dans la communauté.",
            "body": [
                _paragraph(
                    "Ce cadre présente les principes communs aux écoles membres : l'accueil sans condition, "
                    "le rythme de chaque élève et le travail d'équipe entre enseignants et intervenants."
                )
            ],
        },
        "en": {
            "title": "Reference framework for adapted schooling settings",
            "slug": "reference-framework",
            "summary": "The MAS's whole-person approach: schooling, psychosocial support and roots in the community.",
            "body": [
                _paragraph(
                    "This framework sets out the principles member schools share: unconditional welcome, "
                    "each learner's own pace and teamwork between teachers and support workers."
                )
            ],
        },
    },
    {
        "key": "resource-welcoming-16",
        "fields": {"kind": "guide", "audience": "public", "material_language": "fr", "licence": "cc-by-4.0"},
        "days_ago": 60,
        "themes": ["school-perseverance", "psychosocial-intervention"],
        "school": LEVIS,
        "file": (
            "pdf",
            "guide-accueil-16-ans.pdf",
            False,
            [
                "Accueillir un jeune de 16 ans qui a quitté l'école : la première rencontre, le plan de formation, "
                "le suivi des premières semaines.",
                "Les raccrocheurs ont souvent vécu plusieurs échecs : valoriser chaque réussite.",
            ],
        ),
        "fr": {
            "title": "Accueillir les jeunes de 16 ans : guide pratique",
            "slug": "accueillir-les-16-ans",
            "summary": "Les étapes de l'accueil d'un jeune qui revient à l'école après un décrochage.",
            "body": [
                _paragraph(
                    "Le guide suit un jeune de la première rencontre à la fin de sa première session et propose "
                    "des outils pour prévenir un nouveau décrochage."
                )
            ],
        },
        "en": {
            "title": "Welcoming 16-year-olds: a practical guide",
            "slug": "welcoming-16-year-olds",
            "summary": "The steps of welcoming a young person who comes back to school after dropping out.",
            "body": [
                _paragraph(
                    "The guide follows a young person from the first meeting to the end of their first term, "
                    "with tools to prevent them from dropping out again."
                )
            ],
        },
    },
    {
        "key": "resource-intake-grid",
        "fields": {"kind": "tool", "audience": "members", "material_language": "fr", "licence": "reserved"},
        "days_ago": 20,
        "themes": ["psychosocial-intervention"],
        "school": LASALLE,
        # Found by "décrochage" only through its PDF: neither title, summary nor body say it.
        "file": (
            "pdf",
            "grille-entrevue-accueil.pdf",
            True,
            [
                "Grille d'entrevue d'accueil : parcours scolaire, motifs du décrochage, réseau de soutien, "
                "besoins en santé mentale et en logement.",
                "À remplir avec l'élève lors de la première rencontre, puis à revoir après un mois.",
            ],
        ),
        "fr": {
            "title": "Grille d'entrevue d'accueil",
            "slug": "grille-entrevue-accueil",
            "summary": "Un outil pour la première rencontre avec un nouvel élève.",
            "body": [_paragraph("La grille aide l'intervenante à connaître l'élève et à bâtir son plan.")],
        },
        "en": {
            "title": "Intake interview grid",
            "slug": "intake-interview-grid",
            "summary": "A tool for the first meeting with a new learner.",
            "body": [_paragraph("The grid helps the support worker get to know the learner and build their plan.")],
        },
    },
    {
        "key": "resource-measure-15168",
        "fields": {
            "kind": "presentation",
            "audience": "members",
            "material_language": "fr",
            "licence": "cc-by-nc-4.0",
        },
        "days_ago": 45,
        "themes": ["school-partnerships", "funding-and-reporting"],
        "school": None,
        "file": (
            "pdf",
            "atelier-mesure-15168.pdf",
            False,
            [
                "Atelier sur la mesure 15168 : les ententes de partenariat entre les MAS et les centres de services scolaires.",
                "Exemples d'ententes, calendrier de reddition de comptes et conditions de réussite.",
            ],
        ),
        "fr": {
            "title": "Partenariats avec les centres de services scolaires : atelier sur la mesure 15168",
            "slug": "atelier-mesure-15168",
            "summary": "La présentation de l'atelier du colloque sur les ententes avec le réseau scolaire.",
            "body": [_paragraph("Les diapositives et les notes de l'atelier, avec des exemples d'ententes.")],
        },
        "en": {
            "title": "Partnerships with school service centres: workshop on measure 15168",
            "slug": "workshop-measure-15168",
            "summary": "The colloquium workshop's slides on agreements with the school network.",
            "body": [_paragraph("The workshop's slides and notes, with sample agreements.")],
        },
    },
    {
        "key": "resource-impact-study",
        "fields": {"kind": "research", "audience": "public", "material_language": "fr_en", "licence": "cc-by-4.0"},
        "days_ago": 200,
        "themes": ["socio-professional-integration", "funding-and-reporting"],
        "school": None,
        "file": (
            "pdf",
            "impact-social-economique-mas.pdf",
            True,
            [
                "Étude de l'impact social et économique des milieux adaptés de scolarisation.",
                "Chaque diplômé coûte moins à la société qu'un adulte resté sans diplôme : revenus, santé, participation.",
            ],
        ),
        "fr": {
            "title": "L'impact social et économique des MAS",
            "slug": "impact-social-economique",
            "summary": "Ce que rapportent à la société les adultes qui obtiennent leur diplôme dans un MAS.",
            "body": [_paragraph("Les résultats principaux de l'étude et sa méthode, en bref.")],
        },
        "en": {
            "title": "The social and economic impact of the MAS",
            "slug": "social-economic-impact",
            "summary": "What society gains when adults earn their diploma in a MAS.",
            "body": [_paragraph("The study's main findings and method, in brief.")],
        },
    },
    {
        "key": "resource-math-workbook",
        "fields": {"kind": "tool", "audience": "members", "material_language": "fr", "licence": "cc-by-nc-sa-4.0"},
        "days_ago": 10,
        "themes": ["adapted-teaching"],
        "school": LASALLE,
        "file": (
            "docx",
            "cahier-mathematiques-adaptees.docx",
            None,
            [
                "Cahier d'exercices de mathématiques adaptées : fractions, proportions et budget personnel.",
                "Chaque exercice part d'une situation de la vie courante : loyer, épicerie, paie.",
            ],
        ),
        "fr": {
            "title": "Cahier de mathématiques adaptées",
            "slug": "cahier-mathematiques",
            "summary": "Des exercices ancrés dans la vie courante pour les adultes qui reprennent les mathématiques.",
            "body": [_paragraph("Le cahier est en format Word pour que chaque école l'adapte à ses élèves.")],
        },
        "en": {
            "title": "Adapted mathematics workbook",
            "slug": "mathematics-workbook",
            "summary": "Everyday-life exercises for adults going back to mathematics.",
            "body": [_paragraph("The workbook is a Word file so that each school can adapt it to its learners.")],
        },
    },
    {
        "key": "resource-annual-report-template",
        "fields": {"kind": "tool", "audience": "members", "material_language": "fr", "licence": "cc-by-4.0"},
        "days_ago": 90,
        "themes": ["funding-and-reporting", "organisation-management"],
        "school": LEVIS,
        "file": (
            "docx",
            "gabarit-rapport-annuel.docx",
            None,
            [
                "Gabarit de rapport annuel d'un organisme communautaire : mission, activités, statistiques de fréquentation, états financiers.",
                "Les sections suivent les attentes des bailleurs de fonds.",
            ],
        ),
        "fr": {
            "title": "Gabarit de rapport annuel",
            "slug": "gabarit-rapport-annuel",
            "summary": "Un modèle Word pour la reddition de comptes d'un MAS.",
            "body": [_paragraph("Remplissez les sections, supprimez les consignes en italique.")],
        },
        "en": {
            "title": "Annual report template",
            "slug": "annual-report-template",
            "summary": "A Word template for a MAS's yearly reporting.",
            "body": [_paragraph("Fill in the sections, then delete the instructions in italics.")],
        },
    },
    {
        "key": "resource-mental-health-webinar",
        "fields": {"kind": "recording", "audience": "members", "material_language": "fr", "licence": "reserved"},
        "days_ago": 30,
        "themes": ["mental-health"],
        "school": None,
        "file": None,
        "links": {
            "fr": ("Enregistrement du webinaire", "https://example.org/webinaire-sante-mentale"),
            "en": ("Webinar recording", "https://example.org/mental-health-webinar"),
        },
        "fr": {
            "title": "Webinaire : santé mentale des jeunes adultes",
            "slug": "webinaire-sante-mentale",
            "summary": "L'enregistrement du webinaire sur l'anxiété et la dépression chez les élèves adultes.",
            "body": [
                _paragraph(
                    "Une psychologue et deux intervenantes présentent des signes à repérer et des ressources "
                    "vers qui diriger les élèves. Transcription résumée : repérer, écouter, orienter."
                )
            ],
        },
        "en": {
            "title": "Webinar: young adults' mental health",
            "slug": "mental-health-webinar",
            "summary": "The recording of the webinar on anxiety and depression among adult learners.",
            "body": [
                _paragraph(
                    "A psychologist and two support workers present signs to watch for and services to refer "
                    "learners to. Summary of the transcript: notice, listen, refer."
                )
            ],
        },
    },
    {
        "key": "resource-literacy-guide",
        "fields": {"kind": "guide", "audience": "public", "material_language": "fr", "licence": "cc-by-sa-4.0"},
        "days_ago": 150,
        "themes": ["literacy-and-french"],
        "school": None,
        "file": (
            "pdf",
            "francisation-adultes.pdf",
            True,
            [
                "Guide de francisation pour les adultes nouvellement arrivés : évaluer le niveau, former les groupes, suivre les progrès."
            ],
        ),
        "fr": {
            "title": "Francisation et alphabétisation des adultes",
            "slug": "francisation-alphabetisation",
            "summary": "Organiser des groupes de francisation et d'alphabétisation dans un MAS.",
            "body": [_paragraph("Comment évaluer, regrouper et accompagner les adultes qui apprennent le français.")],
        },
        "en": {
            "title": "French and literacy for adults",
            "slug": "french-and-literacy",
            "summary": "Running French and literacy groups in a MAS.",
            "body": [_paragraph("How to assess, group and support adults learning French.")],
        },
    },
    {
        "key": "resource-prior-learning",
        "fields": {"kind": "guide", "audience": "members", "material_language": "fr", "licence": "cc-by-nc-4.0"},
        "days_ago": 120,
        "themes": ["prior-learning-recognition", "socio-professional-integration"],
        "school": LEVIS,
        "file": None,
        "fr": {
            "title": "Reconnaître les acquis des élèves adultes",
            "slug": "reconnaissance-des-acquis",
            "summary": "Les démarches pour faire reconnaître les acquis scolaires et l'expérience de travail.",
            "body": [
                _paragraph(
                    "Un parcours en quatre étapes : inventaire des acquis, tests de développement général, "
                    "préalables, plan de formation. Un bon outil contre le décrochage des adultes pressés d'obtenir un diplôme."
                )
            ],
        },
        "en": {
            "title": "Recognising adult learners' prior learning",
            "slug": "prior-learning-recognition",
            "summary": "How to have past schooling and work experience recognised.",
            "body": [
                _paragraph(
                    "A four-step path: inventory of learning, general development tests, prerequisites, "
                    "training plan. A good way to keep adults in a hurry for a diploma from dropping out."
                )
            ],
        },
    },
    {
        "key": "resource-governance",
        "fields": {"kind": "guide", "audience": "public", "material_language": "fr", "licence": "cc-by-4.0"},
        "days_ago": 300,
        "themes": ["organisation-management"],
        "school": None,
        "file": None,
        "fr": {
            "title": "Gouvernance d'un organisme communautaire scolaire",
            "slug": "gouvernance",
            "summary": "Le rôle du conseil d'administration, de la direction et de l'équipe dans un MAS.",
            "body": [_paragraph("Les responsabilités de chacun et un calendrier annuel du conseil d'administration.")],
        },
        "en": {
            "title": "Governing a community school organisation",
            "slug": "governance",
            "summary": "The roles of the board, the director and the team in a MAS.",
            "body": [_paragraph("Everyone's responsibilities and a yearly calendar for the board.")],
        },
    },
    {
        "key": "resource-addiction-prevention",
        "fields": {"kind": "tool", "audience": "members", "material_language": "en", "licence": "cc-by-nc-sa-4.0"},
        "days_ago": 75,
        "themes": ["addiction", "psychosocial-intervention"],
        "school": None,
        "file": (
            "docx",
            "substance-use-conversation-guide.docx",
            None,
            [
                "Conversation guide on substance use for support workers: open questions, harm reduction, referral.",
                "Use it when a learner's attendance drops and dropping out becomes a risk.",
            ],
        ),
        "fr": {
            "title": "Parler de consommation avec un élève",
            "slug": "parler-de-consommation",
            "summary": "Un guide d'entretien en anglais sur la consommation de substances, pour les intervenants.",
            "body": [_paragraph("Questions ouvertes, réduction des méfaits et orientation vers les services.")],
        },
        "en": {
            "title": "Talking about substance use with a learner",
            "slug": "substance-use-conversation",
            "summary": "A conversation guide on substance use for support workers.",
            "body": [_paragraph("Open questions, harm reduction and referral to services.")],
        },
    },
]


def _spec(resource):
    spec = {
        "key": resource["key"],
        "type": "resources.ResourcePage",
        "parent": "resources",
        "fields": {**resource["fields"]},
        "fr": {**resource["fr"]},
        "en": {**resource["en"]},
    }
    for language in ("fr", "en"):
        if resource.get("links"):
            title, url = resource["links"][language]
            spec[language]["links"] = [{"type": "link", "value": {"title": title, "url": url}}]
    return spec


def _document(resource):
    kind, name, accessible, paragraphs = resource["file"]
    title = resource["fr"]["title"]
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is not None:
        return document
    if kind == "pdf":
        data = pdf_bytes(title, paragraphs, with_title=accessible, with_language=accessible, tagged=accessible)
    else:
        data = docx_bytes(title, paragraphs)
    document = model(title=title, file=ContentFile(data, name=name), collection=Collection.get_first_root_node())
    document._set_document_file_metadata()
    document.save()
    return document


def _complete(resource, created_pks):
    """Themes, author school, date and file of a resource just created, then its search entries."""
    pages = [page for language in languages() if (page := find_page(resource["key"], language))]
    pages = [page for page in pages if page.pk in created_pks]
    if not pages:
        return
    themes = list(Expertise.objects.filter(slug__in=resource["themes"]))
    school = None
    if resource["school"]:
        MASPage = apps.get_model("members", "MASPage")
        school = MASPage.objects.filter(locale=Locale.get_default(), title=resource["school"]).first()
    document = _document(resource) if resource["file"] else None
    if document is not None:
        # Read now, so that the search finds the words of the file before the worker runs.
        analyse_document.call(document.pk)
    for page in pages:
        page.themes.set(themes)
        page.author_school = school
        page.publication_date = timezone.localdate() - timedelta(days=resource["days_ago"])
        if document is not None and not page.files.filter(document=document).exists():
            ResourceFile.objects.create(page=page, document=document)
        page.save_revision().publish()
        refresh_search_entry(page)


def load(stdout):
    if find_page("home", languages()[0]) is None:
        stdout.write("resources: no demo home page to hang the resources under; left out.")
        return
    specs = [index_spec(), *(_spec(resource) for resource in RESOURCES)]
    created = set(ensure_pages(specs))
    for resource in RESOURCES:
        _complete(resource, created)
    stdout.write(
        f"resources: {len(created)} pages created, {len(specs) * len(languages()) - len(created)} already there."
    )

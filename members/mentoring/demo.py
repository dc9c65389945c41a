"""Demo content for mentoring: a dozen fictitious staff of demo schools across regions who offer
or seek mentoring, one active pair, one pending request, and the two demo portal accounts taking
part, so that a demo member sees suggestions at once:

- Camille Fortin (coordination.levis@example.org) mentors Julie Bouchard (active) and has a
  request from Marc-André Pelletier to answer;
- Olivier Bergeron (enseignement.lasalle@example.org) looks for a mentor: Camille fits best.

Run by `manage.py load_demo` after members' demo content (the schools and the demo accounts).
The extra people cannot sign in (no password) and are not listed in the members directory.
Idempotent: a second run adds nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.people import demo_school, ensure_member, expertise_model

CAMILLE = "coordination.levis@example.org"
OLIVIER = "enseignement.lasalle@example.org"

# (email, first name, last name, school, job title)
PEOPLE = [
    ("mentorat.lavoie@example.org", "Sophie", "Lavoie", "L’Autre école", "Enseignante-ressource"),
    ("mentorat.cote@example.org", "Mathieu", "Côté", "La Marge – école de la rue", "Intervenant psychosocial"),
    ("mentorat.benali@example.org", "Nadia", "Benali", "Centre d’apprentissage intensif", "Conseillère d’orientation"),
    ("mentorat.tremblay@example.org", "Jean-François", "Tremblay", "École Félix-Antoine", "Directeur"),
    ("mentorat.gagnon@example.org", "Émilie", "Gagnon", "Projet Parcours / L’école laboratoire Agora", "Enseignante"),
    ("mentorat.obrien@example.org", "Kevin", "O’Brien", "Cyclochrome", "Coordonnateur pédagogique"),
    ("mentorat.bouchard@example.org", "Julie", "Bouchard", "École Nouvelle-Option Beauce-Nord", "Directrice"),
    ("mentorat.pelletier@example.org", "Marc-André", "Pelletier", "École de mille lieux", "Coordonnateur"),
    ("mentorat.diallo@example.org", "Awa", "Diallo", "L’École de la rue", "Enseignante en francisation"),
    ("mentorat.leblanc@example.org", "Simon", "Leblanc", "École du Courant", "Intervenant jeunesse"),
    ("mentorat.roy@example.org", "Catherine", "Roy", "L’École autrement (Sherbrooke)", "Conseillère en emploi"),
    ("mentorat.nguyen@example.org", "Pierre", "Nguyen", "Créneau Carrefour jeunesse", "Adjoint administratif"),
]

# email: (topics, capacity, format, languages, years in the role, availability, paused)
OFFERS = {
    CAMILLE: (
        ["organisation-management", "school-partnerships", "school-perseverance"],
        3,
        "either",
        ["fr", "en"],
        11,
        "Une heure aux deux semaines, le mardi après-midi.",
        False,
    ),
    "mentorat.lavoie@example.org": (
        ["adapted-teaching", "literacy-and-french"],
        2,
        "remote",
        ["fr", "en"],
        12,
        "",
        False,
    ),
    "mentorat.cote@example.org": (["psychosocial-intervention", "mental-health"], 2, "either", ["fr"], 9, "", False),
    "mentorat.benali@example.org": (
        ["school-perseverance", "socio-professional-integration"],
        1,
        "either",
        ["fr", "en", "ar"],
        7,
        "Le matin, en visioconférence ou à Gatineau.",
        False,
    ),
    "mentorat.tremblay@example.org": (
        ["organisation-management", "funding-and-reporting"],
        1,
        "remote",
        ["fr"],
        20,
        "",
        True,
    ),
    "mentorat.gagnon@example.org": (
        ["adapted-teaching", "prior-learning-recognition"],
        1,
        "in_person",
        ["fr"],
        5,
        "",
        False,
    ),
    "mentorat.obrien@example.org": (["school-perseverance", "addiction"], 2, "either", ["en", "fr"], 6, "", False),
}

# email: (topics, goals, format, languages)
REQUESTS = {
    OLIVIER: (
        ["school-perseverance", "school-partnerships"],
        "Mieux travailler avec le centre de services scolaire pour que nos élèves qui reviennent aux études persévèrent.",
        "either",
        ["fr"],
    ),
    "mentorat.bouchard@example.org": (
        ["organisation-management", "funding-and-reporting"],
        "Je suis nouvelle directrice : préparer notre budget annuel et notre reddition de comptes.",
        "either",
        ["fr"],
    ),
    "mentorat.pelletier@example.org": (
        ["organisation-management", "school-partnerships"],
        "Structurer nos ententes avec les partenaires de la région.",
        "remote",
        ["fr"],
    ),
    "mentorat.diallo@example.org": (
        ["literacy-and-french", "adapted-teaching"],
        "Adapter mes cours de francisation aux adultes peu scolarisés.",
        "remote",
        ["fr"],
    ),
    "mentorat.leblanc@example.org": (
        ["mental-health"],
        "Accompagner des élèves en crise sans m’épuiser.",
        "either",
        ["fr"],
    ),
    "mentorat.roy@example.org": (
        ["socio-professional-integration"],
        "Bâtir des stages en entreprise pour nos élèves.",
        "either",
        ["fr", "en"],
    ),
    "mentorat.nguyen@example.org": (
        ["funding-and-reporting"],
        "Comprendre les programmes de financement et leurs redditions de comptes.",
        "remote",
        ["fr"],
    ),
}

# (mentor, mentee, state, days ago, message with the request)
RELATIONSHIPS = [
    (
        CAMILLE,
        "mentorat.bouchard@example.org",
        State.ACTIVE,
        30,
        "Bonjour Camille, votre expérience de coordination m’aiderait beaucoup pour ma première année.",
    ),
    (
        CAMILLE,
        "mentorat.pelletier@example.org",
        State.REQUESTED,
        2,
        "Bonjour, auriez-vous un peu de temps cet automne?",
    ),
]


def _people(stdout):
    """The demo people by email: the two demo portal accounts and the dozen below, as members."""
    users = {user.email: user for user in get_user_model().objects.filter(email__in=[CAMILLE, OLIVIER])}
    for email, first_name, last_name, school_title, job_title in PEOPLE:
        school = demo_school(school_title)
        if school is None:
            stdout.write(f"mentoring: no school “{school_title}” in the demo directory; {email} left out.")
            continue
        users[email] = ensure_member(email, first_name, last_name, school=school, job_title=job_title)
    return users


def _topics(slugs):
    return list(expertise_model().objects.filter(slug__in=slugs))


def _offers(users):
    for email, (slugs, capacity, format, languages, years, availability, paused) in OFFERS.items():
        if email not in users or MentorOffer.objects.filter(user=users[email]).exists():
            continue
        offer = MentorOffer.objects.create(
            user=users[email],
            capacity=capacity,
            format=format,
            languages=languages,
            years_in_role=years,
            availability=availability,
            paused=paused,
            language="fr",
        )
        offer.topics.set(_topics(slugs))


def _requests(users):
    for email, (slugs, goals, format, languages) in REQUESTS.items():
        if email not in users or MenteeRequest.objects.filter(user=users[email]).exists():
            continue
        request = MenteeRequest.objects.create(
            user=users[email], goals=goals, format=format, languages=languages, language="fr"
        )
        request.topics.set(_topics(slugs))


def _relationships(users):
    now = timezone.now()
    for mentor_email, mentee_email, state, days_ago, message in RELATIONSHIPS:
        mentor, mentee = users.get(mentor_email), users.get(mentee_email)
        if mentor is None or mentee is None or Mentorship.objects.filter(mentor=mentor, mentee=mentee).exists():
            continue
        requested_at = now - timedelta(days=days_ago)
        Mentorship.objects.create(
            mentor=mentor,
            mentee=mentee,
            state=state,
            request_message=message,
            response_message="Avec plaisir! On s’appelle la semaine prochaine?" if state == State.ACTIVE else "",
            goals=mentee.mentee_request.goals,
            requested_at=requested_at,
            expires_at=requested_at + timedelta(days=14),
            answered_at=requested_at + timedelta(days=2) if state == State.ACTIVE else None,
        )


@transaction.atomic
def load(stdout):
    users = _people(stdout)
    if CAMILLE not in users or OLIVIER not in users:
        stdout.write("mentoring: the demo portal accounts are missing; they take no part in mentoring.")
    _offers(users)
    _requests(users)
    _relationships(users)
    stdout.write(
        f"mentoring: {MentorOffer.objects.count()} offers, {MenteeRequest.objects.count()} requests, "
        f"{Mentorship.objects.count()} relationships (demo accounts {CAMILLE} and {OLIVIER} take part)."
    )

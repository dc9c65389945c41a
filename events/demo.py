"""Demo events: the events index and a few events dated from the day the demo is first loaded.

Run by `manage.py load_demo` after home's demo content, whose page helpers it uses. Events are
created once; a later run finds them and leaves their dates alone.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.models import Registration, RegistrationStatus
from home.demo import ensure_pages, find_page, languages

FULL_GATHERING_SEATS = 12
# Fictitious participants (example.org) who fill the small gathering, and two who wait.
FULL_GATHERING_PEOPLE = [
    "Amélie Gagnon",
    "Jérôme Pelletier",
    "Nadia Bouchard",
    "Karim Haddad",
    "Sophie Lavoie",
    "Marc Côté",
    "Isabelle Roy",
    "Thomas Girard",
    "Mélanie Caron",
    "Samuel Dubé",
    "Léa Morin",
    "Patrick Fortin",
    "Chantal Bergeron",
    "Yannick Lévesque",
]


def _at(day, hour, minute=0):
    """An aware datetime `day` at hour:minute, Montréal time (the site's time zone)."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _weekday(day, *, days_needed=1):
    """`day`, or the next day on which an event of `days_needed` days ends by Friday."""
    while day.weekday() > 5 - days_needed:
        day += timedelta(days=1)
    return day


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _heading(text):
    return {"type": "heading", "value": {"text": text}}


# The colloquium's questions: the same block ids in French and English, since answers refer to them.
COLLOQUIUM_DIETARY_ID = "5b0f6a62-4a0e-4f3c-9f1d-1c0c7c9b2a01"
COLLOQUIUM_ACCOMMODATION_ID = "5b0f6a62-4a0e-4f3c-9f1d-1c0c7c9b2a02"
COLLOQUIUM_WORKSHOP_ID = "5b0f6a62-4a0e-4f3c-9f1d-1c0c7c9b2a03"
GATHERING_DIETARY_ID = "5b0f6a62-4a0e-4f3c-9f1d-1c0c7c9b2a04"


def _question(kind, block_id, **value):
    return {"type": kind, "id": block_id, "value": {"label": "", "help_text": "", "required": False, **value}}


def _item(day, starts_at, ends_at, title, speakers="", room=""):
    return {
        "type": "item",
        "value": {
            "day": day.isoformat(),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "title": title,
            "speakers": speakers,
            "room": room,
            "description": "",
        },
    }


def _speaker(name, role, biography):
    return {"type": "speaker", "value": {"name": name, "role": role, "biography": biography, "photo": None}}


def _colloquium_programme(first, second, language):
    """The two days of the colloquium, in `language` ("fr" or "en")."""
    fr = language == "fr"
    return [
        _item(first, "08:30", "09:00", "Accueil et inscription" if fr else "Welcome and check-in", room="Hall"),
        _item(
            first,
            "09:00",
            "10:15",
            "Conférence d'ouverture : la reconnaissance des MAS"
            if fr
            else "Opening talk: government recognition of the MAS",
            "Direction générale de l'AMASQ" if fr else "AMASQ's executive director",
            "Salle 200" if fr else "Room 200",
        ),
        _item(
            first,
            "10:30",
            "12:00",
            "Atelier : accueillir les jeunes de 16 ans" if fr else "Workshop: welcoming 16-year-olds",
            room="Salle 204" if fr else "Room 204",
        ),
        _item(first, "12:00", "13:15", "Dîner" if fr else "Lunch", room="Hall"),
        _item(
            first,
            "13:30",
            "15:00",
            "Résultats de la recherche sur l'impact social et économique des MAS"
            if fr
            else "Findings of the study on the social and economic impact of the MAS",
            "Équipe de recherche" if fr else "Research team",
            "Salle 200" if fr else "Room 200",
        ),
        _item(
            second,
            "09:00",
            "10:30",
            "Atelier : les partenariats avec les centres de services scolaires (mesure 15168)"
            if fr
            else "Workshop: partnerships with school service centres (measure 15168)",
            room="Salle 204" if fr else "Room 204",
        ),
        _item(
            second,
            "10:45",
            "12:00",
            "Atelier : le mentorat entre pairs" if fr else "Workshop: peer mentoring",
            room="Salle 206" if fr else "Room 206",
        ),
        _item(
            second,
            "13:30",
            "16:00",
            "Plénière et clôture" if fr else "Plenary and closing",
            room="Salle 200" if fr else "Room 200",
        ),
    ]


def _colloquium_questions(language):
    fr = language == "fr"
    return [
        _question("dietary", COLLOQUIUM_DIETARY_ID),
        _question("accommodation", COLLOQUIUM_ACCOMMODATION_ID),
        _question(
            "choice",
            COLLOQUIUM_WORKSHOP_ID,
            label="Quel atelier du deuxième jour choisissez-vous?"
            if fr
            else "Which second-day workshop do you choose?",
            help_text="Les places sont limitées dans chaque salle." if fr else "Seats are limited in each room.",
            required=True,
            options=(
                ["Partenariats avec les centres de services scolaires", "Mentorat entre pairs"]
                if fr
                else ["Partnerships with school service centres", "Peer mentoring"]
            ),
        ),
    ]


def page_specs(today):
    """The events pages, in the format of home.demo's page specs."""
    webinar = _weekday(today + timedelta(days=10))
    gathering = _weekday(today + timedelta(days=30))
    full_gathering = _weekday(today + timedelta(days=45))
    colloquium = _weekday(today + timedelta(days=90), days_needed=2)
    past = _weekday(today - timedelta(days=40))
    return [
        {
            "key": "events",
            "type": "events.EventIndexPage",
            "parent": "home",
            "after": "news",
            "in_menu": True,
            "fr": {
                "title": "Événements",
                "slug": "evenements",
                "search_description": "Webinaires, rassemblements des membres et colloque national : les activités de l'AMASQ.",
                "intro": "Webinaires, rassemblements régionaux et colloque national : les activités de l'AMASQ pour les écoles membres et leurs partenaires.",
            },
            "en": {
                "title": "Events",
                "slug": "events",
                "search_description": "Webinars, member gatherings and the national colloquium: AMASQ's activities.",
                "intro": "Webinars, regional gatherings and the national colloquium: AMASQ's activities for member schools and their partners.",
            },
        },
        {
            "key": "event-mentoring-webinar",
            "type": "events.EventPage",
            "parent": "events",
            "fields": {
                "start": _at(webinar, 13, 30),
                "end": _at(webinar, 15),
                "image": "pair",
                "kind": "webinar",
                "audience": "public",
                "online": True,
                "meeting_link": "https://meet.example.org/amasq-mentorat",
                "capacity": 100,
            },
            "fr": {
                "title": "Webinaire : le mentorat entre pairs dans les MAS",
                "slug": "webinaire-mentorat-entre-pairs",
                "search_description": "Webinaire de l'AMASQ sur son programme de mentorat entre pairs pour le personnel des écoles membres.",
                "venue": "En ligne",
                "summary": "Une heure et demie pour découvrir le programme de mentorat de l'AMASQ : à qui il s'adresse, comment trouver une ou un mentor et comment se déroule un jumelage.",
                "body": [
                    _paragraph(
                        "<p>Gestionnaires, enseignantes et enseignants, intervenantes et intervenants : ce webinaire présente le programme de mentorat entre pairs prévu au plan d'action 2022-2025.</p>"
                    ),
                    _heading("Au programme"),
                    _paragraph(
                        "<ul><li>Pourquoi un programme de mentorat dans le réseau des MAS</li><li>Offrir ou demander du mentorat depuis le portail des membres</li><li>Les étapes d'un jumelage, de la première rencontre au bilan</li><li>Période de questions</li></ul>"
                    ),
                ],
            },
            "en": {
                "title": "Webinar: peer mentoring in the MAS",
                "slug": "peer-mentoring-webinar",
                "search_description": "AMASQ webinar on its peer mentoring programme for member school staff.",
                "venue": "Online",
                "summary": "Ninety minutes to discover AMASQ's mentoring programme: who it is for, how to find a mentor and how a pairing unfolds.",
                "body": [
                    _paragraph(
                        "<p>Managers, teachers and support workers: this webinar presents the peer mentoring programme set out in the 2022–2025 action plan.</p>"
                    ),
                    _heading("Programme"),
                    _paragraph(
                        "<ul><li>Why a mentoring programme in the MAS network</li><li>Offering or asking for mentoring from the members' portal</li><li>The steps of a pairing, from the first meeting to the review</li><li>Questions</li></ul>"
                    ),
                ],
            },
        },
        {
            "key": "event-regional-gathering",
            "type": "events.EventPage",
            "parent": "events",
            "fields": {
                "start": _at(gathering, 9, 30),
                "end": _at(gathering, 15, 30),
                "image": "gathering",
                "kind": "gathering",
                "audience": "members",
                "capacity": 40,
                "seats_per_school": 4,
                "region": "06",
                "contact_name": "Équipe de l'AMASQ",
                "contact_email": "evenements@example.org",
            },
            "fr": {
                "title": "Rassemblement régional des membres à Montréal",
                "slug": "rassemblement-regional-montreal",
                "search_description": "Journée d'échanges de l'AMASQ pour le personnel des écoles membres de la région de Montréal.",
                "venue": "Montréal",
                "address": "Adresse transmise aux personnes inscrites",
                "summary": "Une journée d'échanges pour les gestionnaires, les enseignants et les intervenants des écoles membres de la région de Montréal : bons coups, défis et pratiques de raccrochage.",
                "questions": [_question("dietary", GATHERING_DIETARY_ID, help_text="Le dîner est servi sur place.")],
                "body": [
                    _paragraph(
                        "<p>Les rassemblements des membres permettent au personnel des MAS de se rencontrer, de comparer leurs façons de faire et de repartir avec des idées concrètes. Celui-ci réunit les écoles membres de la région de Montréal.</p>"
                    ),
                    _heading("Au programme"),
                    _paragraph(
                        "<ul><li>Tour de table : les bons coups et les défis de l'année</li><li>Atelier : relancer les élèves qui ont quitté l'école, à partir des pratiques présentées autour de la mesure 15168</li><li>Dîner partagé et réseautage</li><li>Atelier : travailler avec les partenaires du milieu</li></ul>"
                    ),
                ],
            },
            "en": {
                "title": "Regional member gathering in Montréal",
                "slug": "regional-gathering-montreal",
                "search_description": "An AMASQ day of exchanges for staff of member schools in the Montréal region.",
                "venue": "Montréal",
                "address": "Address sent to registered participants",
                "summary": "A day of exchanges for managers, teachers and support workers from member schools in the Montréal region: successes, challenges and re-engagement practices.",
                "questions": [_question("dietary", GATHERING_DIETARY_ID, help_text="Lunch is served on site.")],
                "body": [
                    _paragraph(
                        "<p>Member gatherings let MAS staff meet, compare their ways of working and leave with practical ideas. This one brings together member schools from the Montréal region.</p>"
                    ),
                    _heading("Programme"),
                    _paragraph(
                        "<ul><li>Round table: the year's successes and challenges</li><li>Workshop: reaching out to students who left school, drawing on the practices presented around measure 15168</li><li>Shared lunch and networking</li><li>Workshop: working with local partners</li></ul>"
                    ),
                ],
            },
        },
        {
            # Full, with people waiting: what a member sees when a gathering is sold out.
            "key": "event-psychosocial-gathering",
            "type": "events.EventPage",
            "parent": "events",
            "fields": {
                "start": _at(full_gathering, 9, 0),
                "end": _at(full_gathering, 16, 0),
                "image": "gathering",
                "kind": "gathering",
                "audience": "members",
                "capacity": FULL_GATHERING_SEATS,
                "waitlist": True,
                "region": "03",
            },
            "fr": {
                "title": "Rassemblement des intervenantes et intervenants psychosociaux",
                "slug": "rassemblement-intervenants-psychosociaux",
                "search_description": "Une journée entre intervenants psychosociaux des écoles membres de l'AMASQ, à Québec.",
                "venue": "Québec",
                "address": "Adresse transmise aux personnes inscrites",
                "summary": "Une journée en petit groupe pour les intervenantes et intervenants psychosociaux des écoles membres : études de cas, accompagnement des jeunes de 16 ans et partenariats avec le réseau de la santé.",
                "body": [
                    _paragraph(
                        "<p>Le groupe est volontairement restreint pour laisser place aux échanges. Lorsque toutes les places sont prises, inscrivez-vous sur la liste d'attente : une place libérée est offerte par courriel, dans l'ordre des inscriptions.</p>"
                    ),
                ],
            },
            "en": {
                "title": "Gathering of psychosocial support workers",
                "slug": "psychosocial-support-gathering",
                "search_description": "A day among psychosocial support workers of AMASQ member schools, in Québec City.",
                "venue": "Québec",
                "address": "Address sent to registered participants",
                "summary": "A day in a small group for psychosocial support workers of member schools: case studies, supporting 16-year-olds and partnerships with the health network.",
                "body": [
                    _paragraph(
                        "<p>The group is kept small to leave room for discussion. When every seat is taken, join the waitlist: a freed seat is offered by email, in the order people registered.</p>"
                    ),
                ],
            },
        },
        {
            "key": "event-national-colloquium",
            "type": "events.EventPage",
            "parent": "events",
            "fields": {
                "start": _at(colloquium, 8, 30),
                "end": _at(colloquium + timedelta(days=1), 16, 30),
                "image": "horizon",
                "kind": "colloquium",
                "audience": "public",
                "capacity": 250,
                "seats_per_school": 10,
                "region": "03",
                "address": "1000, boulevard René-Lévesque Est, Québec (Québec)  G1R 5T8",
                "contact_name": "Équipe de l'AMASQ",
                "contact_email": "colloque@example.org",
                "contact_phone": "418 555-0100",
            },
            "fr": {
                "title": "Colloque national des milieux adaptés de scolarisation",
                "slug": "colloque-national",
                "search_description": "Deux jours de conférences et d'ateliers pour le réseau des milieux adaptés de scolarisation du Québec.",
                "summary": "Deux jours pour réunir le réseau des MAS : conférences, ateliers de pratique et rencontres entre les écoles membres et leurs partenaires.",
                "body": [
                    _paragraph(
                        "<p>Le colloque national est le grand rendez-vous annuel du réseau. Il s'adresse au personnel des écoles membres, à leurs partenaires du réseau de l'éducation et du milieu communautaire, et à toute personne qui s'intéresse au raccrochage scolaire des adultes.</p>"
                    ),
                    _heading("Thèmes"),
                    _paragraph(
                        "<ul><li>La reconnaissance des MAS par le gouvernement</li><li>Les résultats de la recherche longitudinale sur l'impact social et économique des MAS</li><li>Les partenariats de raccrochage avec les centres de services scolaires</li><li>Le mentorat entre pairs</li></ul>"
                    ),
                ],
                "venue": "Centre des congrès de Québec",
                "venue_accessibility": "Entrée principale sans marche, ascenseurs vers toutes les salles, toilettes accessibles à chaque étage. Stationnement intérieur avec places réservées. Une salle calme est ouverte pendant les deux jours.",
                "programme": _colloquium_programme(colloquium, colloquium + timedelta(days=1), "fr"),
                "speakers": [
                    _speaker(
                        "Claire Fontaine",
                        "Chercheuse, recherche longitudinale sur les MAS",
                        "Elle présente les résultats de l'étude sur l'impact social et économique des milieux adaptés de scolarisation.",
                    ),
                    _speaker(
                        "Olivier Bernier",
                        "Directeur d'une école membre",
                        "Il anime l'atelier sur les partenariats avec les centres de services scolaires.",
                    ),
                ],
                "questions": _colloquium_questions("fr"),
            },
            "en": {
                "title": "National colloquium of adapted schooling settings",
                "slug": "national-colloquium",
                "search_description": "Two days of talks and workshops for Quebec's network of adapted schooling settings.",
                "summary": "Two days that bring the MAS network together: talks, practice workshops and meetings between member schools and their partners.",
                "body": [
                    _paragraph(
                        "<p>The national colloquium is the network's main yearly event. It is open to member school staff, their partners in education and in the community, and anyone interested in helping adults return to school.</p>"
                    ),
                    _heading("Themes"),
                    _paragraph(
                        "<ul><li>Government recognition of the MAS</li><li>Results of the longitudinal study of the social and economic impact of the MAS</li><li>Re-engagement partnerships with school service centres</li><li>Peer mentoring</li></ul>"
                    ),
                ],
                "venue": "Québec City Convention Centre",
                "venue_accessibility": "Step-free main entrance, lifts to every room, accessible toilets on every floor. Indoor parking with reserved spaces. A quiet room is open on both days.",
                "programme": _colloquium_programme(colloquium, colloquium + timedelta(days=1), "en"),
                "speakers": [
                    _speaker(
                        "Claire Fontaine",
                        "Researcher, longitudinal study of the MAS",
                        "She presents the findings of the study on the social and economic impact of adapted schooling settings.",
                    ),
                    _speaker(
                        "Olivier Bernier",
                        "Principal of a member school",
                        "He leads the workshop on partnerships with school service centres.",
                    ),
                ],
                "questions": _colloquium_questions("en"),
            },
        },
        {
            "key": "event-measure-15168-webinar",
            "type": "events.EventPage",
            "parent": "events",
            "fields": {
                "start": _at(past, 10),
                "end": _at(past, 11, 30),
                "image": "paths",
                "kind": "webinar",
                "online": True,
            },
            "fr": {
                "title": "Webinaire : trois modèles de partenariat pour le raccrochage scolaire",
                "slug": "webinaire-partenariats-raccrochage",
                "search_description": "Retour sur le webinaire de l'AMASQ consacré aux modèles de déploiement de la mesure 15168.",
                "venue": "En ligne",
                "summary": "Retour sur trois façons de déployer la mesure 15168 dans les centres de services scolaires, et sur ce que les MAS peuvent en tirer.",
                "body": [
                    _paragraph(
                        "<p>Ce webinaire a présenté les modèles de déploiement de la mesure 15168 de trois centres de services scolaires : relance des élèves qui ont quitté l'école, réseaux de partenaires et projets pour garder les élèves en formation.</p>"
                    ),
                    _paragraph(
                        '<p>Pour l\'essentiel, lisez notre nouvelle <a linktype="page" id="page:news-measure-15168">Raccrochage scolaire : trois façons de déployer la mesure 15168</a>.</p>'
                    ),
                ],
            },
            "en": {
                "title": "Webinar: three partnership models for school re-engagement",
                "slug": "re-engagement-partnerships-webinar",
                "search_description": "A look back at AMASQ's webinar on the deployment models of measure 15168.",
                "venue": "Online",
                "summary": "A look back at three ways school service centres deploy measure 15168, and what the MAS can take from them.",
                "body": [
                    _paragraph(
                        "<p>This webinar presented how three school service centres deploy measure 15168: reaching out to students who left school, partner networks and projects that keep students in training.</p>"
                    ),
                    _paragraph(
                        '<p>For the key points, read our news item <a linktype="page" id="page:news-measure-15168">Re-engaging students: three ways to deploy measure 15168</a>.</p>'
                    ),
                ],
            },
        },
    ]


def load(stdout):
    if find_page("home", languages()[0]) is None:
        stdout.write("events: no demo home page to hang the events under; left out.")
        return
    specs = page_specs(timezone.localdate())
    created = ensure_pages(specs)
    _fill_the_full_gathering()
    stdout.write(
        f"events: {len(created)} pages created, {len(specs) * len(languages()) - len(created)} already there."
    )


def _fill_the_full_gathering():
    """Confirmed registrations for every seat of the small gathering, then a waitlist; once."""
    event = find_page("event-psychosocial-gathering", languages()[0])
    if event is None or Registration.objects.filter(event=event).exists():
        return
    for number, name in enumerate(FULL_GATHERING_PEOPLE):
        Registration.objects.create(
            event=event,
            name=name,
            email=f"participant{number + 1}@example.org",
            language="fr",
            status=RegistrationStatus.CONFIRMED if number < FULL_GATHERING_SEATS else RegistrationStatus.WAITLISTED,
            created_at=timezone.now() - timedelta(days=len(FULL_GATHERING_PEOPLE) - number),
        )

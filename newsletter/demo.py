"""Demo newsletter: the newsletter page (signup and archive) and one published issue in both
languages; the demo portal accounts get members' news through their membership.

Run by `manage.py load_demo` after the events' demo content, whose pages the issue features."""

from django.contrib.auth import get_user_model

from home.demo import ensure_pages, find_page, languages
from members.public import is_member
from newsletter.services import subscribe_member


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def page_specs():
    return [
        {
            "key": "newsletter",
            "type": "newsletter.NewsletterIndexPage",
            "parent": "home",
            "after": "events",
            "in_menu": False,
            "fr": {
                "title": "Infolettre",
                "slug": "infolettre",
                "search_description": "Abonnez-vous à l'infolettre de l'AMASQ et relisez les numéros parus.",
                "intro": "Les nouvelles du réseau des milieux adaptés de scolarisation, quelques fois par année, dans votre boîte de courriel.",
            },
            "en": {
                "title": "Newsletter",
                "slug": "newsletter",
                "search_description": "Subscribe to the AMASQ newsletter and read past issues.",
                "intro": "News from the network of adapted schooling settings, a few times a year, in your inbox.",
            },
        },
        {
            "key": "newsletter-autumn",
            "type": "newsletter.NewsletterPage",
            "parent": "newsletter",
            "fr": {
                "title": "Infolettre de l'automne",
                "slug": "infolettre-automne",
                "subject": "L'infolettre de l'AMASQ : le colloque national approche",
                "preheader": "Inscriptions ouvertes, mentorat entre pairs et nouvelles du réseau.",
                "body": [
                    _paragraph(
                        "<p>Bonjour! Voici les nouvelles du réseau des milieux adaptés de scolarisation pour cet automne.</p>"
                    ),
                    {"type": "heading", "value": {"text": "Le colloque national"}},
                    _paragraph(
                        "<p>Les inscriptions au colloque national sont ouvertes : deux jours de conférences et d'ateliers à Québec.</p>"
                    ),
                    {
                        "type": "button",
                        "value": {
                            "label": "Voir le programme",
                            "link": {"page": "event-national-colloquium", "url": ""},
                        },
                    },
                ],
            },
            "en": {
                "title": "Autumn newsletter",
                "slug": "autumn-newsletter",
                "subject": "The AMASQ newsletter: the national colloquium is coming",
                "preheader": "Registration open, peer mentoring and news from the network.",
                "body": [
                    _paragraph(
                        "<p>Hello! Here is the news from the network of adapted schooling settings this autumn.</p>"
                    ),
                    {"type": "heading", "value": {"text": "The national colloquium"}},
                    _paragraph(
                        "<p>Registration for the national colloquium is open: two days of talks and workshops in Québec City.</p>"
                    ),
                    {
                        "type": "button",
                        "value": {
                            "label": "See the programme",
                            "link": {"page": "event-national-colloquium", "url": ""},
                        },
                    },
                ],
            },
        },
    ]


def load(stdout):
    if find_page("home", languages()[0]) is None:
        stdout.write("newsletter: no demo home page; left out.")
        return
    specs = page_specs()
    created = ensure_pages(specs)
    members = [user for user in get_user_model().objects.filter(is_active=True) if is_member(user)]
    for user in members:
        subscribe_member(user)
    stdout.write(f"newsletter: {len(created)} pages created; {len(members)} members get the members' news.")

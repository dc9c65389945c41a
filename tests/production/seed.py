"""Seeds the end-to-end test's database (run by tests/production/test_end_to_end.py, under the
production settings): a home page, an event open to guests, a published newsletter issue with
one subscriber, and an AMASQ staff account with two-factor. Prints the ids the test needs."""

import datetime
import json
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from newsletter.models import MailingList, NewsletterIndexPage, NewsletterPage, Subscriber, Subscription  # noqa: E402
from tests.factories.accounts import make_staff  # noqa: E402
from tests.factories.events import EventIndexPageFactory, EventPageFactory  # noqa: E402
from tests.factories.home import HomePageFactory  # noqa: E402

root = Page.get_first_root_node()
Site.objects.all().delete()
for child in root.get_children():
    child.delete()
home = HomePageFactory(parent=root, locale=Locale.objects.get(language_code="fr"), title="Accueil", slug="accueil")
Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="AMASQ")
events = EventIndexPageFactory(parent=home, title="Événements", slug="evenements")
event = EventPageFactory(
    parent=events, title="Colloque", start=timezone.now() + datetime.timedelta(days=30), capacity=5
)
newsletters = home.add_child(instance=NewsletterIndexPage(title="Infolettre", slug="infolettre"))
issue = newsletters.add_child(
    instance=NewsletterPage(
        title="Infolettre de décembre",
        slug="decembre",
        subject="Les nouvelles de décembre",
        body=json.dumps([{"type": "paragraph", "value": "<p>Bonjour à toutes et à tous.</p>"}]),
    )
)
issue.save_revision().publish()
public = MailingList.objects.get(key="public")
subscriber = Subscriber.objects.create(email="abonnee@example.org", language="fr")
Subscription.objects.create(subscriber=subscriber, mailing_list=public, status="active", basis="express")
staff = make_staff(email="equipe@example.org")
sys.stdout.write(json.dumps({"event_id": event.pk, "issue_id": issue.pk, "public_list": public.pk}))

import sys
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from wagtail.models import Page
from wagtail.search import index

# The apps' dependency direction, lowest first (members builds on home; events, resources and
# newsletter on both): an app's demo content may rest on the content of the apps before it
# (events hang under the home page, for instance), never on the apps after it.
ORDER = ["home", "members", "events", "resources", "newsletter"]


def demo_modules():
    """Every installed app's `demo` module, lower apps first; apps outside ORDER come last."""
    autodiscover_modules("demo")
    found = [
        (config.label, module)
        for config in apps.get_app_configs()
        if hasattr(module := sys.modules.get(f"{config.name}.demo"), "load")
    ]
    found.sort(key=lambda item: ORDER.index(item[0]) if item[0] in ORDER else len(ORDER))
    return [module for _label, module in found]


class Command(BaseCommand):
    help = "Build the bilingual demo site (pages, images, documents). Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        started = time.monotonic()
        last_page = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with transaction.atomic():
            for module in demo_modules():
                module.load(self.stdout)
            new_pages = Page.objects.filter(pk__gt=last_page).specific()
            # Wagtail queues index updates for the task worker; index the new pages now as well,
            # so that search finds them even before the worker has run.
            for page in new_pages:
                index.insert_or_update_object(page)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(new_pages)} new pages ({elapsed:.1f} s)."))

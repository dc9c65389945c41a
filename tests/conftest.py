import io
import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.utils import translation
from pytest_django.plugin import blocking_manager_key, validate_django_db
from wagtail.models import Locale, Page, Site

from home.caching import forget_generation, forget_locales
from home.models import SiteSettings
from tests.factories.home import HomePageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters, Wagtail's cached site roots, the layout and locales live in the caches
    (home/caching.py): start each test without them."""
    for cache in caches.all():
        cache.clear()
    forget_generation()
    forget_locales()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /en/ leaves English active in the test thread: start each test in French."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def french_locale(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def english_locale(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def translate(english_locale):
    """Publish a translation of a page: translate(page, title="…") copies it to English by default."""

    def copy_and_publish(page, locale=english_locale, **fields):
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    return copy_and_publish


@pytest.fixture
def home_page(french_locale, translate):
    """root → French HomePage (the default Site's root) and its live English translation."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        # Wagtail's migrations leave a "Welcome" page that is not part of this site.
        page.delete()
    home = HomePageFactory(
        parent=root,
        locale=french_locale,
        title="Accueil",
        slug="accueil",
        hero_title="Raccrocher les adultes à l’école",
    )
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="AMASQ")
    # As on a running site, where the first page shown created them: a first visit would write
    # the row and start a new content generation, and a query count measured next would be cold.
    SiteSettings.objects.get_or_create(site=site)
    translate(home, title="Home", hero_title="Bringing adults back to school")
    return home


@pytest.fixture
def english_home_page(home_page, english_locale):
    return home_page.get_translation(english_locale)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test database's connection as pytest-django set it up (see tests/e2e/conftest.py)."""
    return connections["default"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once a transactional test's database is flushed (its teardown), put back what the migrations
    wrote (locales, the root page, groups, mailing lists…), committed, so that a test run after it
    in its own transaction finds them. pytest-django orders transactional tests last in a process,
    but pytest-xdist (`make test`) hands each process its modules as they come, and no test should
    depend on the order."""
    result = yield
    serialized = getattr(connection, "_test_serialized_contents", None)
    # After the last test, the session's teardown has dropped the test database: nothing to restore.
    if serialized and nextitem is not None and _is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            if not Locale.objects.exists():
                connection.creation.deserialize_db_from_string(serialized)
    return result


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        or (marker and validate_django_db(marker)[0])  # (transaction, reset_sequences, …)
    )


@pytest.fixture(scope="session")
def _demo_snapshot():
    return {}


@pytest.fixture
def demo_content(transactional_db, django_db_serialized_rollback, _demo_snapshot):
    """The bilingual demo site, committed so that a live server thread sees it.

    Serialized rollback puts back what the migrations wrote (locales, root page, default site)
    after an earlier transactional test flushed the database. load_demo runs once a session;
    later tests restore the rows it wrote from a snapshot, several times faster.
    """
    if "rows" in _demo_snapshot:
        connection.creation.deserialize_db_from_string(_demo_snapshot["rows"])
    else:
        call_command("load_demo", stdout=io.StringIO())
        _demo_snapshot["rows"] = connection.creation.serialize_db_to_string()


@dataclass
class SmtpSink:
    """An aiosmtpd handler that keeps every message it receives."""

    host: str = "127.0.0.1"
    port: int = 0
    messages: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    # Set to a number to have the server refuse every message past it with a 421 (try later).
    refuse_after: int | None = None
    # Addresses the server refuses for good (550: no such mailbox).
    unknown_addresses: set = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.unknown_addresses:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_after is not None and len(self.messages) >= self.refuse_after:
            return "421 Service not available, try again later"
        self.recipients.append(list(envelope.rcpt_tos))
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; Django's SMTP backend sends to it for this test."""
    sink = SmtpSink(port=_free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": sink.host, "port": sink.port, "timeout": 10},
        }
    }
    yield sink
    controller.stop()

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The whole demo, loaded twice (the second run must add nothing) once for the package, not once
    a test: it takes most of a minute. Each test still runs in its own savepoint (pytest-django's
    `db`), nested in the transaction that holds the demo, which is rolled back after the package."""
    with django_db_blocker.unblock():
        holding = transaction.atomic()
        holding.__enter__()
        try:
            first, second = io.StringIO(), io.StringIO()
            call_command("load_demo", stdout=first)
            call_command("load_demo", stdout=second)
            yield {"first": first.getvalue(), "second": second.getvalue()}
        finally:
            transaction.set_rollback(True)
            holding.__exit__(None, None, None)

"""Two coordinators of a school demoting or deactivating each other at the same moment leave one
of them coordinator: the second change waits for the first to commit, then sees it.

Transactional tests on real connections (one per thread), as two gunicorn workers would be.
"""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from members.models import MemberRole, Membership
from members.services import accounts
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ACTIONS = {
    "demote": lambda person, by: accounts.change_member_role(person, MemberRole.STAFF, by=by),
    "deactivate": lambda person, by: accounts.deactivate_member(person, by=by),
}


def in_thread(action, person, by, outcomes, name):
    def run():
        try:
            ACTIONS[action](person, by)
            outcomes[name] = "done"
        except PermissionDenied:
            outcomes[name] = "refused"
        finally:
            connection.close()

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


@pytest.mark.parametrize("action", ACTIONS)
def test_two_coordinators_acting_on_each_other_at_once_leave_one(schools, monkeypatch, action):
    school = schools["levis"]
    ana = make_member(school, role=MemberRole.COORDINATOR, email="ana@example.org")
    ben = make_member(school, role=MemberRole.COORDINATOR, email="ben@example.org")
    # The first change stops just before it commits (its audit entry is its last write).
    first_wrote, first_may_commit = threading.Event(), threading.Event()
    real_log = accounts.log

    def log_then_wait(*args, **kwargs):
        real_log(*args, **kwargs)
        if threading.current_thread().name == "first":
            first_wrote.set()
            first_may_commit.wait(timeout=10)

    monkeypatch.setattr(accounts, "log", log_then_wait)
    outcomes = {}

    first = in_thread(action, ana, ben, outcomes, "first")
    assert first_wrote.wait(timeout=10)
    second = in_thread(action, ben, ana, outcomes, "second")
    second.join(timeout=1)
    waited = second.is_alive()
    first_may_commit.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert waited, "the second change did not wait for the first"
    assert outcomes == {"first": "done", "second": "refused"}
    active_coordinators = Membership.objects.filter(
        school=school, role=MemberRole.COORDINATOR, user__is_active=True
    ).values_list("user__email", flat=True)
    assert list(active_coordinators) == ["ben@example.org"]

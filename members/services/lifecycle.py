"""What the apps above `members` need to follow a person's life in the portal, without
`members` importing them (they stand on it): signals when someone becomes or stops being a
member, and a registry of the personal data each app keeps, for the Law 25 export and deletion.

Mentoring closes a departing member's relationships on `membership_ended`; the newsletter
subscribes members to the members' list on `membership_started` and drops them on
`membership_ended`; each registers what it keeps about a person:

    from members.public import PersonalData, membership_ended, register_personal_data

    @register_personal_data
    def mentoring_data():
        return PersonalData(key="mentoring", export=export_mentoring, erase=erase_mentoring)

Receivers run inside the transaction that changed the membership: what they write commits or
rolls back with it, and what they send (email) goes through `transaction.on_commit`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.dispatch import Signal
from wagtail import hooks

# Sent with `user` when a person becomes a member of a school: invitation accepted, account
# reactivated, moved into a school.
membership_started = Signal()
# Sent with `user` and `reason` ("deactivated" or "deleted") when a person stops being a member;
# for "deleted", before the account's rows are deleted, so receivers can still read them.
membership_ended = Signal()

HOOK_NAME = "register_member_personal_data"


@dataclass(frozen=True)
class PersonalData:
    """What one app keeps about a person. `export(user)` returns JSON-ready data, shown under
    `key` in the person's export; `erase(user)` deletes or anonymises it, inside the deletion's
    transaction, before the account itself is deleted."""

    key: str
    export: Callable
    erase: Callable


def register_personal_data(fn):
    """Register `fn` (no arguments → PersonalData); use as a decorator in the app's wagtail_hooks.py."""
    hooks.register(HOOK_NAME, fn)
    return fn


def registered_personal_data():
    return sorted((register() for register in hooks.get_hooks(HOOK_NAME)), key=lambda source: source.key)

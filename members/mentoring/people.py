"""What mentoring reads about people from `members` without importing its modules (only
`members.public` may be imported): their school, region and names, through the ORM relations
of the user model; the expertise terms and region names, from `members.public`.

One place, so that a change in members' models shows up here and nowhere else in mentoring.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from wagtail.models import Locale

from members.public import REGION_CHOICES, Expertise


def expertise_model():
    """The shared expertise term base of profiles: mentoring's topics."""
    return Expertise


def region_names():
    """{code: name} of Quebec's administrative regions (the same in French and English)."""
    return dict(REGION_CHOICES)


def region_expression(prefix="user__"):
    """The region a person set on their profile, or else their school's (as MemberProfile
    .effective_region computes it), for `annotate`/`values` on a model with a user key."""
    return Coalesce(
        NullIf(F(f"{prefix}member_profile__region"), Value("")),
        F(f"{prefix}membership__school__region"),
        Value(""),
    )


def school_id_of(user):
    membership = getattr(user, "membership", None)
    return membership.school_id if membership else None


def school_title_of(user):
    membership = getattr(user, "membership", None)
    return membership.school.title if membership and membership.school_id else ""


def region_of(user):
    profile = getattr(user, "member_profile", None)
    if profile is not None and profile.region:
        return profile.region
    membership = getattr(user, "membership", None)
    return membership.school.region if membership and membership.school_id else ""


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def language_of(user):
    """The language to write to `user` in: the portal's language when they last saved their
    offer or request (an offer first), else the site's default."""
    for related in ("mentor_offer", "mentee_request"):
        participation = getattr(user, related, None) if user is not None else None
        if participation is not None:
            return participation.language
    return settings.LANGUAGE_CODE


# Demo content (members/mentoring/demo.py) --------------------------------------------------


def demo_school(title):
    """The demo directory's school called `title`, in the default language, or None."""
    return apps.get_model("members", "MASPage").objects.filter(locale=Locale.get_default(), title=title).first()


def ensure_member(email, first_name, last_name, *, school, job_title):
    """A fictitious member of `school` (created once, no password: they never sign in), with a
    profile that is not listed in the members directory."""
    user, created = get_user_model().objects.get_or_create(
        email=email,
        defaults={"username": email.split("@")[0], "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    apps.get_model("members", "Membership").objects.get_or_create(user=user, defaults={"school": school})
    apps.get_model("members", "MemberProfile").objects.get_or_create(user=user, defaults={"job_title": job_title})
    return user

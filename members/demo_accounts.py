"""Demo accounts for the member portal: a coordinator and a staff member at schools of the demo
directory, and an AMASQ staff account. Role addresses at example.org, fictitious people, one
known demo password (printed). Idempotent; load() is called by members/demo.py after the
directory exists.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from members.models import (
    SHAREABLE_FIELDS,
    ConsentPurpose,
    ConsentRecord,
    Expertise,
    MASPage,
    MemberProfile,
    MemberRole,
    Membership,
)
from members.models.profiles import CONSENT_TEXT_VERSIONS
from members.services.staff_setup import ensure_staff_group_and_workflow

DEMO_PASSWORD = "demo-portail-amasq"  # noqa: S105 (published demo password, printed by load_demo)

# (email, first name, last name, school or None for AMASQ staff, role, job title, expertise, bio)
ACCOUNTS = [
    (
        "coordination.levis@example.org",
        "Camille",
        "Fortin",
        "École du milieu de Lévis",
        MemberRole.COORDINATOR,
        "Coordonnatrice",
        ["organisation-management", "school-partnerships"],
        "Coordonne l’école depuis 2015. Compte de démonstration.",
    ),
    (
        "enseignement.lasalle@example.org",
        "Olivier",
        "Bergeron",
        "École du milieu LaSalle",
        MemberRole.STAFF,
        "Enseignant en mathématiques",
        ["adapted-teaching", "school-perseverance"],
        "Enseigne les mathématiques aux adultes de 16 à 25 ans. Compte de démonstration.",
    ),
    ("equipe@example.org", "Équipe", "AMASQ", None, None, "Équipe de l’AMASQ", [], ""),
]


def _school(title):
    return MASPage.objects.filter(locale=Locale.get_default(), title=title).first()


@transaction.atomic
def _account(email, first_name, last_name):
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        user = get_user_model().objects.create_user(
            username=email.split("@")[0], email=email, first_name=first_name, last_name=last_name
        )
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load(stdout):
    group = ensure_staff_group_and_workflow(apps)
    created = []
    for email, first_name, last_name, school_title, role, job_title, expertise, bio in ACCOUNTS:
        school = _school(school_title) if school_title else None
        if school_title and school is None:
            stdout.write(f"members: no school “{school_title}” in the directory; demo account {email} skipped.")
            continue
        user = _account(email, first_name, last_name)
        profile, _created = MemberProfile.objects.get_or_create(user=user, defaults={"job_title": job_title})
        if school is None:
            user.groups.add(group)
            # Staff powers need two-factor (in the admin and the portal alike); an authenticator
            # whose codes `make mfa-code` prints lets anyone try them without a phone.
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, generate_totp_secret())
        else:
            Membership.objects.update_or_create(user=user, defaults={"school": school, "role": role})
            profile.bio = bio
            profile.listed = True
            for name in SHAREABLE_FIELDS:
                setattr(profile, f"show_{name}", name != "email")
            profile.save()
            profile.expertise.set(Expertise.objects.filter(slug__in=expertise))
            if not ConsentRecord.objects.filter(user=user).exists():
                ConsentRecord.objects.create(
                    user=user,
                    purpose=ConsentPurpose.PROFILE_VISIBILITY,
                    granted=True,
                    scope=sorted(profile.shared_fields()),
                    text_version=CONSENT_TEXT_VERSIONS[ConsentPurpose.PROFILE_VISIBILITY],
                )
        created.append(
            (email, school.title if school else "AMASQ staff (two-factor code: make mfa-code EMAIL=" + email + ")")
        )
    if created:
        stdout.write(f"members: demo portal accounts, password “{DEMO_PASSWORD}”:")
        for email, where in created:
            stdout.write(f"  {email} — {where}")

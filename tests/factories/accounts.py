import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from members.models import AccessRequest, MemberProfile, MemberRole, Membership
from members.services.staff_setup import ensure_staff_group_and_workflow

PASSWORD = "une-phrase-de-passe-solide"


class UserFactory(DjangoModelFactory):
    """An account with a verified primary email (what allauth requires to sign in)."""

    username = factory.Sequence(lambda n: f"person-{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class MembershipFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    role = MemberRole.STAFF

    class Meta:
        model = Membership


class MemberProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = MemberProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.set(extracted)


class AccessRequestFactory(DjangoModelFactory):
    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    role = MemberRole.STAFF
    language = "fr"

    class Meta:
        model = AccessRequest


def make_member(school, role=MemberRole.STAFF, profile=None, **user_fields):
    """A member of `school` with `role`, the user fields given and a profile (`profile`: its fields)."""
    membership = MembershipFactory(school=school, role=role, user=UserFactory(**user_fields))
    MemberProfileFactory(user=membership.user, **(profile or {}))
    return membership.user


def make_staff(totp=True, **fields):
    """An AMASQ staff account (the "AMASQ staff" group, which a transactional test may have
    flushed, is recreated first), with two-factor authentication set up unless `totp` is False:
    staff powers in the portal need it."""
    group = ensure_staff_group_and_workflow(apps)
    user = UserFactory(**fields)
    user.groups.add(group)
    MemberProfileFactory(user=user)
    if totp:
        add_totp(user)
    return user


def add_totp(user):
    """A TOTP authenticator, as if the person had set up their app."""
    authenticator, _created = Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
    )
    return authenticator

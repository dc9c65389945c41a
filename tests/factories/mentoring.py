import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship
from members.mentoring.services import request_validity
from members.models import Expertise
from tests.factories.accounts import make_member


class ExpertiseFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"expertise-{n}")
    name_fr = factory.Sequence(lambda n: f"Sujet {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = Expertise
        django_get_or_create = ["slug"]


class MentorOfferFactory(DjangoModelFactory):
    capacity = 1
    format = "either"
    languages = factory.LazyFunction(lambda: ["fr"])
    years_in_role = 5
    language = "fr"

    class Meta:
        model = MentorOffer
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class MenteeRequestFactory(DjangoModelFactory):
    goals = factory.Faker("sentence", locale="fr_CA")
    format = "either"
    languages = factory.LazyFunction(lambda: ["fr"])
    language = "fr"

    class Meta:
        model = MenteeRequest
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class MentorshipFactory(DjangoModelFactory):
    requested_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda mentorship: mentorship.requested_at + request_validity())

    class Meta:
        model = Mentorship


def make_mentor(school, topics, offer=None, profile=None, **user_fields):
    """A member of `school` who offers to mentor on `topics` (`offer`: the offer's other fields)."""
    user = make_member(school, profile=profile, **user_fields)
    MentorOfferFactory(user=user, topics=topics, **(offer or {}))
    return user


def make_mentee(school, topics, request=None, profile=None, **user_fields):
    """A member of `school` looking for a mentor on `topics` (`request`: the request's other fields)."""
    user = make_member(school, profile=profile, **user_fields)
    MenteeRequestFactory(user=user, topics=topics, **(request or {}))
    return user

import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, Registration, RegistrationStatus


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    intro = factory.Faker("paragraph")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    start = factory.Faker("future_datetime", end_date="+300d", tzinfo=datetime.UTC)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue = factory.Faker("city")
    address = factory.Faker("street_address")
    summary = factory.Faker("paragraph")

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="fr_CA")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration

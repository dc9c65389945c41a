import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from home.models import ContactFormField, ContactPage, HomePage, NewsIndexPage, NewsPage, StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    # wagtail_factories would add a second root collection; Wagtail's migrations made one already.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Faker("sentence", nb_words=3)


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    hero_title = factory.Faker("sentence", nb_words=6)
    hero_intro = factory.Faker("paragraph")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    intro = factory.Faker("paragraph")

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    intro = factory.Faker("paragraph")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    date = factory.Faker("date_between", start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2026, 11, 1))
    summary = factory.Faker("paragraph")

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class ContactPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    intro = factory.Faker("paragraph")
    thank_you_text = factory.Faker("sentence")
    to_address = "staff@example.org"
    from_address = "website@example.org"
    subject = factory.Faker("sentence", nb_words=4)

    class Meta:
        model = ContactPage


class ContactFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(ContactPageFactory)
    label = factory.Faker("word")
    field_type = "singleline"
    required = True

    class Meta:
        model = ContactFormField

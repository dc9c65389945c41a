import factory
import wagtail_factories

from members.models import MASDirectoryPage, MASPage, Service


class ServiceFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"service-{n}")
    name_fr = factory.Faker("sentence", nb_words=3, locale="fr_CA")
    name_en = factory.Faker("sentence", nb_words=3)

    class Meta:
        model = Service
        django_get_or_create = ["slug"]


class MASDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Répertoire des MAS"
    slug = "repertoire"

    class Meta:
        model = MASDirectoryPage


class MASPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"École du milieu {n}")
    short_description = factory.Faker("sentence", nb_words=12)
    region = "06"
    city = "Montréal"
    postal_code = "H2T 1S6"

    class Meta:
        model = MASPage

import factory
import wagtail_factories
from wagtail.documents import get_document_model

from resources.models import ResourceFile, ResourceIndexPage, ResourcePage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"
    intro = factory.Faker("paragraph", locale="fr_CA")

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fr_CA")
    summary = factory.Faker("paragraph", locale="fr_CA")
    audience = "public"

    class Meta:
        model = ResourcePage


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_CA")
    file = factory.django.FileField(filename="guide.txt", data=b"Un guide.")

    class Meta:
        model = get_document_model()


class ResourceFileFactory(factory.django.DjangoModelFactory):
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = ResourceFile

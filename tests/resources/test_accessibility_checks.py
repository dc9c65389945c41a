"""Accessible documents (SGQRI 008): a PDF's title, declared language and tags are checked when it
is uploaded and shown to staff in the editor; every resource reads as a web page too."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from resources.models import DocumentAnalysis
from resources.sample_files import pdf_bytes
from tests.factories.accounts import add_totp
from tests.factories.resources import DocumentFactory, ResourceFileFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db


def attach(page, name, data, capture):
    with capture(execute=True):
        document = DocumentFactory(title=name, file=ContentFile(data, name=name))
        ResourceFileFactory(page=page, document=document)
        page.save_revision().publish()
    return document


@pytest.fixture
def staff_client(admin_client, admin_user):
    add_totp(admin_user)
    return admin_client


def test_an_accessible_pdf_has_nothing_missing(public_resource, django_capture_on_commit_callbacks):
    document = attach(public_resource, "bon.pdf", pdf_bytes("Guide", ["Texte."]), django_capture_on_commit_callbacks)

    analysis = DocumentAnalysis.objects.get(document=document)
    assert (analysis.pdf_title, analysis.pdf_language, analysis.pdf_tagged) == ("Guide", "fr-CA", True)
    assert analysis.accessibility_problems == []


def test_staff_see_what_a_public_resources_pdf_lacks_before_publishing(
    staff_client, public_resource, django_capture_on_commit_callbacks
):
    data = pdf_bytes("Sans", ["Texte."], with_title=False, with_language=False, tagged=False)
    attach(public_resource, "incomplet.pdf", data, django_capture_on_commit_callbacks)

    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[public_resource.pk]))

    text = parse(response).get_text(" ", strip=True)
    assert "Avant de publier une ressource publique" in text
    assert "aucun titre dans ses propriétés" in text
    assert "aucune langue déclarée" in text
    assert "aucune balise" in text


def test_the_resource_page_shows_the_text_of_its_files(client, public_resource, django_capture_on_commit_callbacks):
    data = pdf_bytes("Guide", ["Premier paragraphe du guide.", "Second paragraphe."])
    attach(public_resource, "guide.pdf", data, django_capture_on_commit_callbacks)

    response = client.get(public_resource.url)

    paragraphs = [p.get_text() for p in parse(response).select(".file-text p")]
    assert "Premier paragraphe du guide." in paragraphs
    assert "Second paragraphe." in paragraphs

"""Members-only means members only: every address of a members-only resource and of its files,
tried anonymously, by a deactivated member and by members; public ones answer everyone."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone
from django.views.static import serve as static_serve
from wagtail.models import Locale

from tests.factories.accounts import make_member, make_staff
from tests.factories.resources import DocumentFactory, ResourceFileFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

SECRET_BYTES = b"%PDF-1.4 contenu reserve aux membres"
PUBLIC_BYTES = b"%PDF-1.4 contenu public"


@pytest.fixture
def members_file(members_resource):
    document = DocumentFactory(title="Grille de suivi", file__filename="grille.pdf", file__data=SECRET_BYTES)
    ResourceFileFactory(page=members_resource, document=document)
    members_resource.save_revision().publish()
    return document


@pytest.fixture
def public_file(public_resource):
    document = DocumentFactory(title="Guide", file__filename="guide.pdf", file__data=PUBLIC_BYTES)
    ResourceFileFactory(page=public_resource, document=document)
    public_resource.save_revision().publish()
    return document


def urls_of(resource, document):
    english = resource.get_translation(Locale.objects.get(language_code="en"))
    return [
        resource.url,
        english.url,
        document.url,
        reverse("resources:file", kwargs={"document_id": document.pk}),
        f"/en/resource-files/{document.pk}/",
        # A guessed path under the public media folder.
        settings.MEDIA_URL + document.file.name,
    ]


def content_of(response):
    if response.streaming:
        # Read to the end: the test client then closes the file.
        return b"".join(response.streaming_content)
    return response.content


def status_of(response):
    content_of(response)
    return response.status_code


@pytest.fixture
def inactive_member(deactivated_member):
    """A deactivated member whose account Django still treats as active (the membership alone ended)."""
    deactivated_member.is_active = True
    deactivated_member.save()
    return deactivated_member


def test_members_only_urls_send_anonymous_visitors_to_sign_in(client, members_resource, members_file):
    *urls, media_path = urls_of(members_resource, members_file)

    for url in urls:
        response = client.get(url)

        assert response.status_code == 302, url
        assert SECRET_BYTES not in content_of(response), url
        assert resolve(urlsplit(response["Location"]).path).url_name == "account_login", url
    assert client.get(media_path).status_code == 404


@pytest.mark.parametrize("who", ["deactivated_member", "inactive_member"])
def test_members_only_urls_are_refused_to_deactivated_members(client, request, who, members_resource, members_file):
    client.force_login(request.getfixturevalue(who))
    *urls, media_path = urls_of(members_resource, members_file)

    for url in urls:
        response = client.get(url)

        assert response.status_code == 403, url
        assert SECRET_BYTES not in content_of(response), url
    assert client.get(media_path).status_code == 404


def test_members_get_every_members_only_url_but_the_media_path(client, member, members_resource, members_file):
    client.force_login(member)
    *allowed, media_path = urls_of(members_resource, members_file)

    for url in allowed:
        assert status_of(client.get(url, follow=True)) == 200, url
    assert SECRET_BYTES in content_of(client.get(members_file.url))
    assert client.get(media_path).status_code == 404


def test_amasq_staff_get_members_only_files(client, members_resource, members_file):
    client.force_login(make_staff())

    assert SECRET_BYTES in content_of(client.get(members_file.url))


def test_public_urls_answer_everyone(client, public_resource, public_file):
    *urls, media_path = urls_of(public_resource, public_file)

    for url in urls:
        assert status_of(client.get(url, follow=True)) == 200, url
    assert PUBLIC_BYTES in content_of(client.get(public_file.url))


def test_documents_are_stored_outside_the_public_media_folder(members_file, public_file):
    for document in (members_file, public_file):
        path = Path(document.file.path)
        assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
        assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
        # Even a server that hands out MEDIA_ROOT as it is (runserver with DEBUG) has nothing to give.
        with pytest.raises(Http404):
            static_serve(RequestFactory().get("/"), document.file.name, document_root=settings.MEDIA_ROOT)


def test_a_proposals_file_is_for_staff_and_its_author_until_published(client, member, resource_index):
    proposal = ResourcePageFactory(parent=resource_index, live=False, audience="public", owner=member)
    document = DocumentFactory(file__filename="brouillon.pdf", file__data=SECRET_BYTES)
    ResourceFileFactory(page=proposal, document=document)

    assert client.get(document.url).status_code == 302
    client.force_login(member)
    assert SECRET_BYTES in content_of(client.get(document.url))


def test_a_proposals_file_is_refused_to_other_members(client, member, school, resource_index):
    proposal = ResourcePageFactory(parent=resource_index, live=False, audience="public", owner=member)
    document = DocumentFactory(file__filename="brouillon.pdf", file__data=SECRET_BYTES)
    ResourceFileFactory(page=proposal, document=document)
    client.force_login(make_member(school))

    assert client.get(document.url).status_code == 403


def test_a_document_linked_from_a_members_only_resource_text_is_members_only(client, members_resource):
    document = DocumentFactory(file__filename="annexe.pdf", file__data=SECRET_BYTES)
    members_resource.body = [("document", {"document": document, "label": "Annexe"})]
    members_resource.save_revision().publish()

    response = client.get(document.url)

    assert response.status_code == 302
    assert SECRET_BYTES not in content_of(response)


def test_a_document_of_no_resource_stays_public(client, db):
    document = DocumentFactory(file__filename="rapport-annuel.pdf", file__data=PUBLIC_BYTES)

    assert PUBLIC_BYTES in content_of(client.get(document.url))


def test_a_deactivation_takes_effect_on_the_next_download(client, member, members_file):
    client.force_login(member)
    assert status_of(client.get(members_file.url)) == 200

    member.membership.deactivated_at = timezone.now()
    member.membership.save()

    assert client.get(members_file.url).status_code == 403

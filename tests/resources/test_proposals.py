"""Sharing: a member proposes a resource from the portal, AMASQ staff review it in a Wagtail
workflow and publish it, the author is told in their language; downloads are counted; a replaced
file keeps its address and its earlier version for staff."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.documents import get_document_model

from resources.models import DocumentVersion, ResourceDownloads, ResourcePage, ResourceProposal
from resources.sample_files import pdf_bytes
from tests.factories.accounts import make_staff
from tests.factories.resources import DocumentFactory, ResourceFileFactory

pytestmark = [
    pytest.mark.django_db,
    # Wagtail's workflow notifications still call Django's deprecated get_connection().
    pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning"),
]


def propose_url(language="fr"):
    with translation.override(language):
        return reverse("resources_portal:propose")


def proposal_data(themes, **overrides):
    data = {
        "title": "Trousse d’accueil",
        "summary": "Ce que nous remettons aux nouveaux élèves.",
        "kind": "tool",
        "themes": [themes[0].pk],
        "material_language": "fr",
        "audience": "members",
        "file": SimpleUploadedFile(
            "trousse.pdf", pdf_bytes("Trousse", ["Accueil des raccrocheurs."]), "application/pdf"
        ),
    }
    data.update(overrides)
    return data


def approve(page, staff):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, staff, "approve")


@pytest.fixture
def staff(db):
    return make_staff()


def test_a_member_proposes_a_resource_that_waits_for_review(client, member, school, resource_index, themes, staff):
    client.force_login(member)

    response = client.post(propose_url(), proposal_data(themes))

    assert response.status_code == 302
    page = ResourcePage.objects.get(title="Trousse d’accueil")
    assert not page.live
    assert page.author_school == school
    assert page.current_workflow_state.status == "in_progress"
    assert [theme.slug for theme in page.themes.all()] == ["accueil"]
    assert ResourceProposal.objects.get(page=page).user == member
    assert client.get("/fr/ressources/", {"q": "trousse"}).context["results"].paginator.count == 0


def test_staff_approval_publishes_it_with_its_author_school_and_emails_the_author_in_their_language(
    client, member, school, resource_index, themes, staff, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post(propose_url("en"), proposal_data(themes, title="Welcome kit"))
    page = ResourcePage.objects.get(title="Welcome kit")

    with django_capture_on_commit_callbacks(execute=True):
        approve(page, staff)

    page.refresh_from_db()
    assert page.live
    assert page.locale.language_code == "en"
    [email] = [message for message in mail.outbox if member.email in message.to]
    assert email.subject == "Your resource “Welcome kit” is published"
    response = client.get(page.url)
    assert school.title in response.content.decode()
    assert client.get("/fr/ressources/", {"q": "welcome"}).context["results"].paginator.count == 1


def test_the_author_is_told_once(member, resource_index, themes, staff, client, django_capture_on_commit_callbacks):
    client.force_login(member)
    client.post(propose_url(), proposal_data(themes))
    page = ResourcePage.objects.get(title="Trousse d’accueil")
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, staff)
        page.refresh_from_db()
        page.save_revision().publish()

    assert len([message for message in mail.outbox if member.email in message.to]) == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream"),
            "This type of file cannot be shared",
        ),
        (SimpleUploadedFile("faux.pdf", b"GIF89a not a pdf", "application/pdf"), "not a real PDF file"),
        (SimpleUploadedFile("casse.pdf", b"%PDF-1.4 broken", "application/pdf"), "damaged"),
        (SimpleUploadedFile("casse.docx", b"PK\x03\x04 broken", "application/octet-stream"), "damaged"),
    ],
)
def test_a_refused_file_gets_a_clear_message_and_nothing_is_saved(
    client, member, resource_index, themes, upload, message
):
    client.force_login(member)

    response = client.post(propose_url("en"), proposal_data(themes, file=upload))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ResourcePage.objects.filter(live=False).exists()
    assert not get_document_model().objects.exists()


def test_a_file_over_the_limit_is_refused(client, member, resource_index, themes, settings):
    settings.RESOURCES_MAX_UPLOAD_MB = 1
    client.force_login(member)
    big = SimpleUploadedFile("gros.txt", b"a" * (1024 * 1024 + 1), "text/plain")

    response = client.post(propose_url("en"), proposal_data(themes, file=big))

    assert response.status_code == 400
    assert "too large: the limit is 1 MB" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, resource_index):
    response = client.get(propose_url())

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_deactivated_member_cannot_propose(client, deactivated_member, resource_index, themes):
    deactivated_member.is_active = True
    deactivated_member.save()
    client.force_login(deactivated_member)

    response = client.post(propose_url(), proposal_data(themes))

    assert response.status_code == 403
    assert not ResourcePage.objects.filter(live=False).exists()


def test_the_portal_home_shows_new_resources(client, member, public_resource, members_resource):
    client.force_login(member)

    response = client.get(reverse("members:home"))

    content = response.content.decode()
    assert "Nouvelles ressources" in content
    assert public_resource.title in content
    assert members_resource.title in content
    assert propose_url() in content


def test_downloads_are_counted_per_resource_without_recording_who(client, member, public_resource):
    document = DocumentFactory()
    ResourceFileFactory(page=public_resource, document=document)
    public_resource.save_revision().publish()

    for _ in range(2):
        b"".join(client.get(document.url).streaming_content)

    assert ResourceDownloads.objects.get(translation_key=public_resource.translation_key).count == 2
    assert "Téléchargé 2 fois" in client.get(public_resource.url).content.decode()


def test_a_replaced_file_keeps_its_address_and_staff_keep_the_earlier_file(client, public_resource, staff, member):
    document = DocumentFactory(file=ContentFile(b"premiere version", name="guide.txt"))
    ResourceFileFactory(page=public_resource, document=document)
    lasting = reverse("resources:file", kwargs={"document_id": document.pk})

    document.file = ContentFile(b"seconde version", name="guide-v2.txt")
    document.save()

    response = client.get(lasting, follow=True)
    assert response.redirect_chain == [(document.url, 302)], response.redirect_chain
    assert b"".join(response.streaming_content) == b"seconde version"
    [version] = DocumentVersion.objects.filter(document=document)
    with version.file.open("rb") as earlier:
        assert earlier.read() == b"premiere version"
    version_url = reverse("resources_document_version", kwargs={"version_id": version.pk})
    client.force_login(member)
    # Wagtail's admin sends whoever may not enter it to the sign-in page.
    response = client.get(version_url)
    assert response.status_code == 302
    assert resolve(urlsplit(response["Location"]).path).url_name == "account_login"
    client.force_login(staff)
    assert client.get(version_url).content == b"premiere version"


def test_proposals_are_in_the_members_personal_data_export(member, resource_index, themes, client):
    from members.services.privacy import export_personal_data

    client.force_login(member)
    client.post(propose_url(), proposal_data(themes))

    export = export_personal_data(member)

    assert export["resource_proposals"][0]["resource"] == "Trousse d’accueil"

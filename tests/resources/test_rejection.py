"""A proposal staff turn down in the review workflow: its author is told by email in their
language, with staff's comment, and the portal shows them where each proposal stands."""

import pytest
from django.urls import reverse

from resources.models import ResourcePage
from tests.factories.accounts import make_staff
from tests.resources.test_proposals import proposal_data, propose_url

pytestmark = [
    pytest.mark.django_db,
    # Wagtail's workflow notifications still call Django's deprecated get_connection().
    pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning"),
]


def reject(page, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, make_staff(), "reject", comment=comment)


def propose(client, member, themes, language, title):
    client.force_login(member)
    client.post(propose_url(language), proposal_data(themes, title=title))
    return ResourcePage.objects.get(title=title)


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_a_turned_down_proposals_author_is_emailed_in_french_with_staffs_comment(
    client, member, resource_index, themes, smtp_server, django_capture_on_commit_callbacks
):
    page = propose(client, member, themes, "fr", "Trousse d’accueil")

    with django_capture_on_commit_callbacks(execute=True):
        reject(page, comment="Le fichier contient des noms d’élèves.")

    [message] = smtp_server.messages
    assert smtp_server.recipients == [[member.email]]
    assert message["Subject"] == "Votre ressource « Trousse d’accueil » n’a pas été retenue"
    body = body_of(message)
    assert "L’équipe de l’AMASQ a examiné la ressource que vous avez proposée, « Trousse d’accueil »" in body
    assert "Commentaire de l’équipe :\nLe fichier contient des noms d’élèves." in body


def test_a_turned_down_proposals_author_is_emailed_in_english_without_a_comment(
    client, member, resource_index, themes, smtp_server, django_capture_on_commit_callbacks
):
    page = propose(client, member, themes, "en", "Welcome kit")

    with django_capture_on_commit_callbacks(execute=True):
        reject(page)

    [message] = smtp_server.messages
    assert message["Subject"] == "Your resource “Welcome kit” was not accepted"
    body = body_of(message)
    assert "did not accept it for publication" in body
    assert "Staff's comment" not in body


def test_the_portal_shows_where_each_proposal_stands(client, member, resource_index, themes):
    turned_down = propose(client, member, themes, "fr", "Trousse d’accueil")
    propose(client, member, themes, "fr", "Grille d’entrevue")
    reject(turned_down, comment="Des noms d’élèves.")

    response = client.get(reverse("members:home"))

    statuses = {proposal.page.title: str(proposal.status) for proposal in response.context["proposals"]}
    assert statuses == {"Trousse d’accueil": "Non retenue", "Grille d’entrevue": "En attente d’examen"}
    assert "Commentaire de l’équipe : Des noms d’élèves." in " ".join(response.content.decode().split())


def test_a_proposal_submitted_again_waits_for_review_again(client, member, resource_index, themes):
    page = propose(client, member, themes, "fr", "Trousse d’accueil")
    reject(page)

    page.refresh_from_db()
    page.current_workflow_state.resume(make_staff())

    assert str(page.proposal.status) == "En attente d’examen"

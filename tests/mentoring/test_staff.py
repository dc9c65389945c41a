"""AMASQ staff's side: the pool, matching by hand, the whole-pool proposal reviewed before anyone
is told, reports (aggregates only) and their CSV."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from members.mentoring import services
from members.mentoring.models import Mentorship, State
from members.mentoring.pool import propose
from members.mentoring.reports import build_report
from tests.factories.accounts import make_member, make_staff
from tests.factories.mentoring import ExpertiseFactory, make_mentee, make_mentor

pytestmark = pytest.mark.django_db


def url(name):
    return reverse(f"mentoring:{name}")


@pytest.fixture
def staff(client):
    user = make_staff()
    client.force_login(user)
    return user


@pytest.fixture
def pool(levis, lasalle, la_marge, topics):
    """Two mentees in Lévis; a mentor in LaSalle with room for one, one in Saint-Hyacinthe."""
    return {
        "lea": make_mentee(levis, topics[:1], first_name="Léa", last_name="Roy"),
        "jo": make_mentee(levis, topics[1:2], first_name="Jo", last_name="Roy"),
        "marc": make_mentor(lasalle, topics[:1], first_name="Marc", last_name="Dion"),
        "nora": make_mentor(la_marge, topics[1:2], first_name="Nora", last_name="Gagnon"),
    }


@pytest.mark.parametrize("page", ["pool", "proposal", "reports", "reports_csv"])
def test_staff_pages_are_for_amasq_staff_only(client, levis, page):
    client.force_login(make_member(levis))

    assert client.get(url(page)).status_code == 403


def test_the_pool_shows_who_waits_and_who_has_room_but_no_notes(client, staff, pool):
    active = services.accept(services.request_mentor(pool["lea"], pool["marc"]), by=pool["marc"])
    services.add_check_in(active, by=pool["lea"], on=timezone.localdate(), note="Note privée du duo")

    content = client.get(url("pool")).content.decode()

    assert "Jo Roy" in content
    assert "Nora Gagnon" in content
    assert "1 / 1" in content  # Marc's load
    assert "Note privée du duo" not in content


def test_staff_match_two_people_by_hand(client, staff, pool):
    response = client.post(url("pool"), {"mentee": pool["jo"].pk, "mentor": pool["nora"].pk})

    assert response.status_code == 302
    mentorship = Mentorship.objects.get()
    assert (mentorship.mentee, mentorship.mentor, mentorship.proposed_by) == (pool["jo"], pool["nora"], staff)


def test_a_match_by_hand_that_breaks_a_rule_is_refused_with_the_reason(client, staff, pool, levis, topics):
    colleague = make_mentor(levis, topics)

    response = client.post(url("pool"), {"mentee": pool["jo"].pk, "mentor": colleague.pk})

    assert response.status_code == 400
    assert "jamais jumelées" in response.content.decode()
    assert not Mentorship.objects.exists()


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999", "1\x00"])
def test_hostile_values_in_a_match_by_hand_are_refused(client, staff, pool, value):
    response = client.post(url("pool"), {"mentee": value, "mentor": pool["nora"].pk})

    assert response.status_code == 400
    assert not Mentorship.objects.exists()


def test_the_proposal_pairs_the_pool_and_tells_nobody_until_confirmed(client, staff, pool, mailoutbox):
    response = client.get(url("proposal"))

    assert response.status_code == 200
    assert {(row["mentee"], row["proposed"]) for row in response.context["rows"]} == {
        (pool["lea"], pool["marc"]),
        (pool["jo"], pool["nora"]),
    }
    assert not Mentorship.objects.exists()
    assert mailoutbox == []


def test_staff_adjust_the_proposal_then_only_the_pairs_kept_are_sent(
    client, staff, pool, mailoutbox, django_capture_on_commit_callbacks
):
    data = {f"mentor_{pool['lea'].pk}": pool["marc"].pk, f"mentor_{pool['jo'].pk}": ""}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("proposal"), data)

    assert response.status_code == 302
    assert list(Mentorship.objects.values_list("mentee", "mentor", "state")) == [
        (pool["lea"].pk, pool["marc"].pk, State.REQUESTED)
    ]
    assert len(mailoutbox) == 2  # the mentor's request, and the mentee told


def test_a_proposal_pair_that_no_longer_holds_is_reported_not_sent(client, staff, pool):
    services.set_paused(pool["marc"], paused=True)

    response = client.post(url("proposal"), {f"mentor_{pool['lea'].pk}": pool["marc"].pk}, follow=True)

    assert "Ce mentor a mis son offre en pause." in response.content.decode()
    assert not Mentorship.objects.exists()


def test_the_proposal_counts_requests_already_waiting_against_capacity(pool, la_marge, topics):
    services.request_mentor(make_mentee(la_marge, topics[:1]), pool["marc"])

    proposal = {pair.mentee_id: pair.mentor_id for pair in propose()}

    assert proposal[pool["lea"].pk] is None
    assert proposal[pool["jo"].pk] == pool["nora"].pk


def test_reports_count_states_time_to_match_and_topics_without_mentor(pool, la_marge):
    lonely = ExpertiseFactory(name_fr="Financement", name_en="Funding")
    make_mentee(la_marge, [lonely])
    active = services.accept(services.request_mentor(pool["lea"], pool["marc"]), by=pool["marc"])
    services.close(active, by=pool["lea"], usefulness=4, goals_met="met")

    report = build_report()

    assert {str(label): count for label, count in report.by_state}["Terminée"] == 1
    assert report.matched == 1
    assert report.unmatched == 2  # Jo, and the one who asks about funding
    assert [topic.name for topic in report.topics_without_mentor] == ["Financement"]
    assert (report.feedback_count, report.usefulness_mean) == (1, 4.0)


def test_the_csv_has_aggregates_only(client, staff, pool):
    active = services.accept(services.request_mentor(pool["lea"], pool["marc"]), by=pool["marc"])
    services.add_check_in(active, by=pool["lea"], on=timezone.localdate(), note="Note privée du duo")

    response = client.get(url("reports_csv"))

    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Section", "Élément", "Valeur"]
    assert ["Relations par état", "Active", "1"] in rows
    assert "Note privée du duo" not in text
    assert "Roy" not in text and "Dion" not in text


def test_the_admin_menu_links_amasq_staff_to_the_pool(client, staff, levis):
    assert reverse("mentoring:pool") in client.get("/admin/").content.decode()

    client.force_login(make_member(levis))
    assert client.get("/admin/").status_code == 302  # members have no admin

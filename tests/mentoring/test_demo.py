import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.suggestions import suggestions_for

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_dozen_people_an_active_pair_a_pending_request_and_suggestions_at_once(db):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second run adds nothing
    users = get_user_model().objects
    camille = users.get(email="coordination.levis@example.org")
    olivier = users.get(email="enseignement.lasalle@example.org")

    schools = {offer.user.membership.school_id for offer in MentorOffer.objects.select_related("user__membership")}
    schools |= {
        request.user.membership.school_id for request in MenteeRequest.objects.select_related("user__membership")
    }
    assert MentorOffer.objects.count() + MenteeRequest.objects.count() >= 12
    assert len(schools) >= 12
    assert sorted(Mentorship.objects.filter(mentor=camille).values_list("state", flat=True)) == [
        State.ACTIVE,
        State.REQUESTED,
    ]
    assert Mentorship.objects.count() == 2
    assert suggestions_for(olivier)[0].mentor == camille

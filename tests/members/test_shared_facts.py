"""Facts that are not words are the same in every language the moment they change (issue 7, #2)."""

import io

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from members.models import MASPage, MemberRole, Service
from members.services.directory import import_directory_csv
from members.services.shared_facts import share_facts_with_translations
from tests.factories.accounts import make_member, make_staff

pytestmark = pytest.mark.django_db

HEADER = "slug,name,city,postal_code,region,phone,street_address,services,schedule,wheelchair_accessible\n"


def test_a_csv_import_changes_the_facts_of_every_translation(client, directory, schools, english_schools):
    school, english = schools["levis"], english_schools["levis"]
    english_text = english.short_description = "A school for adults going back to school."
    english.save_revision().publish()
    service = Service.objects.first()
    row = f"{school.slug},{school.title},Lévis,G6V 6N3,03,418 555-0101,12 rue Fraser,{service.slug},evening,yes\n"

    import_directory_csv(directory, io.StringIO(HEADER + row))

    english = MASPage.objects.get(pk=english.pk)
    assert (english.phone, english.street_address, english.postal_code, english.region) == (
        "418 555-0101",
        "12 rue Fraser",
        "G6V 6N3",
        "03",
    )
    assert (english.schedule, english.wheelchair_accessible) == ("evening", True)
    assert list(english.services.all()) == [service]
    assert (english.latitude, english.longitude) == (
        MASPage.objects.get(pk=school.pk).latitude,
        MASPage.objects.get(pk=school.pk).longitude,
    )
    assert english.short_description == english_text  # words stay with the translators
    assert not english.has_unpublished_changes
    assert "418 555-0101" in client.get(english.url).content.decode()


# Wagtail 8's workflow notification emails still call Django's deprecated get_connection().
@pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning")
def test_an_approved_proposal_changes_the_facts_of_every_translation(client, schools, english_schools):
    school, english = schools["levis"], english_schools["levis"]
    client.force_login(make_member(school, role=MemberRole.COORDINATOR))
    data = {
        "short_description": "Une école pour adultes.",
        "audience": "",
        "phone": "418 555-0199",
        "email": "info@example.org",
        "website": "",
        "schedule": "day",
        "teaching_languages": "fr",
        "accessibility_notes": "",
    }
    client.post(reverse("members:school_entry", kwargs={"school_id": school.pk}), data)
    english.refresh_from_db()
    assert english.phone != "418 555-0199"  # nothing moves before staff approve

    WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state.approve(user=make_staff())

    english.refresh_from_db()
    assert (english.phone, english.email) == ("418 555-0199", "info@example.org")
    assert english.short_description != "Une école pour adultes."
    client.logout()
    assert "418 555-0199" in client.get(english.url).content.decode()


def test_a_translation_in_progress_keeps_its_draft_and_gets_the_facts(schools, english_schools):
    school, english = schools["levis"], english_schools["levis"]
    english.short_description = "Draft being translated."
    english.save_revision()
    school.phone = "418 555-0123"
    school.save_revision().publish()

    english = MASPage.objects.get(pk=english.pk)
    assert english.phone == "418 555-0123"  # visitors see it now
    draft = english.get_latest_revision_as_object()
    assert (draft.phone, draft.short_description) == ("418 555-0123", "Draft being translated.")
    assert english.has_unpublished_changes


def test_sharing_facts_twice_changes_nothing(schools, english_schools):
    school = schools["levis"]
    school.phone = "418 555-0123"
    school.save_revision().publish()
    assert share_facts_with_translations(school) == 0

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from wagtail import hooks
from wagtail.models import ModelLogEntry, WorkflowState

from members.models import ConsentRecord, Expertise, MemberProfile, MemberRole
from members.services import audit
from members.services.portal import HOOK_NAME, PortalSection
from tests.factories.accounts import add_totp, make_member, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def member(schools):
    return make_member(schools["levis"], first_name="Julie", last_name="Roy")


def profile_data(**changes):
    data = {"first_name": "Julie", "last_name": "Roy", "job_title": "", "region": "", "bio": "", "languages": []}
    return data | changes


def photo_upload(size=(1200, 900), kind="PNG"):
    output = io.BytesIO()
    Image.new("RGB", size, "teal").save(output, kind)
    return SimpleUploadedFile(f"photo.{kind.lower()}", output.getvalue(), content_type=f"image/{kind.lower()}")


# Portal home ----------------------------------------------------------------------------------


def test_portal_home_shows_the_coordinators_school_and_pending_invitations(client, schools):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    from members.services.accounts import create_invitation

    create_invitation(
        email="attente@example.org", school=schools["levis"], role="staff", invited_by=coordinator, language="fr"
    )
    client.force_login(coordinator)

    content = client.get(reverse("members:home")).content.decode()

    assert "École du milieu de Lévis" in content
    assert "attente@example.org" in content


def test_portal_home_shows_sections_other_apps_register(client, member):
    def section():
        return PortalSection(
            key="registrations",
            title="Mes inscriptions",
            template="members/portal/includes/error_summary.html",
            get_context=lambda request: {"form": None, "title": "Colloque national 2027"},
        )

    client.force_login(member)
    with hooks.register_temporarily(HOOK_NAME, section):
        content = client.get(reverse("members:home")).content.decode()

    assert "Mes inscriptions" in content
    assert "Colloque national 2027" in content


def test_portal_home_leaves_out_a_section_that_fails_or_has_nothing(client, member):
    def broken():
        return PortalSection(key="broken", title="Cassé", template="missing.html", get_context=lambda request: {})

    def empty():
        return PortalSection(key="empty", title="Vide", template="missing.html", get_context=lambda request: None)

    client.force_login(member)
    with hooks.register_temporarily(HOOK_NAME, [broken, empty]):
        response = client.get(reverse("members:home"))

    assert response.status_code == 200
    assert "Cassé" not in response.content.decode() and "Vide" not in response.content.decode()


# Profile and consent --------------------------------------------------------------------------


def test_profile_is_saved_with_expertise_and_languages(client, member):
    expertise = Expertise.objects.get(slug="mental-health")
    client.force_login(member)

    response = client.post(
        reverse("members:profile"),
        profile_data(
            first_name="Julie-Anne", job_title="Intervenante", expertise=[expertise.pk], languages=["fr", "es"]
        ),
    )

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert (profile.user.first_name, profile.job_title, profile.languages) == (
        "Julie-Anne",
        "Intervenante",
        ["fr", "es"],
    )
    assert list(profile.expertise.all()) == [expertise]
    entry = ModelLogEntry.objects.get(action=audit.PROFILE_EDITED)
    assert set(entry.data["fields"]) == {"first_name", "job_title", "languages", "expertise"}


def test_sharing_more_of_the_profile_needs_consent(client, member):
    client.force_login(member)

    response = client.post(reverse("members:profile"), profile_data(listed="on", show_bio="on"))

    assert response.status_code == 400
    assert not MemberProfile.objects.get(user=member).listed
    assert not ConsentRecord.objects.exists()


def test_consent_to_share_and_its_withdrawal_are_recorded(client, member):
    client.force_login(member)

    client.post(reverse("members:profile"), profile_data(listed="on", show_bio="on", show_school="on", consent="on"))
    client.post(reverse("members:profile"), profile_data())

    granted, withdrawn = ConsentRecord.objects.order_by("created_at", "pk")
    assert (granted.granted, granted.scope) == (True, ["bio", "school"])
    assert granted.text_version
    assert (withdrawn.granted, withdrawn.scope) == (False, [])


def test_photo_is_resized_stored_privately_and_served_only_to_allowed_people(
    client, member, schools, private_media, settings
):
    client.force_login(member)

    client.post(reverse("members:profile"), profile_data(photo=photo_upload()))

    profile = MemberProfile.objects.get(user=member)
    stored = private_media / profile.photo.name
    assert stored.is_file()
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    with Image.open(stored) as image:
        assert (image.format, max(image.size)) == ("JPEG", 600)
    photo_url = reverse("members:person_photo", kwargs={"pk": profile.pk})
    own = client.get(photo_url)
    assert own.status_code == 200 and own["Cache-Control"] == "private, max-age=300"
    client.force_login(make_member(schools["lasalle"]))
    assert client.get(photo_url).status_code == 404


def test_a_file_that_is_not_a_photo_is_refused(client, member):
    client.force_login(member)

    response = client.post(
        reverse("members:profile"),
        profile_data(photo=SimpleUploadedFile("x.png", b"not an image", content_type="image/png")),
    )

    assert response.status_code == 400
    assert not MemberProfile.objects.get(user=member).photo


# Members directory ----------------------------------------------------------------------------


@pytest.fixture
def listed(schools):
    mental_health = Expertise.objects.get(slug="mental-health")

    def create(school, shows_expertise=True, **user_fields):
        user = make_member(
            school,
            profile={"listed": True, "show_expertise": shows_expertise, "show_region": True, "show_school": True},
            **user_fields,
        )
        user.member_profile.expertise.add(mental_health)
        return user

    return create


def names(response):
    return sorted(profile.user.first_name for profile, _visible in response.context["results"].object_list)


def test_directory_finds_members_by_expertise_they_chose_to_show(client, schools, member, listed):
    listed(schools["levis"], first_name="Ana")
    listed(schools["lasalle"], first_name="Ben", shows_expertise=False)
    client.force_login(member)

    response = client.get(reverse("members:people"), {"expertise": "mental-health"})

    assert names(response) == ["Ana"]


def test_directory_filters_by_region_and_school(client, schools, member, listed):
    listed(schools["levis"], first_name="Ana")
    listed(schools["lasalle"], first_name="Ben")
    client.force_login(member)

    assert names(client.get(reverse("members:people"), {"region": "06"})) == ["Ben"]
    assert names(client.get(reverse("members:people"), {"school": schools["levis"].pk})) == ["Ana"]


def test_directory_leaves_out_unlisted_and_deactivated_members(client, schools, member, listed):
    listed(schools["levis"], first_name="Ana")
    listed(schools["levis"], first_name="Ben", is_active=False)
    make_member(schools["levis"], first_name="Cleo")
    client.force_login(member)

    assert names(client.get(reverse("members:people"))) == ["Ana"]


def test_directory_with_bad_filters_shows_everyone_and_says_why(client, member, listed, schools):
    listed(schools["levis"], first_name="Ana")
    client.force_login(member)

    response = client.get(reverse("members:people"), {"region": "99", "school": "abc", "q": "x" * 500})

    assert response.status_code == 200
    assert names(response) == ["Ana"]
    assert response.context["form"].errors.keys() == {"region", "school", "q"}


def test_directory_query_count_does_not_grow_with_members(client, schools, member, listed, django_assert_num_queries):
    client.force_login(member)
    listed(schools["levis"])
    client.get(reverse("members:people"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("members:people"))
    # Counted now: Django keeps the last 9,000 queries only, and the members added below shift them.
    expected = len(few.captured_queries)
    for _ in range(12):
        listed(schools["lasalle"])
    client.get(reverse("members:people"))  # the new members started a new content generation: warm its layout

    with django_assert_num_queries(expected):
        response = client.get(reverse("members:people"))

    assert response.context["result_count"] == 13


def test_staff_viewing_a_profile_is_recorded(client, member, home_page):
    staff = make_staff()
    add_totp(staff)
    client.force_login(staff)

    client.get(reverse("members:person", kwargs={"pk": member.member_profile.pk}))

    entry = ModelLogEntry.objects.get(action=audit.PROFILE_VIEWED)
    assert (entry.user, entry.object_id) == (staff, str(member.member_profile.pk))


# The school's public entry --------------------------------------------------------------------


def entry_data(school, **changes):
    data = {
        "short_description": school.short_description,
        "audience": "Adultes de 16 ans et plus",
        "phone": "418 555-0199",
        "email": "info@example.org",
        "website": "",
        "schedule": "day",
        "teaching_languages": "fr",
        "accessibility_notes": "",
    }
    return data | changes


# Wagtail 8's workflow notification emails still call Django's deprecated get_connection().
@pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning")
def test_coordinator_proposal_waits_for_staff_approval_then_is_published(client, schools):
    school = schools["levis"]
    coordinator = make_member(school, role=MemberRole.COORDINATOR)
    client.force_login(coordinator)

    response = client.post(reverse("members:school_entry", kwargs={"school_id": school.pk}), entry_data(school))

    assert response.status_code == 302
    school.refresh_from_db()
    assert school.phone != "418 555-0199"
    state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Directory entry changes"
    state.current_task_state.approve(user=make_staff())
    school.refresh_from_db()
    assert school.phone == "418 555-0199"


def test_a_second_proposal_waits_until_the_first_is_reviewed(client, schools):
    school = schools["levis"]
    client.force_login(make_member(school, role=MemberRole.COORDINATOR))
    url = reverse("members:school_entry", kwargs={"school_id": school.pk})
    client.post(url, entry_data(school))

    response = client.post(url, entry_data(school, phone="418 555-0100"))

    assert response.status_code == 400
    assert WorkflowState.objects.count() == 1

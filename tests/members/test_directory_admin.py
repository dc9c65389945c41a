import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import MASPage
from tests.factories.accounts import UserFactory, add_totp, make_staff

pytestmark = pytest.mark.django_db

GOOD_CSV = "name,city,postal_code,region\nÉcole du milieu de Lévis,Lévis,G6V 6N2,12\n".encode()
BAD_CSV = "name,city,postal_code,region\nÉcole,Lévis,G6V 6N2,12\nAutre,Québec,nope,03\n".encode()


def test_directory_import_refuses_anonymous_visitors(client, directory):
    response = client.get(reverse("members_directory_import"))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.fixture
def admin_without_page_rights(client, directory):
    """An account that passes the admin's gate (access_admin, two-factor) but has no page rights."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    add_totp(user)
    client.force_login(user)
    return user


def test_directory_import_refuses_admin_users_without_page_rights(client, directory, admin_without_page_rights):
    # Wagtail's admin answers a refusal by sending the person back to the dashboard.
    response = client.get(reverse("members_directory_import"))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    response = client.post(
        reverse("members_directory_import"),
        {"directory": directory.pk, "csv_file": SimpleUploadedFile("schools.csv", GOOD_CSV, "text/csv")},
    )
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not MASPage.objects.exists()


def test_directory_import_menu_item_is_hidden_without_page_rights(client, admin_without_page_rights):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("members_directory_import") not in response.content.decode()


@pytest.fixture
def amasq_staff_client(client, directory, english_directory):
    """A real "AMASQ staff" account (not a superuser) with two-factor set up."""
    user = make_staff()
    assert not user.is_superuser
    add_totp(user)
    client.force_login(user)
    return client


def test_directory_import_menu_item_is_shown_to_amasq_staff(amasq_staff_client):
    response = amasq_staff_client.get(reverse("wagtailadmin_home"))
    assert reverse("members_directory_import") in response.content.decode()


def test_amasq_staff_import_the_directory_in_every_language(amasq_staff_client, schools, english_schools):
    school = schools["levis"]
    content = (
        "slug,name,city,postal_code,region,phone\n"
        f"{school.slug},{school.title},Lévis,G6V 6N2,12,418 555-0101\n"
        "nouvelle-ecole,Nouvelle école,Québec,G1K 3A9,03,418 555-0102\n"
    )
    response = amasq_staff_client.post(
        reverse("members_directory_import"),
        {"directory": school.get_parent().pk, "csv_file": SimpleUploadedFile("s.csv", content.encode(), "text/csv")},
    )
    assert response.status_code == 302
    for english in (english_schools["levis"], MASPage.objects.get(slug="nouvelle-ecole", locale__language_code="en")):
        english.refresh_from_db()
        assert english.live and not english.has_unpublished_changes
        assert english.phone in amasq_staff_client.get(english.url).content.decode()
    english_phones = set(MASPage.objects.filter(locale__language_code="en").values_list("phone", flat=True))
    assert {"418 555-0101", "418 555-0102"} <= english_phones


def test_a_superuser_with_two_factor_imports_too(client, admin_user, directory, english_directory):
    add_totp(admin_user)
    client.force_login(admin_user)
    response = client.post(
        reverse("members_directory_import"),
        {"directory": directory.pk, "csv_file": SimpleUploadedFile("schools.csv", GOOD_CSV, "text/csv")},
        follow=True,
    )
    assert response.status_code == 200
    assert MASPage.objects.filter(title="École du milieu de Lévis").count() == 2  # French and English


def test_directory_import_lists_bad_lines_and_imports_nothing(amasq_staff_client, directory):
    response = amasq_staff_client.post(
        reverse("members_directory_import"),
        {"directory": directory.pk, "csv_file": SimpleUploadedFile("schools.csv", BAD_CSV, "text/csv")},
    )
    assert response.status_code == 200
    # The admin speaks French here (LANGUAGE_CODE): the bad line is named by its number.
    assert "Ligne 3\xa0: «\xa0nope\xa0» n’est pas un code postal." in response.content.decode()
    assert not MASPage.objects.exists()

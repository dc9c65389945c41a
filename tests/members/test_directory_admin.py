import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import MASPage
from tests.factories.accounts import add_totp

pytestmark = pytest.mark.django_db

GOOD_CSV = "name,city,postal_code,region\nÉcole du milieu de Lévis,Lévis,G6V 6N2,12\n".encode()
BAD_CSV = "name,city,postal_code,region\nÉcole,Lévis,G6V 6N2,12\nAutre,Québec,nope,03\n".encode()


def test_directory_import_refuses_anonymous_visitors(client, directory):
    response = client.get(reverse("members_directory_import"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_directory_import_refuses_members_without_page_rights(client, directory, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("member", "member@example.org", "password-123456")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("members_directory_import")).status_code in {302, 403}


@pytest.fixture
def staff_client(client, admin_user):
    """A superuser who has set up two-factor authentication, as the admin requires."""
    add_totp(admin_user)
    client.force_login(admin_user)
    return client


def test_directory_import_creates_schools_for_staff(staff_client, directory, english_directory):
    response = staff_client.post(
        reverse("members_directory_import"),
        {"directory": directory.pk, "csv_file": SimpleUploadedFile("schools.csv", GOOD_CSV, "text/csv")},
        follow=True,
    )
    assert response.status_code == 200
    assert MASPage.objects.filter(title="École du milieu de Lévis").count() == 2  # French and English


def test_directory_import_lists_bad_lines_and_imports_nothing(staff_client, directory):
    response = staff_client.post(
        reverse("members_directory_import"),
        {"directory": directory.pk, "csv_file": SimpleUploadedFile("schools.csv", BAD_CSV, "text/csv")},
    )
    assert response.status_code == 200
    assert "3" in response.content.decode() and "nope" in response.content.decode()
    assert not MASPage.objects.exists()

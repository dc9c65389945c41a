import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from members import demo_accounts
from members.models import MemberRole, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=io.StringIO())
    output = io.StringIO()
    demo_accounts.load(output)
    demo_accounts.load(output)
    return output.getvalue()


def test_demo_accounts_sign_in_with_the_printed_password(client, demo):
    assert demo_accounts.DEMO_PASSWORD in demo
    assert Membership.objects.get(user__email="coordination.levis@example.org").role == MemberRole.COORDINATOR

    response = client.post(
        reverse("account_login"),
        {"login": "enseignement.lasalle@example.org", "password": demo_accounts.DEMO_PASSWORD},
    )

    assert response["Location"] == reverse("members:home")
    # Two demo accounts belong to schools and sign in; mentoring's demo people have no password.
    signing_in = [m.user.email for m in Membership.objects.select_related("user") if m.user.has_usable_password()]
    assert sorted(signing_in) == ["coordination.levis@example.org", "enseignement.lasalle@example.org"]


def test_demo_amasq_staff_signs_in_with_the_printed_code_and_reaches_the_directory_import(client, demo, settings):
    settings.DEBUG = True  # demo_mfa_code refuses to run otherwise
    client.post(reverse("account_login"), {"login": "equipe@example.org", "password": demo_accounts.DEMO_PASSWORD})
    printed = io.StringIO()
    call_command("demo_mfa_code", email="EQUIPE@example.org", stdout=printed)
    code = printed.getvalue().split()[0]

    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 302
    assert client.get(reverse("members_directory_import")).status_code == 200

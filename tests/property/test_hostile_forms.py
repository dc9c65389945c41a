"""Issue 7: random and hostile values into every public and portal form and query parameter
answer without a 500, echo no injected HTML unescaped and store nothing when they are refused.

A new feature adds its forms to TARGETS: a name, the URL (built from the test's schools), the
method, who sends it ("anonymous", "member", "coordinator" or "staff"), the fields to fill with
hostile values, the valid values of the other fields, and the models whose row count must not
change when the answer is an error.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from members.models import AccessRequest, MemberProfile, MemberRole
from tests.factories.accounts import make_member, make_staff

pytestmark = pytest.mark.django_db

INJECTED = "<script>alert(1)</script>"
KNOWN_HOSTILE = [
    '"',
    "'",
    "\x00",
    "a\x00b",
    "99999999999999999999999",
    "-1",
    "0",
    "1e308",
    "NaN",
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    INJECTED,
    '"><img src=x onerror=alert(1)>',
    "\u202e\u200b\ufeff",
    "é" * 5000,
    "NEAR(a b)",
    "*",
]
HOSTILE = st.one_of(
    st.sampled_from(KNOWN_HOSTILE),
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@dataclass
class Target:
    name: str
    url: object  # schools -> path
    method: str
    who: str
    fields: list[str]
    valid: dict = field(default_factory=dict)
    models: tuple = ()


def _valid_request(schools):
    return {
        "first_name": "Sophie",
        "last_name": "Lavoie",
        "email": "sophie@example.org",
        "school": schools["levis"].pk,
        "role": MemberRole.STAFF,
        "website_url": "",
    }


TARGETS = [
    Target("site search", lambda s: reverse("search"), "get", "anonymous", ["q", "page"]),
    Target(
        "people search",
        lambda s: reverse("members:people"),
        "get",
        "member",
        ["q", "expertise", "region", "school", "page"],
    ),
    Target(
        "access request",
        lambda s: reverse("members:request_access"),
        "post",
        "anonymous",
        ["first_name", "last_name", "email", "school", "role", "job_title", "message"],
        valid={},
        models=(AccessRequest,),
    ),
    Target(
        "profile",
        lambda s: reverse("members:profile"),
        "post",
        "member",
        ["first_name", "last_name", "job_title", "region", "bio", "expertise", "languages"],
        valid={"first_name": "Julie", "last_name": "Roy"},
        models=(MemberProfile,),
    ),
    Target(
        "directory entry",
        lambda s: reverse("members:school_entry", kwargs={"school_id": s["levis"].pk}),
        "post",
        "coordinator",
        ["short_description", "phone", "email", "website", "services", "schedule"],
    ),
    Target(
        "change role",
        lambda s: reverse("members:change_role", kwargs={"school_id": s["levis"].pk, "user_id": _colleague(s).pk}),
        "post",
        "coordinator",
        ["role"],
        models=(ModelLogEntry,),
    ),
    Target(
        "move to another school",
        lambda s: reverse("members:move_member", kwargs={"school_id": s["levis"].pk, "user_id": _colleague(s).pk}),
        "post",
        "staff",
        ["school"],
        models=(ModelLogEntry,),
    ),
]


def _colleague(schools):
    """The member of Lévis whom the team forms act on, made at the first request."""
    user = get_user_model().objects.filter(email="collegue.proprietes@example.org").first()
    return user or make_member(schools["levis"], email="collegue.proprietes@example.org")


def sign_in(client, schools, who):
    if who == "staff":
        client.force_login(make_staff())
    elif who != "anonymous":
        role = MemberRole.COORDINATOR if who == "coordinator" else MemberRole.STAFF
        client.force_login(make_member(schools["levis"], role=role))


def send(client, schools, target, values):
    cache.clear()  # rate limits would otherwise answer 429 after a few examples
    data = (_valid_request(schools) if target.name == "access request" else {}) | target.valid | values
    url = target.url(schools)
    return client.get(url, data) if target.method == "get" else client.post(url, data)


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_hostile_values_never_break_a_form(client, schools, target):
    sign_in(client, schools, target.who)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(values=st.dictionaries(st.sampled_from(target.fields), HOSTILE, min_size=1))
    def check(values):
        counts = {model: model.objects.count() for model in target.models}
        response = send(client, schools, target, values)

        assert response.status_code < 500, (target.name, values)
        assert INJECTED not in response.content.decode(errors="replace"), (target.name, values)
        if response.status_code >= 400:
            assert counts == {model: model.objects.count() for model in target.models}, (target.name, values)

    check()


def check_answer(client, schools, target, values):
    counts = {model: model.objects.count() for model in target.models}
    response = send(client, schools, target, values)

    assert response.status_code < 500, (target.name, values)
    assert INJECTED not in response.content.decode(errors="replace"), (target.name, values)
    if response.status_code >= 400:
        assert counts == {model: model.objects.count() for model in target.models}, (target.name, values)


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_every_known_hostile_value_in_every_field(client, schools, target):
    """Random draws may miss a rare case: each known hostile value goes into each field once."""
    sign_in(client, schools, target.who)
    for name in target.fields:
        for value in KNOWN_HOSTILE:
            check_answer(client, schools, target, {name: value})

"""Issue 7: random and hostile values into every public and portal form and query parameter
answer without a 500, echo no injected HTML unescaped and store nothing when they are refused.

A new feature adds its forms to TARGETS: a name, the URL (built from the test's places: schools by key, the contact page, news and events), the
method, who sends it ("anonymous", "member", "coordinator" or "staff"), the fields to fill with
hostile values, the valid values of the other fields, and the models whose row count must not
change when the answer is an error.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from events.models import Registration
from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship
from members.models import AccessRequest, Invitation, MemberProfile, MemberRole
from newsletter.models import Subscriber
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
# A parameter sent several times (`?q=a&q=b`): the test client repeats a list's values.
HOSTILE_OR_REPEATED = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3))


@dataclass
class Target:
    name: str
    url: object  # places -> path
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
        "directory search",
        lambda s: s["directory"].url,
        "get",
        "anonymous",
        ["q", "near", "region", "service", "kind", "page"],
    ),
    Target("directory GeoJSON", lambda s: s["directory"].url + "geojson/", "get", "anonymous", ["q", "region"]),
    Target("directory CSV", lambda s: s["directory"].url + "csv/", "get", "anonymous", ["q", "region"]),
    Target("news index", lambda s: s["news"].url, "get", "anonymous", ["page", "tag"]),
    Target("events listing", lambda s: s["events"].url, "get", "anonymous", ["page", "kind", "audience", "format"]),
    Target("public event page", lambda s: s["public_event"].url, "get", "anonymous", ["next", "page"]),
    Target(
        "contact form",
        lambda s: s["contact"].url,
        "post",
        "anonymous",
        ["name", "email", "message"],
        valid={"name": "Marie Tremblay", "email": "marie@example.org", "message": "Bonjour"},
        models=(FormSubmission,),
    ),
    Target(
        "guest registration",
        lambda s: reverse("events:guest_register", kwargs={"event_id": s["public_event"].pk}),
        "post",
        "anonymous",
        ["name", "email"],
        valid={"name": "Marie Tremblay", "email": "marie@example.org"},
        models=(Registration,),
    ),
    Target(
        "member registration",
        lambda s: reverse("events:register", kwargs={"event_id": s["members_event"].pk}),
        "post",
        "member",
        ["answers", "next"],
        models=(),
    ),
    Target(
        "invite",
        lambda s: reverse("members:invite", kwargs={"school_id": s["levis"].pk}),
        "post",
        "coordinator",
        ["email", "role", "language"],
        valid={"email": "nouvelle@example.org", "role": MemberRole.STAFF, "language": "fr"},
        models=(Invitation,),
    ),
    Target(
        "delete account",
        lambda s: reverse("members:delete_account"),
        "post",
        "member",
        ["password", "confirm"],
        valid={"confirm": "on"},
        models=(get_user_model(),),
    ),
    Target("sign in", lambda s: reverse("account_login"), "post", "anonymous", ["login", "password", "next"]),
    Target("password reset", lambda s: reverse("account_reset_password"), "post", "anonymous", ["email"]),
    Target("sign-in page", lambda s: reverse("account_login"), "get", "anonymous", ["next"]),
    Target("people page", lambda s: reverse("members:people"), "get", "coordinator", ["page", "q"]),
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
    Target(
        "mentoring offer",
        lambda s: reverse("mentoring:offer"),
        "post",
        "member",
        ["topics", "capacity", "format", "languages", "years_in_role", "availability", "paused"],
        valid={"capacity": "1", "format": "either", "languages": "fr", "years_in_role": "3"},
        models=(MentorOffer,),
    ),
    Target(
        "mentoring request",
        lambda s: reverse("mentoring:request"),
        "post",
        "member",
        ["topics", "goals", "format", "languages"],
        valid={"goals": "Apprendre", "format": "either", "languages": "fr"},
        models=(MenteeRequest,),
    ),
    Target("mentoring match by hand", lambda s: reverse("mentoring:pool"), "post", "staff", ["mentee", "mentor"]),
    Target(
        "newsletter signup",
        lambda s: reverse("newsletter:signup"),
        "post",
        "anonymous",
        ["email", "language", "lists", "next"],
        valid={"email": "abonne@example.org", "language": "fr", "lists": "public"},
        models=(Subscriber,),
    ),
    Target(
        "newsletter preferences",
        lambda s: reverse("newsletter:preferences", kwargs={"key": _subscriber_key()}),
        "post",
        "anonymous",
        ["language", "lists"],
        valid={"language": "fr", "lists": "public"},
    ),
    Target(
        "mentoring proposal",
        lambda s: reverse("mentoring:proposal"),
        "post",
        "staff",
        ["mentor_1", "mentor_2", "mentor_999999999999"],
        models=(Mentorship,),
    ),
]


def _subscriber_key():
    subscriber, _created = Subscriber.objects.get_or_create(email="prefs@example.org")
    return subscriber.key


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
def test_hostile_values_never_break_a_form(client, places, target):
    sign_in(client, places, target.who)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(values=st.dictionaries(st.sampled_from(target.fields), HOSTILE_OR_REPEATED, min_size=1))
    def check(values):
        counts = {model: model.objects.count() for model in target.models}
        response = send(client, places, target, values)

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
def test_every_known_hostile_value_in_every_field(client, places, target):
    """Random draws may miss a rare case: each known hostile value goes into each field once."""
    sign_in(client, places, target.who)
    for name in target.fields:
        for value in KNOWN_HOSTILE:
            check_answer(client, places, target, {name: value})


PLACEHOLDER = "VALEUR"
# URLs with a value in the path: a token from an email, or an id. (name, kwargs, who)
PATH_TARGETS = [
    ("members:accept_invitation", {"token": PLACEHOLDER}, "anonymous"),
    ("events:confirm", {"token": PLACEHOLDER}, "anonymous"),
    ("events:cancel", {"token": PLACEHOLDER}, "anonymous"),
    ("events:ics", {"event_id": 1}, "anonymous"),
    ("events:guest_register", {"event_id": 1}, "anonymous"),
    ("members:person", {"pk": 1}, "member"),
    ("members:person_photo", {"pk": 1}, "member"),
    ("members:school", {"school_id": 1}, "coordinator"),
    ("members:invite", {"school_id": 1}, "coordinator"),
    ("members:school_entry", {"school_id": 1}, "coordinator"),
    ("mentoring:relationship", {"pk": 1}, "member"),
    ("mentoring:accept", {"pk": 1}, "member"),
    ("mentoring:close", {"pk": 1}, "member"),
    ("mentoring:ask", {"mentor_id": 1}, "member"),
    ("mentoring:dismiss", {"mentor_id": 1}, "member"),
    ("newsletter:confirm", {"token": PLACEHOLDER}, "anonymous"),
    ("newsletter:preferences", {"key": PLACEHOLDER}, "anonymous"),
    ("newsletter:unsubscribe", {"key": PLACEHOLDER}, "anonymous"),
]


def hostile_path(name, kwargs, value):
    """The URL with `value` (percent-encoded, as a browser sends it) where the token or id goes."""
    key = next(iter(kwargs))
    marker = PLACEHOLDER if kwargs[key] == PLACEHOLDER else "987654321"
    url = reverse(name, kwargs={**kwargs, key: marker})
    return url.replace(marker, quote(value, safe=""), 1)


@pytest.mark.parametrize(("name", "kwargs", "who"), PATH_TARGETS, ids=[target[0] for target in PATH_TARGETS])
def test_hostile_values_in_the_path_answer_without_a_500(client, places, name, kwargs, who):
    sign_in(client, places, who)
    for value in [*KNOWN_HOSTILE, "-5", "1" * 40, "%00", "..%2F..%2Fetc%2Fpasswd"]:
        if not value:
            continue
        url = hostile_path(name, kwargs, value)
        for response in (client.get(url), client.post(url, {"name": INJECTED})):
            assert response.status_code < 500, (name, value, response.status_code)
            assert INJECTED not in response.content.decode(errors="replace"), (name, value)

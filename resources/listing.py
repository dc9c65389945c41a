"""The resources list: full-text search, facets with counts (theme, kind, audience, language) in
a GET form that works without JavaScript, sorted by relevance then newest.

The index page hands its resources here (this module does not import the pages back). A fixed
number of queries whatever the number of resources, and the search itself (the visitor's rights,
the words, the ranking) run once: the ids of the matching resources, best first; then the counts
of every facet among those ids in one query, the ids the chosen facets keep, and the rows of the
page shown with their themes (bench/resources.py).
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from home.forms import SearchForm
from home.pagination import paginate
from members.public import Expertise
from resources.text import query_terms

RESOURCES_PER_PAGE = 20
TERM_FIELDS = {"title_terms": 8, "summary_terms": 4, "body_terms": 2, "file_terms": 1}
FACETS = ["theme", "kind", "audience", "language"]


class ResourceSearchForm(SearchForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    language = forms.ChoiceField(label=_("Language of the material"), required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = _("Search the resources")
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "spellcheck": "false"})
        everything = {
            "theme": _("All themes"),
            "kind": _("All kinds"),
            "audience": _("Everyone"),
            "language": _("All languages"),
        }
        for name in FACETS:
            self.fields[name].choices = [("", everything[name]), *choices[name]]
            self.fields[name].error_messages["invalid_choice"] = _("Choose a value from the list.")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int


def _tsquery(terms):
    # Roots are [a-z0-9]+ only (resources/text.py): nothing in them is tsquery syntax.
    return " & ".join("(" + " | ".join(sorted(roots)) + ")" for roots in terms)


def _contains_any(field, roots):
    condition = Q()
    for root in roots:
        condition |= Q(**{f"search_entry__{field}__contains": f" {root} "})
    return condition


def matching(resources, text):
    """`resources` matching every word of `text`, annotated with `rank`."""
    terms = query_terms(text)
    if not terms:
        return resources.none().annotate(rank=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        search = SearchQuery(_tsquery(terms), search_type="raw", config="simple")
        return resources.filter(search_entry__vector=search).annotate(
            rank=SearchRank(F("search_entry__vector"), search)
        )
    # SQLite (make run): the term columns, space-padded, one LIKE per root and column.
    condition = Q()
    for roots in terms:
        condition &= Q(*[_contains_any(field, roots) for field in TERM_FIELDS], _connector=Q.OR)
    rank = Value(0.0, output_field=FloatField())
    for field, weight in TERM_FIELDS.items():
        for roots in terms:
            rank = rank + Case(
                When(_contains_any(field, roots), then=Value(float(weight))),
                default=Value(0.0),
                output_field=FloatField(),
            )
    return resources.filter(condition).annotate(rank=rank)


# A theme slug is never empty: the rows counted without their themes carry this one.
_ANY_THEME = ""


@dataclass
class _Match:
    """What the facets need to know of one matching resource."""

    kind: str
    audience: str
    language: str
    themes: set


def _matches(resources, order):
    """{id: _Match} of every resource `resources` holds, best first: the search runs once here,
    then its themes in one more query."""
    found = {
        pk: _Match(kind, audience, language, set())
        for pk, kind, audience, language in resources.order_by(*order).values_list(
            "pk", "kind", "audience", "material_language"
        )
    }
    if found:
        themes = resources.model.themes.through.objects.filter(resourcepage_id__in=list(found))
        for pk, slug in themes.values_list("resourcepage_id", "expertise__slug"):
            found[pk].themes.add(slug)
    return found


def _facet_rows(matches):
    """The matching resources counted by kind, audience and language, and again by those and
    theme (a resource has several themes, so the first count is the one to add up when no theme
    is chosen)."""
    plain = Counter((match.kind, match.audience, match.language, _ANY_THEME) for match in matches.values())
    by_theme = Counter(
        (match.kind, match.audience, match.language, theme) for match in matches.values() for theme in match.themes
    )
    return [
        {"kind": kind, "audience": audience, "language": language, "theme": theme, "count": count}
        for (kind, audience, language, theme), count in [*plain.items(), *by_theme.items()]
    ]


def _keeps(match, chosen):
    values = {"kind": match.kind, "audience": match.audience, "language": match.language}
    if chosen.get("theme") and chosen["theme"] not in match.themes:
        return False
    return all(values[name] == chosen[name] for name in ("kind", "audience", "language") if chosen.get(name))


def _counts(rows, name, chosen):
    """{value: count} of facet `name` among the resources that have the values chosen for the other facets."""
    by_theme = name == "theme" or bool(chosen.get("theme"))
    counts = Counter()
    for row in rows:
        if (row["theme"] != _ANY_THEME) != by_theme or (by_theme and row["theme"] is None):
            continue
        others = [other for other in FACETS if other != name and chosen.get(other)]
        if all(row[other] == chosen[other] for other in others):
            counts[row[name]] += row["count"]
    return counts


def search_resources(resources, params, *, kinds, audiences, languages):
    """Template context for `resources` (a ResourcePage queryset the visitor may see) searched and
    filtered by the GET `params`: form, results (a page), facets, query, is_filtered.

    Unknown facet values and overlong queries are reported on the form and ignored; they never raise.
    """
    themes = list(Expertise.objects.all())
    choices = {
        "theme": [(theme.slug, theme.name) for theme in themes],
        "kind": list(kinds),
        "audience": list(audiences),
        "language": list(languages),
    }
    form = ResourceSearchForm(params or None, choices=choices)
    form.is_valid()
    data = {name: value for name, value in getattr(form, "cleaned_data", {}).items() if name not in form.errors}
    query = data.get("q", "")
    order = ["-publication_date", "-pk"]
    if query:
        resources = matching(resources, query)
        order = [F("rank").desc(), *order]
    matches = _matches(resources, order)
    facets = []
    rows = _facet_rows(matches)
    for name in FACETS:
        counts = _counts(rows, name, data)
        options = [FacetOption(value, label, counts.get(value, 0)) for value, label in choices[name]]
        # Values with nothing to show are left out, unless chosen.
        options = [option for option in options if option.count or option.value == data.get(name)]
        form.fields[name].choices = [
            form.fields[name].choices[0],
            *((option.value, f"{option.label} ({option.count})") for option in options),
        ]
        facets.append((name, options))
    ids = [pk for pk, match in matches.items() if _keeps(match, data)]
    results = paginate(ids, params.get("page"), RESOURCES_PER_PAGE)
    if results.object_list:
        shown = resources.model.objects.filter(pk__in=results.object_list)
        by_id = {
            resource.pk: resource
            for resource in shown.select_related("author_school", "locale").prefetch_related("themes")
        }
        results.object_list = [by_id[pk] for pk in results.object_list]
    return {
        "form": form,
        "query": query,
        "results": results,
        "facets": facets,
        "is_filtered": bool(query) or any(data.get(name) for name in FACETS),
    }

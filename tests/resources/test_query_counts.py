"""The resources list and its search issue a fixed number of SQL queries however many resources
exist (see tests/utils.py)."""

import pytest

from tests.factories.resources import ResourcePageFactory
from tests.utils import assert_steady_count, steady_query_count

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
# Raise this only when a change adds a fixed query to every render of the list, and say why.
# Of the 10: the session and user (a member is signed in), their membership and its school for
# the members-only resources, the themes for the form, one query for the counts of every facet,
# and the results (count, rows, their themes). The page, its route and view restrictions, menus,
# footer and settings come from the cache (home/routing.py, home/caching.py).
RESOURCE_LIST_QUERIES = 10


def add_resources(index, themes, count):
    start = index.get_children().count()
    for number in range(start, start + count):
        page = ResourcePageFactory(
            parent=index,
            title=f"Guide sur le décrochage {number}",
            audience="members" if number % 2 else "public",
            kind="guide" if number % 3 else "research",
        )
        page.themes.set(themes)
        page.save_revision().publish()


@pytest.mark.parametrize("params", ["", "?q=decrochage", "?q=decrochage&kind=guide&theme=accueil"])
def test_resource_list_queries_do_not_grow_with_resources(
    client, member, resource_index, themes, params, django_assert_num_queries
):
    client.force_login(member)
    url = resource_index.url + params
    add_resources(resource_index, themes, FEW)
    few = steady_query_count(client, url)
    add_resources(resource_index, themes, MANY - FEW)

    assert_steady_count(client, url, few, django_assert_num_queries)
    assert few == RESOURCE_LIST_QUERIES

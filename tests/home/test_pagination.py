import pytest

from home.pagination import paginate

ITEMS = list(range(25))


@pytest.mark.parametrize(
    ("sent", "expected_number"),
    [
        ("2", 2),
        (2, 2),
        (None, 1),
        ("", 1),
        ("deux", 1),
        ("\x00", 1),
        ("1.5", 1),
        ("99999999999999999999999", 3),
        ("0", 3),
        ("-4", 3),
    ],
    ids=repr,
)
def test_paginate_turns_whatever_the_visitor_sent_into_a_page(sent, expected_number):
    page = paginate(ITEMS, sent, 10)

    assert page.number == expected_number
    assert list(page.object_list) == ITEMS[(expected_number - 1) * 10 : expected_number * 10]


def test_paginate_an_empty_list_gives_one_empty_page():
    page = paginate([], "7", 10)

    assert (page.number, list(page.object_list), page.paginator.num_pages) == (1, [], 1)

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def render(value, language, fmt="DATE_FORMAT"):
    with translation.override(language):
        return Template("{% load date_tags %}{{ value|long_date:fmt }}").render(Context({"value": value, "fmt": fmt}))


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (1, "fr", "1er novembre 2026"),
        (2, "fr", "2 novembre 2026"),
        (11, "fr", "11 novembre 2026"),
        (1, "en", "November 1, 2026"),
    ],
)
def test_long_date_writes_the_first_of_the_month_as_quebec_does(day, language, expected):
    assert render(datetime.date(2026, 11, day), language) == expected


def test_long_date_with_time_in_french():
    moment = datetime.datetime(2026, 11, 1, 14, 30, tzinfo=ZoneInfo("America/Montreal"))

    assert render(moment, "fr", "DATETIME_FORMAT") == "1er novembre 2026, 14 h 30"


def test_no_template_formats_a_long_date_without_long_date():
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*")
        if path.is_file() and re.search(r"\|date:[\"'](DATE_FORMAT|DATETIME_FORMAT)", path.read_text())
    ]

    assert offenders == []

"""The dashboard's relative times read as the product's do ("Connected 4 months ago")."""

from datetime import date, datetime, timedelta, timezone

import pytest

from mock_app.timefmt import long_date, time_ago

NOW = datetime(2024, 1, 9, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("ago", "words"),
    [
        (timedelta(seconds=10), "a few seconds ago"),
        (timedelta(seconds=60), "a minute ago"),
        (timedelta(minutes=20), "20 minutes ago"),
        (timedelta(minutes=60), "an hour ago"),
        (timedelta(hours=18), "18 hours ago"),
        (timedelta(hours=30), "a day ago"),
        (timedelta(days=2), "2 days ago"),
        (timedelta(days=30), "a month ago"),
        (timedelta(days=90), "3 months ago"),
        (timedelta(days=120), "4 months ago"),
        (timedelta(days=400), "a year ago"),
        (timedelta(days=800), "2 years ago"),
    ],
)
def test_time_ago_uses_the_products_wording(ago: timedelta, words: str) -> None:
    assert time_ago((NOW - ago).isoformat(), NOW) == words


def test_a_time_in_the_future_reads_as_just_now() -> None:
    assert time_ago((NOW + timedelta(minutes=5)).isoformat(), NOW) == "a few seconds ago"


def test_long_date_has_no_leading_zero() -> None:
    assert long_date(date(2024, 1, 2)) == "2 January 2024"

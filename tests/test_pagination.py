"""factcheck/pagination.py: keys in URLs and query strings without the pager's keys."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.http import QueryDict

from factcheck.pagination import PAGE_PARAMS, key_of, parse_key, query_without


def test_query_without_drops_only_the_named_keys_and_keeps_repeats():
    params = QueryDict("kind=date&after=12&article=x&mine=on&mine=on&page=last")
    assert query_without(params, "article", *PAGE_PARAMS) == "kind=date&mine=on&mine=on"
    assert params["after"] == "12"  # the request's own parameters are left alone
    assert query_without(QueryDict("after=3"), *PAGE_PARAMS) == ""


@pytest.mark.parametrize(
    ("sort", "text", "key"),
    [
        ("oldest", "42", (42,)),
        ("article", "501.30.50123", (501, 30, 50123)),
        ("kind", "vote_result.7", ("vote_result", 7)),
        ("oldest", "", None),
        ("oldest", "4.2", None),  # wrong number of parts for the sort
        ("kind", "nope.7", None),  # not a kind
        ("oldest", "-1", None),
        ("oldest", "١٢", None),  # digits, but not ASCII ones
        ("oldest", "9" * 19, None),  # past a bigint
        ("article", "1." * 60 + "1", None),  # too long to be a key
    ],
)
def test_parse_key_accepts_keys_of_the_sort_only(sort, text, key):
    assert parse_key(text, sort) == key


def test_key_of_round_trips_through_parse_key():
    claim = SimpleNamespace(id=50123, article_id=501, start=30, kind="date")
    for sort in ("oldest", "article", "kind"):
        assert parse_key(key_of(claim, sort), sort) is not None
    assert parse_key(key_of(claim, "article"), "article") == (501, 30, 50123)

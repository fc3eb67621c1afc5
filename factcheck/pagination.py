"""Keyset pagination of the reviewer queue, and query strings without the pager's keys.

The queue is paged by seeking from a row's sort key (ClaimQuerySet.seek), never
by OFFSET: a page deep in 100,000 claims costs what the first one does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from factcheck.models import Claim
from factcheck.querysets import ClaimQuerySet

# Where the pager is: dropped whenever a filter, status or sort changes.
PAGE_PARAMS = ("page", "after", "before")


def query_without(params: QueryDict, *keys: str) -> str:
    """`params` url-encoded without `keys` (no leading "?"; empty when nothing is left)."""
    kept = params.copy()
    for key in keys:
        kept.pop(key, None)
    return kept.urlencode()


@dataclass
class KeysetPage:
    """One page of the queue, found by seeking from a row's sort key, never by OFFSET.

    URLs: no cursor = the first page; `after=KEY` = the rows following KEY;
    `before=KEY` = the rows preceding it; `page=last` = the last rows. KEY is
    the sort key of a row, e.g. `501.30.50123` for (article_id, start, id).
    Each page costs one query of `size` + 1 rows (the extra row tells whether
    there is more), wherever it lies in the queue; rows come back in sort order.
    """

    rows: list[Claim]
    sort: str
    has_previous: bool
    has_next: bool
    is_first: bool

    @classmethod
    def load(cls, rows: ClaimQuerySet, sort: str, params: Any, *, size: int) -> KeysetPage:
        after = parse_key(params.get("after"), sort)
        before = parse_key(params.get("before"), sort) if after is None else None
        backwards = before is not None or (after is None and params.get("page") == "last")
        if after is not None:
            rows = rows.seek(sort, after)
        elif before is not None:
            rows = rows.seek(sort, before, backwards=True)
        found = list(rows.queue_sorted(sort, backwards=backwards)[: size + 1])
        more = len(found) > size
        found = found[:size]
        if backwards:
            found.reverse()
            # Came from a later page (before=) or jumped to the end: "next" leads back there.
            return cls(found, sort, has_previous=more, has_next=before is not None,
                       is_first=not more)
        return cls(found, sort, has_previous=after is not None, has_next=more,
                   is_first=after is None)

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_key(self) -> str:
        return key_of(self.rows[0], self.sort) if self.rows else ""

    @property
    def next_key(self) -> str:
        return key_of(self.rows[-1], self.sort) if self.rows else ""


def key_of(claim: Claim, sort: str) -> str:
    return ".".join(str(getattr(claim, name)) for name in ClaimQuerySet.sort_fields(sort))


def parse_key(text: str | None, sort: str) -> tuple[Any, ...] | None:
    """A KEY from the URL, checked against the sort's fields; None when absent or bad."""
    if not text or len(text) > 100:
        return None
    names = ClaimQuerySet.sort_fields(sort)
    parts = text.split(".")
    if len(parts) != len(names):
        return None
    key: list[Any] = []
    for name, part in zip(names, parts, strict=True):
        if name == "kind":
            if part not in Claim.Kind.values:
                return None
            key.append(part)
        elif part.isascii() and part.isdigit() and len(part) <= 18:
            key.append(int(part))
        else:
            return None
    return tuple(key)


# --- Published fact-checks (the API's list), newest publication first ----------------------


def fact_check_key(article: Any) -> str:
    """An article's place in Article.public()'s order: `<first publication, µs>.<id>`."""
    moment = article.first_published_at
    return f"{int(moment.timestamp()) * 1_000_000 + moment.microsecond}.{article.pk}"


def parse_fact_check_key(text: str | None) -> tuple[dt.datetime, int] | None:
    """The (first publication, id) of a key from a `next` link; None when absent or bad."""
    parts = (text or "").split(".")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 18 for p in parts):
        return None
    micros, pk = (int(part) for part in parts)
    try:
        moment = dt.datetime.fromtimestamp(micros // 1_000_000, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.replace(microsecond=micros % 1_000_000), pk

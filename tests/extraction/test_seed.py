"""The seed article (dev set, seed-pyongyang-washington) gives exactly its five claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.extraction import extract

SEED = json.loads(
    (Path(__file__).parents[1] / "data" / "seed-pyongyang-washington.json").read_text("utf-8")
)

# (kind, gold span, value), from the gold annotation of the dev set.
EXPECTED = [
    ("date", (470, 480), {"date": "2024-11-05"}),  # "5 novembre"
    ("date", (589, 600), {"date": "2024-11-15"}),  # "15 novembre"
    ("meeting_count", (1468, 1484), {"count": 3}),  # "à trois reprises"
    ("date", (1488, 1492), {"date": "2018"}),  # "2018"
    ("date", (1496, 1500), {"date": "2019"}),  # "2019"
]


def test_fixture_is_the_seed_article() -> None:
    text = SEED["text"]
    assert [text[start:end] for _, (start, end), _ in EXPECTED] == [
        "5 novembre", "15 novembre", "à trois reprises", "2018", "2019",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", None])
def test_seed_article_gives_exactly_its_five_claims(lang: str | None) -> None:
    claims = extract(SEED["text"], lang=lang, published=SEED["published"])
    assert [(c.kind, c.value) for c in claims] == [(k, v) for k, _, v in EXPECTED]
    for claim, (_, (start, end), _) in zip(claims, EXPECTED, strict=True):
        # Spans are scored by overlap: "le 15 novembre" is as good as "15 novembre".
        assert claim.start < end and start < claim.end, claim

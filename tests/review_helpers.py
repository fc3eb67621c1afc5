"""Builders for the claim-workflow tests: articles and claims made directly, no extractor."""

from __future__ import annotations

from typing import Any

from django.test import Client

from factcheck.models import Article, Claim, Source, Verdict

VALUES: dict[str, dict[str, Any]] = {
    Claim.Kind.DATE: {"date": "2024-11-15"},
    Claim.Kind.VOTE_RESULT: {"for": 289, "against": 12, "abstain": 5, "unanimous": False},
    Claim.Kind.MEETING_COUNT: {"count": 3},
}


def make_article(title: str = "Vote au Sénat", language: str = "fr", length: int = 2000,
                 body: str | None = None, **fields: Any) -> Article:
    """An article in review whose body is long enough for `length` one-character spans."""
    text = body if body is not None else ("Le texte du débat. " * (length // 19 + 2))[: length + 1]
    return Article.objects.create(
        title=title, body=text, language=language, status=Article.Status.IN_REVIEW, **fields
    )


def make_claims(article: Article, count: int, kind: str = Claim.Kind.DATE,
                offset: int = 0, **fields: Any) -> list[Claim]:
    """`count` claims on consecutive one-character spans, created with bulk_create."""
    base = {"sentence_start": 0, "sentence_end": len(article.body)} | fields
    claims = [
        Claim(
            article=article,
            kind=kind,
            start=offset + i,
            end=offset + i + 1,
            text=f"claim {offset + i}",
            extracted_value=VALUES.get(kind, {}),
            **base,
        )
        for i in range(count)
    ]
    return Claim.objects.bulk_create(claims)


def make_claim(article: Article | None = None, **fields: Any) -> Claim:
    article = article or make_article()
    offset = fields.pop("offset", article.claims.count())
    return make_claims(article, 1, offset=offset, **fields)[0]


def add_source(claim: Claim, **fields: Any) -> Source:
    defaults = {"url": "https://www.senat.fr/scrutin/2024/123.html", "title": "Scrutin n° 123"}
    return Source.objects.create(claim=claim, **(defaults | fields))


def verdict(label_en: str = "True") -> Verdict:
    return Verdict.objects.get(label_en=label_en)


def login(user: Any) -> Client:
    """A separate browser session for `user` (force_login: no slow password hashing)."""
    client = Client()
    client.force_login(user)
    return client


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


HTMX = {"HTTP_HX_REQUEST": "true"}

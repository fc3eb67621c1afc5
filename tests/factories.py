"""The one place tests build users, articles, claims and sources.

`make_article` writes an article in review directly (no extractor: claims come
from `make_claims`); `make_extracted_article` runs the real extractor in-process,
as the worker would, and saves the claims it finds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from factcheck.extraction import extract
from factcheck.models import Article, Claim, Source, Verdict

PASSWORD = "a-long-test-password-42"

SAMPLE_TEXT = (
    "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12 et 5 abstentions. "
    "Les deux dirigeants se sont rencontrés à trois reprises en 2018 et 2019."
)

VALUES: dict[str, dict[str, Any]] = {
    Claim.Kind.DATE: {"date": "2024-11-15"},
    Claim.Kind.VOTE_RESULT: {"for": 289, "against": 12, "abstain": 5, "unanimous": False},
    Claim.Kind.MEETING_COUNT: {"count": 3},
}


def make_user(username: str, group: str | None = None) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_article(uploaded_by: Any = None, *, title: str = "Vote au Sénat", language: str = "fr",
                 length: int = 2000, body: str | None = None, **fields: Any) -> Article:
    """An article in review whose body is long enough for `length` one-character spans."""
    text = body if body is not None else ("Le texte du débat. " * (length // 19 + 2))[: length + 1]
    return Article.objects.create(
        title=title, body=text, language=language, status=Article.Status.IN_REVIEW,
        uploaded_by=uploaded_by, **fields,
    )


def make_extracted_article(uploaded_by: Any, body: str = SAMPLE_TEXT, **fields: Any) -> Article:
    """An article already extracted in-process (no worker), status in_review."""
    from factcheck.actions.extraction import apply_extraction

    defaults = {
        "title": "Vote au Sénat",
        "body": body,
        "requested_language": "fr",
        "published_on": dt.date(2024, 11, 20),
        "uploaded_by": uploaded_by,
    }
    article = Article.objects.create(**(defaults | fields))
    apply_extraction(article.pk, extract(body, lang="fr", published="2024-11-20"), "fr")
    article.refresh_from_db()
    return article


def make_claims(article: Article, count: int, kind: str = Claim.Kind.DATE,
                offset: int = 0, **fields: Any) -> list[Claim]:
    """`count` claims on consecutive one-character spans, created with bulk_create."""
    base = {"sentence_start": 0, "sentence_end": len(article.body)} | fields
    base.setdefault("sentence_text", article.body[base["sentence_start"] : base["sentence_end"]])
    claims = [
        Claim(
            article=article,
            kind=kind,
            start=offset + i,
            **({"end": offset + i + 1, "text": f"claim {offset + i}",
                "extracted_value": VALUES.get(kind, {})} | base),
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


HTMX = {"HTTP_HX_REQUEST": "true"}


def review_and_approve(claim: Claim, reviewer: Any, editor: Any, label: str = "True",
                       explanation: str = "Le compte rendu officiel le confirme.",
                       **review_fields: Any) -> Claim:
    """Take, source, judge and approve one claim through the real workflow
    (`review_fields`: more of what the reviewer saves, e.g. claimant)."""
    from factcheck.actions import review

    claim = review.take_claim(claim, reviewer)
    review.add_source(claim, reviewer, url="https://www.senat.fr/scrutin/2024/123.html",
                      title="Scrutin n° 123", publisher="Sénat",
                      quoted_passage="Pour l'adoption : 289", accessed_on=dt.date(2024, 11, 21))
    claim = Claim.objects.get(pk=claim.pk)
    claim = review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict(label),
                                explanation=explanation, **review_fields)
    return review.approve_claim(claim, editor, version=claim.version)


def make_published_article(editor: Any, reviewer: Any, labels: tuple[str, ...] = (),
                           **fields: Any) -> Article:
    """An extracted article whose claims are all approved (verdicts `labels` in text order,
    True for the rest), then published."""
    from factcheck.actions.publishing import publish_article

    fields = {"outlet": "Le Quotidien", "source_url": "https://quotidien.example/senat"} | fields
    article = make_extracted_article(editor, **fields)
    for i, claim in enumerate(article.claims.order_by("start")):
        review_and_approve(claim, reviewer, editor, labels[i] if i < len(labels) else "True")
    article.refresh_from_db()
    return publish_article(article, editor)

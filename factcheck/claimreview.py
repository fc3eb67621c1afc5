"""ClaimReview (schema.org) for one published claim: a pure function of the models.

`claim_review(claim, organisation, base_url)` returns the JSON-LD object the
public pages embed and the open data lists; the JSON API can reuse it. It
reads only what it is given (the claim with its article and verdict loaded),
never the request or the database beyond those relations.

Google's guidelines: `claimReviewed` is a short sentence (under 75 characters
where possible) and never the verdict; `reviewRating` carries the verdict's
label as `alternateName`, and a numeric rating on a 1-5 scale only when the
verdict has one; `url` is the per-claim page on the site's own domain.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.models import Article, Claim, Organisation

CLAIM_REVIEWED_MAX = 75
BEST_RATING, WORST_RATING = 5, 1
ELLIPSIS = "…"
SPACES = re.compile(r"\s+")


def claim_review(claim: Claim, organisation: Organisation, base_url: str) -> dict[str, Any]:
    """The ClaimReview of a published claim; `base_url` is the site's, e.g. https://host."""
    article = claim.article
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(base_url, claim.get_public_url()),
        "claimReviewed": claim_reviewed(claim),
        "reviewRating": rating(claim, article.language),
        "author": publisher(organisation),
        "datePublished": _date(claim.published_at),
        "inLanguage": article.language,
        "itemReviewed": item_reviewed(article, claim.claimant),
    }
    if claim.public_modified_at:
        review["dateModified"] = _date(claim.public_modified_at)
    return review


def claim_reviewed(claim: Claim) -> str:
    """The claim as a short sentence: its sentence, cut at word boundaries around the span."""
    before, span, after = (_squash(part) for part in claim.sentence())
    sentence = _join(before, span, after)
    if len(sentence) <= CLAIM_REVIEWED_MAX:
        return sentence
    if len(span) >= CLAIM_REVIEWED_MAX:
        return _cut_end(span, CLAIM_REVIEWED_MAX, hard=True)
    room = CLAIM_REVIEWED_MAX - len(span) - 2  # an ellipsis at each end at most
    # Context on both sides of the span; what one side does not use goes to the other.
    left_room = min(len(before), max(room // 2, room - len(after)))
    right_room = room - left_room
    left = _cut_start(before, left_room) if len(before) > left_room else before
    right = _cut_end(after, right_room) if len(after) > right_room else after
    return _join(left, span, right)


def rating(claim: Claim, language: str) -> dict[str, Any]:
    verdict = claim.verdict
    value: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.label_in(language)}
    if verdict.rating is not None:
        value |= {
            "ratingValue": verdict.rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return value


def publisher(organisation: Organisation) -> dict[str, Any]:
    author: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.url:
        author["url"] = organisation.url
    if organisation.logo_url:
        author["logo"] = organisation.logo_url
    return author


def item_reviewed(article: Article, claimant: str = "") -> dict[str, Any]:
    """The claim as it appeared in the article: made by the person the reviewer named,
    else by the article's outlet."""
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.source_url:
        appearance["url"] = article.source_url
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if article.published_on:
        item["datePublished"] = article.published_for_extraction  # YYYY-MM-DD or YYYY-MM
    if claimant:
        item["author"] = {"@type": "Person", "name": claimant}
    elif article.outlet:
        item["author"] = {"@type": "Organization", "name": article.outlet}
    return item


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _date(moment: Any) -> str | None:
    return moment.date().isoformat() if moment else None


def _squash(text: str) -> str:
    return SPACES.sub(" ", text)


def _join(before: str, span: str, after: str) -> str:
    return f"{before}{span}{after}".strip()


def _cut_end(text: str, limit: int, *, hard: bool = False) -> str:
    """The first `limit` characters of `text` at most, ending at a word boundary, then "…".
    A first word longer than that is cut inside when `hard`, else dropped."""
    cut = text[: limit - 1]
    if len(text) > len(cut) and not text[len(cut)].isspace():
        boundary = cut.rfind(" ")
        if boundary > 0 or not hard:
            cut = cut[: max(boundary, 0)]
    return cut.rstrip(" ,;:") + ELLIPSIS


def _cut_start(text: str, limit: int) -> str:
    """"…" then the last `limit` - 1 characters of `text` at most, from a word boundary."""
    start = len(text) - max(limit - 1, 0)
    cut = text[max(start, 0) :]
    if start > 0 and not text[start - 1].isspace():
        boundary = cut.find(" ")
        cut = cut[boundary + 1 :] if boundary >= 0 else ""
    return ELLIPSIS + cut.lstrip()

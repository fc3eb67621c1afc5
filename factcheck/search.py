"""Finding claims by their words, and earlier claims that said the same thing.

PostgreSQL: full-text search, each document in its article's language (`french`
or `english`, factcheck_search_config() in migration 0009), over the claim's text
and sentence (Claim.search_vector, kept by a trigger) and the article's title,
each with a GIN index; "checked before" ranks by pg_trgm similarity of the
sentences. SQLite (`make run`) has neither: search is a plain contains, and the
ranking counts shared words.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

# Longer search text is cut: a query string is not a document.
MAX_QUERY = 200
CHECKED_BEFORE = 5
# SQLite ranks in Python: it reads at most this many candidates, newest first.
SQLITE_CANDIDATES = 500

# Documents are indexed in their article's language (the claim's vector by a trigger, the
# title by an expression index); the query is read in both languages, since a search box
# does not know which one the words are in, and each document matches on its own
# language's stems. Both tests are what the GIN indexes answer, with no per-row recheck.
QUERY = "(websearch_to_tsquery('french', %s) || websearch_to_tsquery('english', %s))"
CLAIM_TABLE = '"factcheck_claim"'


def claim_match(table: str) -> str:
    """SQL true for a claim row of `table` (a name or alias) matching the query (2 params)."""
    return f"{table}.search_vector @@ {QUERY}"


# ids of the articles whose title matches, as an array computed once (an InitPlan):
# `article_id = ANY(...)` can then be an index condition, ORed with the vector's.
TITLE_MATCH = f"""ARRAY(
    SELECT t.id FROM factcheck_article t
    WHERE to_tsvector(factcheck_search_config(t.language), t.title) @@ {QUERY}
)"""


def cleaned(text: str) -> str:
    return " ".join(text.split())[:MAX_QUERY]


def _postgres(queryset: models.QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def claims_matching(claims: models.QuerySet, text: str) -> models.QuerySet:
    """Claims whose text, sentence or article title match `text`."""
    text = cleaned(text)
    if not text:
        return claims
    if not _postgres(claims):
        return claims.filter(
            models.Q(text__icontains=text)
            | models.Q(sentence_text__icontains=text)
            | models.Q(article__title__icontains=text)
        )
    condition = f"({claim_match(CLAIM_TABLE)} OR {CLAIM_TABLE}.article_id = ANY({TITLE_MATCH}))"
    return claims.filter(RawSQL(condition, [text] * 4, output_field=models.BooleanField()))


def articles_matching(articles: models.QuerySet, text: str) -> models.QuerySet:
    """Articles whose title, or one of whose claims (text or sentence), match `text`."""
    from factcheck.models import Claim

    text = cleaned(text)
    if not text:
        return articles
    if not _postgres(articles):
        return articles.filter(
            models.Q(title__icontains=text)
            | models.Q(pk__in=Claim.objects.filter(
                models.Q(text__icontains=text) | models.Q(sentence_text__icontains=text)
            ).values("article_id"))
        )
    condition = (
        f'("factcheck_article"."id" = ANY({TITLE_MATCH}) OR "factcheck_article"."id" IN '
        f"(SELECT c.article_id FROM factcheck_claim c WHERE {claim_match('c')}))"
    )
    return articles.filter(RawSQL(condition, [text] * 4, output_field=models.BooleanField()))


def checked_before(claim: Any, limit: int = CHECKED_BEFORE) -> list[Any]:
    """Other claims with a verdict, of the same kind and value, most similar sentence first."""
    from factcheck.models import Claim

    candidates = (
        Claim.objects.filter(verdict__isnull=False, kind=claim.kind)
        .alias(said=Coalesce("corrected_value", "extracted_value"))
        .filter(said=claim.value)
        .exclude(pk=claim.pk)
        .select_related("verdict", "article")
        .only(
            "uuid", "kind", "text", "sentence_text", "status", "verdict", "article__uuid",
            "article__title", "article__language",
        )
    )
    if _postgres(candidates):
        similar = TrigramSimilarity("sentence_text", claim.sentence_text)
        return list(candidates.annotate(similarity=similar).order_by("-similarity", "-id")[:limit])
    rows = list(candidates.order_by("-id")[:SQLITE_CANDIDATES])
    mine = words(claim.sentence_text)
    for row in rows:
        row.similarity = shared_words(mine, words(row.sentence_text))
    rows.sort(key=lambda row: -row.similarity)  # stable: newest first among equals
    return rows[:limit]


WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


def shared_words(a: set[str], b: set[str]) -> float:
    """Jaccard index of two sets of words: 1.0 for the same words, 0.0 for none shared."""
    return len(a & b) / len(a | b) if a and b else 0.0

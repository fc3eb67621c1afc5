"""apply_extraction: re-runs never duplicate claims and never drop reviewer work."""

from __future__ import annotations

from factcheck.actions.extraction import apply_extraction
from factcheck.extraction import Claim as Found
from factcheck.models import Article, Claim, Source


def found(start: int, end: int, body: str, value: dict | None = None) -> Found:
    return Found("date", start, end, body[start:end], value or {"date": "2024"}, 0, len(body))


def test_rerun_keeps_rows_and_reviewer_work(article, reviewer):
    body = article.body
    Claim.objects.filter(article=article).delete()
    apply_extraction(article.pk, [found(0, 2, body), found(3, 9, body)], "fr")
    worked = Claim.objects.get(article=article, start=3)
    worked.explanation = "Checked against the Journal officiel."
    worked.assignee = reviewer
    worked.status = Claim.Status.IN_PROGRESS
    worked.save()
    Source.objects.create(claim=worked, url="https://example.org", added_by=reviewer)

    apply_extraction(article.pk, [found(0, 2, body), found(3, 9, body, {"date": "2025"})], "fr")

    worked.refresh_from_db()
    assert worked.explanation == "Checked against the Journal officiel."
    assert worked.status == Claim.Status.IN_PROGRESS
    assert worked.extracted_value == {"date": "2025"}
    assert worked.sources.count() == 1
    assert article.claims.count() == 2


def test_claims_no_longer_found_are_deleted_unless_someone_worked_on_them(article, reviewer):
    body = article.body
    Claim.objects.filter(article=article).delete()
    apply_extraction(article.pk, [found(0, 2, body), found(3, 9, body)], "fr")
    worked = Claim.objects.get(article=article, start=3)
    Source.objects.create(claim=worked, url="https://example.org", added_by=reviewer)

    apply_extraction(article.pk, [], "fr")

    assert list(article.claims.values_list("start", "stale")) == [(3, True)]
    apply_extraction(article.pk, [found(3, 9, body)], "fr")
    assert list(article.claims.values_list("start", "stale")) == [(3, False)]


def test_article_with_every_claim_settled_stays_checked(article):
    Claim.objects.filter(article=article).delete()
    apply_extraction(article.pk, [found(0, 2, article.body)], "fr")
    article.claims.update(status=Claim.Status.APPROVED)

    apply_extraction(article.pk, [found(0, 2, article.body)], "fr")

    article.refresh_from_db()
    assert article.status == Article.Status.CHECKED

"""Celery tasks: an id in, the row re-fetched, the work done by extraction/actions."""

from __future__ import annotations

import logging

from celery import shared_task

from factcheck.actions import extraction as actions
from factcheck.extraction import extract
from factcheck.extraction.language import detect_language
from factcheck.models import Article

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def extract_article(article_id: int) -> str:
    """Extract an article's claims. Safe to run twice; quiet when the article is gone."""
    article = (
        Article.objects.filter(pk=article_id)
        .only("body", "requested_language", "published_on", "published_precision")
        .first()
    )
    if article is None:
        logger.info("extract_article: article %s no longer exists", article_id)
        return "missing"
    actions.mark_extracting(article_id)
    try:
        lang = article.requested_language or detect_language(article.body)
        claims = extract(article.body, lang=lang, published=article.published_for_extraction)
        actions.apply_extraction(article_id, claims, lang)
    except Article.DoesNotExist:
        logger.info("extract_article: article %s deleted during extraction", article_id)
        return "missing"
    except Exception as exc:  # any failure must leave a readable reason, not a stuck article
        logger.exception("extract_article: article %s failed", article_id)
        # The page adds a translated "Extraction failed:"; the reason stays technical.
        actions.mark_failed(article_id, f"{type(exc).__name__}: {exc}")
        return "failed"
    return "done"

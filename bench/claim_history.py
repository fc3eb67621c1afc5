"""Benchmark: the claim page's cost against the length of its history.

    .venv/bin/python bench/claim_history.py [--requests 200] [--events 3 151 1000]

Uses its own PostgreSQL database (DATABASE_URL, default .../newsroom_bench_history),
created on the first run. One claim per history length, requests through
django.test.Client in-process (server time: middleware, view, queries, templates).
Prints requests per second, p50/p95 in milliseconds, SQL queries and the page's
size for each length: with the newest 20 events shown, they should barely move.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path; the project root must be there too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import os
import statistics
import time
from typing import Any

from bench.benchdb import ensure_database

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_history")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def claim_with_history(events: int, reviewer: Any) -> Any:
    """A claim taken by `reviewer` (2 events) with drafts saved up to `events` in all."""
    from factcheck.actions import review
    from factcheck.models import Article, Claim

    title = f"bench history {events}"
    existing = Claim.objects.filter(article__title=title).first()
    if existing is not None and existing.events.count() == events:
        return existing
    Article.objects.filter(title=title).delete()
    body = "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12."
    article = Article.objects.create(title=title, body=body, language="fr",
                                     status=Article.Status.IN_REVIEW)
    start = body.index("15 novembre")
    claim = Claim.objects.create(article=article, kind="date", start=start, end=start + 16,
                                 text=body[start:start + 16], sentence_start=0,
                                 sentence_end=len(body), extracted_value={"date": "2024-11-15"})
    claim = review.take_claim(claim, reviewer)
    for i in range(events - 2):
        claim = review.save_review(claim, reviewer, version=claim.version, verdict=None,
                                   explanation=f"Draft number {i}.")
    return claim


def measure(client: Any, url: str, n: int) -> tuple[float, float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        client.get(url)
    timings = []
    started_all = time.perf_counter()
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    per_second = n / (time.perf_counter() - started_all)
    with CaptureQueriesContext(connection) as queries:
        size = len(client.get(url).content)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return per_second, statistics.median(timings), p95, len(queries), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--events", type=int, nargs="+", default=[3, 151, 1000])
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from factcheck import roles

    call_command("migrate", verbosity=0)
    reviewer, _ = get_user_model().objects.get_or_create(username="bench-reviewer")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        client = Client()
        client.force_login(reviewer)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"GET /claims/<uuid>/, {args.requests} timed requests each; "
              f"load average {load} on {os.cpu_count()} CPU cores")
        print(f"{'events':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8} {'KB':>6}")
        for events in args.events:
            claim = claim_with_history(events, reviewer)
            rate, p50, p95, queries, size = measure(client, claim.get_absolute_url(),
                                                    args.requests)
            print(f"{events:>7} {rate:7.1f} {p50:7.1f} {p95:7.1f} {queries:8d} {size / 1024:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

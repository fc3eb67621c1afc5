"""Benchmark: articles end to end through Celery and PostgreSQL.

    .venv/bin/python bench/pipeline.py [--articles 10000] [--concurrency 2]

Uses its own database (DATABASE_URL, default .../newsroom_bench_pipeline) and
a private Redis queue. Starts a real Celery worker (prefork, --concurrency
processes), saves the articles in bulk, enqueues one extract_article task per
article and times until every article is `in_review`. Prints articles per
second next to the target in DESIGN.md (>= 200 articles/s on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_pipeline"
)
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

TARGET_PER_SECOND = 200.0
ARTICLE_BYTES = 5_000


def five_kb_bodies(count: int) -> list[str]:
    """Distinct ~5 KB French articles: the demo text, numbered so no two hash alike."""
    demo = json.loads((ROOT / "factcheck" / "data" / "demo_article.json").read_text())["text"]
    base = (demo + "\n\n") * (ARTICLE_BYTES // len(demo.encode()) + 1)
    base = base[: ARTICLE_BYTES - 40]
    return [f"{base}\n\nDépêche n° {i}." for i in range(count)]


def start_worker(queue: str, concurrency: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-Q", queue,
         f"--concurrency={concurrency}", "--loglevel=WARNING", "--without-gossip",
         "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=os.environ.copy(),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    from bench.benchdb import ensure_database

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from factcheck.models import Article, content_hash
    from factcheck.tasks import extract_article

    call_command("migrate", verbosity=0)
    Article.objects.all().delete()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    worker = start_worker(queue, args.concurrency)
    try:
        time.sleep(3)  # the worker's processes boot while we build the articles
        articles = [
            Article(title=f"Dépêche {i}", body=body, requested_language="fr",
                    content_hash=content_hash(body))
            for i, body in enumerate(five_kb_bodies(args.articles))
        ]
        Article.objects.bulk_create(articles, batch_size=1000)
        print(f"{len(articles):,} articles of ~{ARTICLE_BYTES // 1000} KB saved; "
              f"{args.concurrency} worker processes; load {os.getloadavg()[0]:.2f}")
        started = time.perf_counter()
        for article in articles:
            extract_article.apply_async((article.pk,), queue=queue)
        enqueued = time.perf_counter() - started
        pending = Article.objects.exclude(status=Article.Status.IN_REVIEW)
        while pending.exists():
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    rate = args.articles / elapsed
    verdict = "ok" if rate >= TARGET_PER_SECOND else "BELOW TARGET"
    print(f"enqueued in {enqueued:.1f} s; all extracted in {elapsed:.1f} s")
    print(f"{rate:.0f} articles/s  target >= {TARGET_PER_SECOND:.0f}  {verdict}")
    from factcheck.models import Claim

    print(f"{Claim.objects.count():,} claims written; load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

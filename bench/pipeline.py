"""Benchmark: articles end to end through Celery and PostgreSQL.

    .venv/bin/python bench/pipeline.py [--articles 10000] [--concurrency 2]
                                       [--mode batch|single|import]

Uses its own database (DATABASE_URL, default .../newsroom_bench_pipeline) and
a private Redis queue. First measures the in-process extraction bound: the
same articles extracted by --concurrency processes, no database, no queue.
Then starts a real Celery worker (prefork, --concurrency processes), saves
the articles in bulk, sends them the way the import path does (batch tasks,
enqueue.send_extraction_batch; --mode single sends one extract_article task
per article, as a single upload does; --mode import writes them to a JSONL
file and runs `manage.py importarticles`'s import in this process, row
validation and inserts included) and times until every article is extracted.
Prints the end-to-end rate, the bound, their ratio and the peak memory of
each worker process next to the targets in DESIGN.md (>= 200 articles/s and
>= 25% of the bound on 2 cores; < 200 MB a worker process), with the load
average: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
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
TARGET_RATIO = 0.25
TARGET_WORKER_MB = 200
ARTICLE_BYTES = 5_000
BOUND_SAMPLE = 3_000


def five_kb_bodies(count: int) -> list[str]:
    """Distinct ~5 KB French articles: the demo text, numbered so no two hash alike."""
    demo = json.loads((ROOT / "factcheck" / "data" / "demo_article.json").read_text())["text"]
    base = (demo + "\n\n") * (ARTICLE_BYTES // len(demo.encode()) + 1)
    base = base[: ARTICLE_BYTES - 40]
    return [f"{base}\n\nDépêche n° {i}." for i in range(count)]


def _extract_fr(body: str) -> int:
    from factcheck.extraction import extract

    return len(extract(body, lang="fr"))


def extraction_bound(bodies: list[str], processes: int) -> float:
    """Articles per second that `processes` processes extract in memory: the ceiling."""
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(_extract_fr, bodies[: processes * 20])  # warm up: imports, lexicons
        started = time.perf_counter()
        pool.map(_extract_fr, bodies, chunksize=50)
        return len(bodies) / (time.perf_counter() - started)


def start_worker(queue: str, concurrency: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-Q", queue,
         f"--concurrency={concurrency}", "--loglevel=WARNING", "--without-gossip",
         "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=os.environ.copy(),
    )


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class MemoryWatch(threading.Thread):
    """Samples the resident memory of the worker and its pool processes; keeps each peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            for pid in (self.pid, *children(self.pid)):
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss_mb(pid))


def save_articles(bodies: list[str]) -> list[int]:
    from django.utils import timezone

    from factcheck.models import Article, content_hash

    now = timezone.now()
    articles = [
        Article(title=f"Dépêche {i}", body=body, requested_language="fr",
                content_hash=content_hash(body), extraction_queued_at=now)
        for i, body in enumerate(bodies)
    ]
    Article.objects.bulk_create(articles, batch_size=1000)
    return [article.pk for article in articles]


def send(mode: str, ids: list[int], queue: str) -> None:
    from factcheck import enqueue
    from factcheck.tasks import extract_article

    if mode == "single":
        for pk in ids:
            extract_article.apply_async((pk,), queue=queue)
        return
    sent = enqueue.send_extraction_batch(ids)
    assert sent == len(ids), f"only {sent} of {len(ids)} articles sent"


def write_jsonl(bodies: list[str]) -> Path:
    path = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with path.open("w") as out:
        for i, body in enumerate(bodies):
            out.write(json.dumps({"title": f"Dépêche {i}", "text": body, "language": "fr",
                                  "published": "2024-11-20", "external_id": f"bench-{i}"}))
            out.write("\n")
    return path


def run_import(path: Path) -> float:
    """The command's import, in this process; returns how long reading the rows took."""
    from factcheck.actions import imports
    from factcheck.models import ImportJob

    started = time.perf_counter()
    with path.open("rb") as source:
        job = ImportJob.objects.create(filename=path.name)
        job = imports.run_import(job.pk, source=source)
    assert job.created_count == job.rows_total, (job.status, job.failure_reason)
    return time.perf_counter() - started


def empty_tables() -> None:
    """Start from empty, analyzed tables. A DELETE of the last run's rows would leave them
    dead in the files, and this machine's PostgreSQL runs without autovacuum: the scans
    and the planner's row estimates would then grow with every run."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE factcheck_importjob, factcheck_article CASCADE")
        cursor.execute("ANALYZE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--mode", choices=("batch", "single", "import"), default="batch")
    args = parser.parse_args()

    from bench.benchdb import ensure_database

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from factcheck.models import Article, Claim
    from newsroom.celery import app

    call_command("migrate", verbosity=0)
    empty_tables()
    bodies = five_kb_bodies(args.articles)
    print(f"load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    bound = extraction_bound(bodies[:BOUND_SAMPLE], args.concurrency)
    print(f"extraction bound, in process on {args.concurrency} processes: {bound:.0f} articles/s")

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    jsonl = write_jsonl(bodies) if args.mode == "import" else None
    worker = start_worker(queue, args.concurrency)
    memory = MemoryWatch(worker.pid)
    try:
        time.sleep(3)  # the worker's processes boot while we build the articles
        memory.start()
        ids = [] if jsonl else save_articles(bodies)
        print(f"{args.articles:,} articles of ~{ARTICLE_BYTES // 1000} KB "
              f"{'in a JSONL file' if jsonl else 'saved'}; {args.concurrency} worker processes; "
              f"mode {args.mode}; load {os.getloadavg()[0]:.2f}")
        started = time.perf_counter()
        if jsonl:
            imported = run_import(jsonl)
            print(f"import: {args.articles:,} rows validated and saved in {imported:.1f} s "
                  f"({args.articles / imported:.0f} rows/s, extraction running meanwhile)")
        else:
            send(args.mode, ids, queue)
        enqueued = time.perf_counter() - started
        pending = Article.objects.filter(extraction_queued_at__isnull=False)
        while pending.exists():
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
    finally:
        memory.done.set()
        worker.terminate()
        worker.wait(timeout=30)
        if jsonl:
            jsonl.unlink()
    rate = args.articles / elapsed
    ratio = rate / bound
    pool = [mb for pid, mb in memory.peaks.items() if pid != worker.pid]
    print(f"enqueued in {enqueued:.1f} s; all extracted in {elapsed:.1f} s")
    print(f"end to end: {rate:.0f} articles/s  target >= {TARGET_PER_SECOND:.0f}  "
          f"{'ok' if rate >= TARGET_PER_SECOND else 'BELOW TARGET'}")
    print(f"ratio end to end / bound: {ratio:.2f}  target >= {TARGET_RATIO}  "
          f"{'ok' if ratio >= TARGET_RATIO else 'BELOW TARGET'}")
    peak = max(pool, default=0.0)
    print(f"worker memory: main {memory.peaks.get(worker.pid, 0.0):.0f} MB, pool processes "
          f"{', '.join(f'{mb:.0f}' for mb in sorted(pool))} MB (peak RSS)  "
          f"target < {TARGET_WORKER_MB}  {'ok' if peak < TARGET_WORKER_MB else 'ABOVE TARGET'}")
    failed = Article.objects.exclude(status=Article.Status.IN_REVIEW).count()
    print(f"{Claim.objects.count():,} claims written; {failed} articles not in review; "
          f"load after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the reviewer queue, the HTMX verdict save, search, the claim page with
"checked before" and the dashboard, on 100,000 claims.

    .venv/bin/python bench/reviewer_queue.py [--claims 100000] [--requests 200]

Uses its own PostgreSQL database (DATABASE_URL, default .../newsroom_bench),
created and filled on the first run, reused afterwards. Requests go through
django.test.Client in-process, so the figures are server time: middleware,
view, queries and templates, without a network or a WSGI server. Prints
p50/p95 in milliseconds and the SQL query count of each request, next to the
targets in DESIGN.md.
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
from collections.abc import Callable
from typing import Any

from bench.benchdb import ensure_database

# Production-like settings: DEBUG off (no query log), persistent connections.
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

QUEUE_P95_MS = 50.0
SAVE_P95_MS = 30.0
CLAIM_P95_MS = 50.0
DASHBOARD_P95_MS = 200.0
CLAIMS_PER_ARTICLE = 100
KINDS = ["date", "vote_result", "meeting_count"]
VALUES: dict[str, dict[str, Any]] = {
    "date": {"date": "2024-11-15"},
    "vote_result": {"for": 289, "against": 12, "abstain": 5, "unanimous": False},
    "meeting_count": {"count": 3},
}
# Roughly a working newsroom: most claims wait, some are in each later state.
STATUSES = ["pending"] * 70 + ["submitted"] * 10 + ["approved"] * 15 + ["dismissed"] * 5


def fill(target: int) -> None:
    """Articles of 100 claims each until `target` claims exist; bulk inserts, then ANALYZE."""
    from django.db import connection

    from factcheck.models import Article, Claim, content_hash

    have = Claim.objects.count()
    if have >= target:
        print(f"{have:,} claims already present")
        return
    body = ("Le Sénat a adopté le texte par 289 voix contre 12. " * 60)[:3000]
    started = time.perf_counter()
    n_articles = (target - have + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    offset = Article.objects.count()
    for first in range(0, n_articles, 100):
        batch = [
            Article(
                title=f"Article {offset + i}",
                body=body,
                language="fr" if (offset + i) % 2 else "en",
                status=Article.Status.IN_REVIEW,
                content_hash=content_hash(f"{body}{offset + i}"),
            )
            for i in range(first, min(first + 100, n_articles))
        ]
        Article.objects.bulk_create(batch)
        claims = [
            Claim(
                article=article,
                kind=KINDS[j % 3],
                start=j * 10,
                end=j * 10 + 5,
                text=body[j * 10 : j * 10 + 5],
                sentence_start=j * 10,
                sentence_end=j * 10 + 20,
                extracted_value=VALUES[KINDS[j % 3]],
                status=STATUSES[(j * 7 + article.pk) % len(STATUSES)],
            )
            for article in batch
            for j in range(CLAIMS_PER_ARTICLE)
        ]
        Claim.objects.bulk_create(claims, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE factcheck_claim")
        cursor.execute("VACUUM ANALYZE factcheck_article")
    added = Claim.objects.count() - have
    print(f"inserted {added:,} claims in {time.perf_counter() - started:.1f}s")


# The desk's data on top (fill_desk): values that vary, verdicts, history for the dashboard.
DESK_SQL = [
    # The stored sentence, as extraction writes it.
    """UPDATE factcheck_claim c SET sentence_text = substr(a.body, c.sentence_start + 1,
           c.sentence_end - c.sentence_start)
       FROM factcheck_article a WHERE a.id = c.article_id AND c.sentence_text = ''""",
    # Values that vary: about a thousand claims share each one, as real dates and votes do.
    """UPDATE factcheck_claim SET extracted_value = CASE kind
           WHEN 'date' THEN jsonb_build_object('date', (1990 + id % 35)::text)
           WHEN 'vote_result' THEN jsonb_build_object('for', 200 + id % 30, 'against', 12,
                                                      'abstain', 5, 'unanimous', false)
           ELSE jsonb_build_object('count', 1 + id % 30) END""",
    # Judged claims have a verdict; some values were corrected, some dismissals were errors.
    """UPDATE factcheck_claim SET verdict_id = (
           SELECT id FROM factcheck_verdict ORDER BY id OFFSET factcheck_claim.id % 6 LIMIT 1)
       WHERE status IN ('submitted', 'approved')""",
    """UPDATE factcheck_claim SET corrected_value = extracted_value
       WHERE status IN ('submitted', 'approved') AND id % 9 = 0""",
    """UPDATE factcheck_claim SET dismiss_reason = CASE WHEN id % 2 = 0
           THEN 'extraction_error' ELSE 'not_checkable' END WHERE status = 'dismissed'""",
    # History: a submission within the last 30 days, and an approval a little later.
    """INSERT INTO factcheck_reviewevent (article_id, claim_id, action, before, after, comment,
                                         created_at)
       SELECT article_id, id, 'status', '{"status": "in_progress"}', '{"status": "submitted"}',
              '', now() - make_interval(days => (id % 30)::int, hours => (id % 24)::int)
       FROM factcheck_claim WHERE status IN ('submitted', 'approved')""",
    """INSERT INTO factcheck_reviewevent (article_id, claim_id, action, before, after, comment,
                                         created_at)
       SELECT article_id, id, 'status', '{"status": "submitted"}', '{"status": "approved"}',
              '', now() - make_interval(days => (id % 30)::int) + interval '3 hours'
       FROM factcheck_claim WHERE status = 'approved'""",
]


def fill_desk() -> None:
    """Once per database: the desk's data (see DESK_SQL), then VACUUM FULL and ANALYZE."""
    from django.db import connection, transaction

    from factcheck.models import ReviewEvent

    if ReviewEvent.objects.filter(claim__isnull=False).exists():
        return
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in DESK_SQL:
            cursor.execute(sql)
    with connection.cursor() as cursor:
        # DESK_SQL rewrites every claim row several times: the table would be three times
        # its steady-state size (83 MB against 27 MB), with the live rows at its end, and
        # every sequential scan would cross the holes. A newsroom's table grows by inserts
        # and a few updates per claim that autovacuum reclaims; FULL gives that density.
        cursor.execute("VACUUM FULL factcheck_claim")
        # FULL leaves the visibility map empty: without a plain VACUUM the queue's counts,
        # index-only scans, would visit the heap for every row (autovacuum's work in a newsroom).
        cursor.execute("VACUUM ANALYZE factcheck_claim")
        cursor.execute("VACUUM ANALYZE factcheck_reviewevent")
    print(f"desk data (verdicts, history) added in {time.perf_counter() - started:.1f}s")


def users() -> tuple[Any, Any]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from factcheck import roles

    model = get_user_model()
    reviewer, _ = model.objects.get_or_create(username="bench-reviewer")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    editor, _ = model.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    return reviewer, editor


def measure(request: Callable[[], Any], n: int) -> tuple[float, float, int]:
    """p50 and p95 in ms over n requests (after a warm-up), and one request's query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        request()
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        response = request()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        request()
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, len(queries)


def report(name: str, result: tuple[float, float, int], target: float) -> bool:
    p50, p95, queries = result
    ok = p95 <= target
    verdict = "ok" if ok else "SLOW"
    print(f"{name:<46} {p50:7.1f} {p95:7.1f} {queries:8d}   <= {target:.0f}  {verdict}")
    return ok


def bench_queue(client: Any, n: int) -> bool:
    from factcheck.models import Article

    some_article = Article.objects.order_by("pk")[Article.objects.count() // 2]
    middle = some_article.claims.order_by("start", "id").first()
    middle_key = f"{middle.article_id}.{middle.start}.{middle.id}"
    combos: list[tuple[str, dict[str, str], dict[str, str]]] = [
        ("GET /queue/ (no filter)", {}, {}),
        ("GET /queue/ status=pending", {"status": "pending"}, {}),
        ("GET /queue/ kind=vote_result", {"kind": "vote_result"}, {}),
        ("GET /queue/ language=en kind=date", {"language": "en", "kind": "date"}, {}),
        ("GET /queue/ status=submitted sort=kind", {"status": "submitted", "sort": "kind"}, {}),
        ("GET /queue/ sort=article page=last", {"sort": "article", "page": "last"}, {}),
        # A keyset page deep in the queue: it should cost what the first page does.
        ("GET /queue/ sort=article after=<middle>", {"sort": "article", "after": middle_key}, {}),
        ("GET /queue/ article=<uuid>", {"article": str(some_article.uuid)}, {}),
        ("GET /queue/ mine=on", {"mine": "on"}, {}),
        ("GET /queue/ HTMX language=fr status=pending",
         {"language": "fr", "status": "pending"}, {"HTTP_HX_REQUEST": "true"}),
    ]
    ok = True
    for name, params, headers in combos:
        result = measure(lambda p=params, h=headers: client.get("/queue/", p, **h), n)
        ok &= report(name, result, QUEUE_P95_MS)
    return ok


def bench_editor_queue(client: Any, n: int) -> bool:
    """The editor's queue: checkboxes, rows' Assign buttons and the bulk form's reviewer list."""
    combos = [
        ("GET /queue/ as editor (bulk actions)", {}),
        ("GET /queue/ as editor status=pending", {"status": "pending"}),
    ]
    ok = True
    for name, params in combos:
        result = measure(lambda p=params: client.get("/queue/", p), n)
        ok &= report(name, result, QUEUE_P95_MS)
    return ok


def bench_save(client: Any, reviewer: Any, n: int) -> bool:
    """HTMX "Save draft" on the claim page, the verdict changing every time."""
    from factcheck.actions import review
    from factcheck.models import Claim, Verdict

    claim = Claim.objects.filter(assignee=reviewer, status="in_progress").first()
    if claim is None:
        claim = review.take_next_claim(reviewer)
        review.add_source(claim, reviewer, url="https://www.senat.fr/scrutin/1.html", title="S")
    verdicts = list(Verdict.objects.filter(is_active=True))
    url = claim.get_absolute_url()
    step = iter(range(10**9))

    def save() -> Any:
        i = next(step)
        # version[0] is the hidden field the page would carry, read before the clock starts.
        return client.post(url, {
            "action": "save",
            "version": version[0],
            "verdict": verdicts[i % len(verdicts)].pk,
            "explanation": f"Explanation number {i}.",
            "value-votes_for": "289", "value-votes_against": "12", "value-abstain": "5",
            "value-date": "2024-11-15", "value-count": "3",
        }, HTTP_HX_REQUEST="true")

    version = [Claim.objects.get(pk=claim.pk).version]
    timings = []
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(n + 5):
        version[0] = Claim.objects.values_list("version", flat=True).get(pk=claim.pk)
        started = time.perf_counter()
        response = save()
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200 and b"Draft saved." in response.content
        if i >= 5:  # warm-up
            timings.append(elapsed)
    version[0] = Claim.objects.values_list("version", flat=True).get(pk=claim.pk)
    with CaptureQueriesContext(connection) as queries:
        save()
    result = (statistics.median(timings), statistics.quantiles(timings, n=20)[-1], len(queries))
    return report("POST /claims/<uuid>/ HTMX save draft (verdict)", result, SAVE_P95_MS)


def bench_desk(client: Any, editor: Any, n: int) -> bool:
    """Search in the queue, the claim page with "checked before", and the dashboard."""
    from factcheck.models import Claim

    ok = True
    for name, params in [
        ("GET /queue/ q=Sénat (full-text search)", {"q": "Sénat"}),
        ("GET /queue/ q=adopté status=approved", {"q": "adopté", "status": "approved"}),
        ("GET /queue/ q=\"Article 512\" (title)", {"q": '"Article 512"'}),
    ]:
        result = measure(lambda p=params: client.get("/queue/", p), n)
        ok &= report(name, result, QUEUE_P95_MS)
    claim = Claim.objects.filter(status="pending", kind="vote_result").order_by("id")[500]
    url = claim.get_absolute_url()
    result = measure(lambda: client.get(url), n)
    ok &= report("GET /claims/<uuid>/ with checked before", result, CLAIM_P95_MS)
    client.force_login(editor)
    result = measure(lambda: client.get("/dashboard/"), n)
    ok &= report("GET /dashboard/ (editor)", result, DASHBOARD_P95_MS)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    fill(args.claims)
    fill_desk()
    reviewer, editor = users()
    # DEBUG off would want collectstatic's manifest; plain storage keeps {% static %} working.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from factcheck.models import Claim

    with override_settings(STORAGES=storages):
        client = Client()
        client.force_login(reviewer)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{Claim.objects.count():,} claims, {args.requests} timed requests each; "
              f"load average {load} on {os.cpu_count()} CPU cores")
        print(f"{'request':<46} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8}   target p95")
        ok = bench_queue(client, args.requests)
        editor_client = Client()
        editor_client.force_login(editor)
        ok &= bench_editor_queue(editor_client, args.requests)
        ok &= bench_save(client, reviewer, args.requests)
        ok &= bench_desk(client, editor, args.requests)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

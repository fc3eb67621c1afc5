"""Outages, injected for real: nothing lost, nothing duplicated, no 500.

Each test runs real Celery worker processes against a private Redis (started
on a free port, killed and restarted here) and the test database, which a
worker reaches through a TCP gate when the test takes the database away. The
web side is Django's test client in this process, publishing to the same
private Redis.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid

import pytest
from django.db import connection
from django.utils import timezone

from factcheck.actions.extraction import submit_article
from factcheck.extraction import extract
from factcheck.models import Article, ReviewEvent
from factcheck.tasks import extract_article, sweep_stale_extractions
from newsroom.celery import app
from tests.conftest import wait_for
from tests.fault_services import PrivateRedis, TcpGate, Worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Le Parlement a adopté la loi le 15 novembre 2024 par 289 voix contre 12 et 5 abstentions. "
    "Les deux présidents se sont rencontrés à trois reprises en 2018. Dépêche {n}."
)
QUEUED_LATER = "extraction will start as soon as the worker queue is back"


def use_broker(url: str | None) -> None:
    """Point this process's Celery app (the web side) at another broker; None: back.

    broker_url itself cannot be changed here: Celery reads CELERY_BROKER_URL from the
    environment first. The write and read URLs it consults before that can.
    """
    app.conf.broker_write_url = app.conf.broker_read_url = url
    # Forget the pools, don't close them: kombu keeps them in a registry by URL, and
    # a closed one would be handed out again when the URL comes back.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture(scope="module")
def broker():
    redis = PrivateRedis()
    redis.start()
    use_broker(redis.url)
    try:
        yield redis
    finally:
        use_broker(None)
        redis.stop()


@pytest.fixture
def start_worker(broker, tmp_path):
    """Start workers on a fresh queue of the private broker; all stopped at the end."""
    queue = f"faults-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    started: list[Worker] = []

    def start(database_port: int | None = None, beat: bool = False, pool: str = "solo",
              **settings: str) -> Worker:
        db = connection.settings_dict
        port = database_port or db["PORT"]
        env = dict(os.environ) | {
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{port}/{db['NAME']}",
            "CELERY_BROKER_URL": broker.url,
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "NEWSROOM_VAR_DIR": str(tmp_path / "var"),
            # Each task opens its connection: a dropped one is never reused.
            "CONN_MAX_AGE": "0",
        } | settings
        worker = Worker(env, queue, tmp_path / f"worker-{len(started)}.log", beat=beat,
                        pool=pool)
        started.append(worker)
        worker.start()
        return worker

    try:
        yield start
    finally:
        app.conf.task_default_queue = previous
        for worker in started:
            worker.stop()


def submit(editor, n: int) -> Article:
    return submit_article(title=f"Dépêche {n}", body=TEXT.format(n=n),
                          published_on=dt.date(2024, 11, 20), uploaded_by=editor)


def expected_claims(n: int) -> int:
    return len(extract(TEXT.format(n=n), lang="fr", published="2024-11-20"))


def pending(ids: list[int]) -> int:
    articles = Article.objects.filter(pk__in=ids)
    return sum(article.is_busy for article in articles.only("status", "extraction_queued_at"))


def extraction_runs(ids: list[int]) -> dict[int, int]:
    events = ReviewEvent.objects.filter(article_id__in=ids, action=ReviewEvent.Action.EXTRACTED)
    runs = dict.fromkeys(ids, 0)
    for article_id in events.values_list("article_id", flat=True):
        runs[article_id] += 1
    return runs


def assert_each_extracted_once(ids: list[int], claims_each: int) -> None:
    articles = Article.objects.filter(pk__in=ids)
    statuses = set(articles.values_list("status", flat=True))
    assert statuses == {Article.Status.IN_REVIEW}, statuses
    assert set(extraction_runs(ids).values()) == {1}
    counts = {a.pk: a.claims.count() for a in articles}
    assert set(counts.values()) == {claims_each}


def test_database_down_5s_while_200_articles_are_queued(start_worker, editor, tmp_path):
    db = connection.settings_dict
    gate = TcpGate(db["HOST"], int(db["PORT"]))
    gate.open()
    # Backoff capped at 4 s instead of 60 s keeps the test short; the retry path is the same.
    ids = [submit(editor, n).pk for n in range(200)]  # queued before the worker starts
    worker = start_worker(database_port=gate.port, EXTRACTION_RETRY_BACKOFF_MAX="4")
    try:
        wait_for(lambda: pending(ids) <= 190, timeout=30)
        gate.close()  # the worker's database goes away mid-drain
        left_when_down = pending(ids)
        time.sleep(5)
        gate.open()
        wait_for(lambda: pending(ids) == 0, timeout=120, interval=0.5)
    finally:
        gate.close()
    log = worker.log.read_text()
    assert left_when_down > 100
    assert "OperationalError" in log and "Retry in" in log
    assert_each_extracted_once(ids, expected_claims(0))
    assert not Article.objects.filter(pk__in=ids).exclude(failure_reason="").exists()


def test_upload_and_reextract_while_the_broker_is_down_then_the_sweeper_catches_up(
    broker, start_worker, editor, client
):
    start_worker(beat=True, EXTRACTION_SWEEP_INTERVAL="1", EXTRACTION_STALE_AFTER="2")
    earlier = submit(editor, 1)
    wait_for(lambda: pending([earlier.pk]) == 0)
    client.force_login(editor)
    broker.stop()
    try:
        upload = client.post("/articles/new/", {"title": "Pendant la panne",
                                                "text": TEXT.format(n=2), "language": "fr",
                                                "published_on": "2024-11-20",
                                                "published_precision": "day"}, follow=True)
        client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
        again = client.post(f"/articles/{earlier.uuid}/reextract/", follow=True)
    finally:
        broker.start()
    assert upload.status_code == 200 and again.status_code == 200
    assert QUEUED_LATER in upload.content.decode()
    assert "dès que la file" in again.content.decode()
    saved = Article.objects.get(title="Pendant la panne")
    assert saved.is_busy and Article.objects.get(pk=earlier.pk).is_busy
    # Nobody sends anything again: the worker's beat runs the sweeper, which does.
    ids = [saved.pk, earlier.pk]
    wait_for(lambda: pending(ids) == 0, timeout=120, interval=0.5)
    assert extraction_runs(ids) == {saved.pk: 1, earlier.pk: 2}
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        Article.Status.IN_REVIEW
    }


def test_sweeping_twice_sends_once_and_duplicates_extract_once(start_worker, editor):
    article = submit(editor, 3)
    start_worker()
    wait_for(lambda: pending([article.pk]) == 0)
    long_ago = timezone.now() - dt.timedelta(hours=1)
    Article.objects.filter(pk=article.pk).update(extraction_queued_at=long_ago)
    # A row left `queued` with no pending mark (a bulk insert) is swept by its age.
    orphan = Article.objects.create(title="Orphan", body=TEXT.format(n=4))
    Article.objects.filter(pk=orphan.pk).update(updated_at=long_ago)

    assert sweep_stale_extractions() == 2
    assert sweep_stale_extractions() == 0
    extract_article.delay(article.pk)  # and a stray duplicate on top
    ids = [article.pk, orphan.pk]
    wait_for(lambda: pending(ids) == 0)
    time.sleep(1)  # let the duplicate run
    assert extraction_runs(ids) == {article.pk: 2, orphan.pk: 1}
    for one in Article.objects.filter(pk__in=ids):
        keys = list(one.claims.values_list("kind", "start", "end"))
        assert len(keys) == len(set(keys)) == expected_claims(3)


def held_task_ids(broker: PrivateRedis) -> set[str]:
    """Ids of the tasks Redis holds as delivered but not acknowledged."""
    raw = broker.cli("--raw", "hvals", "unacked")
    return {json.loads(line)[0]["headers"]["id"] for line in raw.splitlines() if line}


def test_worker_main_process_sigkilled_its_tasks_come_back(broker, start_worker, editor):
    # A short visibility timeout stands in for the configured minutes (see the test below).
    fast = {"CELERY_VISIBILITY_TIMEOUT": "3", "CELERY_UNACKED_RESTORE_INTERVAL": "1"}
    ids = [submit(editor, n).pk for n in range(100)]  # queued before the worker starts
    first = start_worker(pool="prefork", **fast)
    wait_for(lambda: pending(ids) < 100, timeout=30, interval=0.02)
    first.kill()
    held = held_task_ids(broker)
    assert held and pending(ids)  # the kill did leave delivered, unacknowledged tasks
    # The sweeper (a safety net for a message popped but not yet recorded as unacked)
    # sends new task ids; the held ones can only come back by the visibility timeout.
    second = start_worker(pool="prefork", beat=True, EXTRACTION_SWEEP_INTERVAL="1",
                          EXTRACTION_STALE_AFTER="15", **fast)
    wait_for(lambda: pending(ids) == 0, timeout=60, interval=0.5)
    wait_for(lambda: all(f"[{task}] received" in second.log.read_text() for task in held))
    assert_each_extracted_once(ids, expected_claims(0))


def test_visibility_timeout_fits_the_longest_task_in_minutes(settings):
    """Redis gives a dead worker's tasks back after this: minutes, not its default hour."""
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    # Longer than a retry's wait (a retried task waits unacknowledged in the worker).
    assert settings.EXTRACTION_RETRY_BACKOFF_MAX < options["visibility_timeout"] <= 600
    assert options["unacked_restore_interval"] * options["unacked_restore_throttle"] <= 60
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST


def test_redis_killed_under_a_busy_worker_the_worker_survives_and_catches_up(
    broker, start_worker, editor
):
    """Redis dies (and forgets everything) while the worker holds delivered tasks."""
    ids = [submit(editor, n).pk for n in range(100)]  # queued before the worker starts
    worker = start_worker(pool="prefork", beat=True, EXTRACTION_SWEEP_INTERVAL="1",
                          EXTRACTION_STALE_AFTER="2")
    wait_for(lambda: pending(ids) < 95, timeout=30, interval=0.02)
    broker.stop()
    time.sleep(1)
    broker.start()
    wait_for(lambda: pending(ids) == 0, timeout=60, interval=0.5)
    assert worker.proc.poll() is None, worker.log.read_text()[-3000:]
    assert "Unrecoverable error" not in worker.log.read_text()
    assert_each_extracted_once(ids, expected_claims(0))

"""Shared fixtures: users in each role, articles with claims (built by tests/factories.py)."""

from __future__ import annotations

import pytest

from factcheck import roles
from factcheck.models import Article, Claim
from tests.factories import make_extracted_article, make_user


@pytest.fixture
def editor(db):
    return make_user("edith", roles.EDITORS)


@pytest.fixture
def reviewer(db):
    return make_user("rita", roles.REVIEWERS)


@pytest.fixture
def other_reviewer(db):
    return make_user("ravi", roles.REVIEWERS)


@pytest.fixture
def outsider(db):
    """Signed in, but with no newsroom role."""
    return make_user("olga")


@pytest.fixture
def article(editor) -> Article:
    return make_extracted_article(editor)


@pytest.fixture
def claim(article) -> Claim:
    return article.claims.order_by("start").first()


@pytest.fixture(scope="session", autouse=True)
def _parked_tasks():
    """Tasks committed by tests that run no worker go to a queue of this run's own,
    purged at the end: on the shared default queue they would pile up in Redis, run
    after run, for any worker started on it later."""
    import os

    from newsroom.celery import app

    queue = f"parked-{os.getpid()}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        yield
    finally:
        app.conf.task_default_queue = previous
        _purge_queue(app, queue)


def _purge_queue(app, queue: str) -> None:
    from kombu.exceptions import OperationalError

    try:
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(queue)
    except (OperationalError, OSError):
        pass  # no broker now: none took a task from this run either


@pytest.fixture(scope="session")
def _worker_process(django_db_setup, django_db_blocker):
    """A real worker process on the test database, consuming a private Redis queue."""
    import os
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    from django.db import connection

    from newsroom.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": app.conf.broker_url,
        # Tasks the worker itself sends (webhook deliveries after an extraction) stay private.
        "CELERY_TASK_DEFAULT_QUEUE": queue,
    }
    log = Path("test-artifacts") / f"worker-{queue}.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("celery_worker.py")), queue],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_worker(app, queue, proc, log)
        yield proc, queue
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        _purge_queue(app, queue)


@pytest.fixture
def celery_worker(_worker_process):
    """The worker, fed by this test alone.

    Only a test that asks for the worker sends it tasks: a task another test
    commits (a notification email after an assignment) would otherwise run on
    the test database while it is being flushed, and the flush's TRUNCATE
    deadlocks with the task's row locks. For the same reason the test ends only
    once the worker has nothing left to run.
    """
    from newsroom.celery import app

    proc, queue = _worker_process
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        yield proc
    finally:
        app.conf.task_default_queue = previous
        _wait_until_idle(app, queue)


def _wait_until_idle(app, queue: str, timeout: float = 30) -> None:
    """Wait until the queue is empty and the worker holds no task, reserved or scheduled."""
    import time

    from tests.celery_worker import worker_name

    # A solo worker answers only between tasks, so an answer also means none is running.
    inspect = app.control.inspect(destination=[worker_name(queue)], timeout=0.5)
    deadline = time.monotonic() + timeout
    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        while time.monotonic() < deadline:
            if client.llen(queue) == 0:
                reserved, scheduled = inspect.reserved(), inspect.scheduled()
                if reserved and scheduled and not any(reserved.values()) \
                        and not any(scheduled.values()):
                    return
            time.sleep(0.1)
    raise RuntimeError(f"worker still busy on {queue} after {timeout}s")


def _wait_for_worker(app, queue, proc, log, timeout: float = 30) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Celery worker exited early:\n{log.read_text()}")
        if "ready." in log.read_text():
            return
        time.sleep(0.2)
    raise RuntimeError(f"Celery worker not ready after {timeout}s:\n{log.read_text()}")


def wait_for(predicate, timeout: float = 20, interval: float = 0.1):
    """Poll until predicate() is truthy; return its value or fail loudly."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Real hashing costs ~0.3 s per login; tests are about our code, not PBKDF2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

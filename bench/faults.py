"""Outages injected for real into a running app; per case: articles, extracted, duplicated, 500s.

    make bench-faults            (or: .venv/bin/python bench/faults.py)

Starts its own PostgreSQL cluster (initdb under /tmp) and redis-server on free
ports, gunicorn serving the app, and a Celery worker with embedded beat (the
sweeper); an editor signs in and uploads over HTTP. Then, per case:

  database   200 articles queued, the worker starts draining, PostgreSQL is
             killed (pg_ctl stop -m immediate) and restarted 5 s later; the
             tasks' retries with backoff recover (sweeper held off).
  broker     Redis killed; 50 uploads and 10 re-extractions; Redis restarted
             empty (no persistence: anything it held is gone); the sweeper
             re-sends what the database says is pending.
  worker     200 articles queued, the worker's main process SIGKILLed mid-drain,
             a new worker started: the dead worker's unacknowledged tasks come back
             after the visibility timeout; the sweeper catches a message the dead
             worker had popped from Redis but not yet recorded as unacknowledged
             (kombu's Redis transport cannot make those two steps atomic).

"extracted": articles whose extraction finished (none pending, none failed).
"duplicated": articles with more claims than one clean extraction gives, or the
same span twice. "500s": HTTP responses >= 500 (a refused connection counts too).
The shared services (5432, 6379) are never touched.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fault_services import (  # noqa: E402
    PrivatePostgres,
    PrivateRedis,
    Worker,
    free_port,
    port_open,
    wait_until,
)

QUEUE = "bench-faults"
# The database case shows the tasks' retries alone: the sweeper waits past the case's
# end there. The broker and worker cases run with the sweeper, as deployed.
NO_SWEEP = {"EXTRACTION_STALE_AFTER": "3600"}


def now():
    from django.utils import timezone

    return timezone.now()

PASSWORD = "bench-faults-password-2026"
TEXT = (
    "Le Parlement a adopté la loi le 15 novembre 2024 par 289 voix contre 12 et 5 abstentions. "
    "Les deux présidents se sont rencontrés à trois reprises en 2018. Dépêche {n}."
)


class Browser:
    """An editor's user agent: cookies, CSRF tokens, and a count of server errors."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.errors = 0

    def request(self, path: str, fields: dict[str, str] | None = None) -> str:
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with self.opener.open(self.base + path, data, timeout=30) as response:
                return response.read().decode()
        except urllib.error.HTTPError as exc:
            if exc.code >= 500:
                self.errors += 1
            return ""
        except OSError:
            self.errors += 1
            return ""

    def post_form(self, path: str, fields: dict[str, str], action: str | None = None) -> str:
        """Load the page at `path` and post its form (to `action`, default the same path)."""
        page = self.request(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            self.errors += 1
            return ""
        return self.request(action or path, fields | {"csrfmiddlewaretoken": token.group(1)})

    def upload(self, n: int) -> str:
        return self.post_form("/articles/new/", {
            "title": f"Dépêche {n}", "text": TEXT.format(n=n), "language": "fr",
            "published_on": "2024-11-20", "published_precision": "day",
        })


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="newsroom-bench-faults-"))
        self.pg = PrivatePostgres()
        self.redis = PrivateRedis()
        self.web_port = free_port()
        self.web: subprocess.Popen | None = None
        self.workers: list[Worker] = []
        self.env = os.environ | {
            "DATABASE_URL": self.pg.url("newsroom"),
            "CELERY_BROKER_URL": self.redis.url,
            "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "1",
            "SECRET_KEY": "bench-faults-secret-key-not-for-production-0123456789",
            "NEWSROOM_VAR_DIR": str(self.tmp / "var"),
            "CONN_MAX_AGE": "0",
            "CELERY_VISIBILITY_TIMEOUT": str(args.visibility_timeout),
            "CELERY_UNACKED_RESTORE_INTERVAL": "2",
            "EXTRACTION_SWEEP_INTERVAL": str(args.sweep_interval),
            "EXTRACTION_STALE_AFTER": str(args.stale_after),
            "EXTRACTION_RETRY_BACKOFF_MAX": str(args.backoff_max),
        }

    # --- services ----------------------------------------------------------------------------

    def start_services(self) -> None:
        self.pg.init()
        self.pg.start()
        self.pg.create_database("newsroom")
        self.redis.start()
        os.environ.update(self.env)
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                       cwd=ROOT, env=self.env, check=True)
        import django

        django.setup()
        self.web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application", "--bind",
             f"127.0.0.1:{self.web_port}", "--workers", "2", "--timeout", "60"],
            cwd=ROOT, env=self.env, stdout=(self.tmp / "web.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until(lambda: port_open(self.web_port), 30, "gunicorn start")

    def start_worker(self, **env: str) -> Worker:
        worker = Worker(self.env | env, QUEUE, self.tmp / f"worker-{len(self.workers)}.log",
                        beat=True, pool="prefork", concurrency=2)
        self.workers.append(worker)
        worker.start()
        return worker

    def stop_all(self) -> None:
        for worker in self.workers:
            worker.stop()
        if self.web is not None:
            self.web.terminate()
            self.web.wait(timeout=20)
        self.redis.stop()
        self.pg.destroy()

    # --- the database's view -----------------------------------------------------------------

    def editor(self) -> Browser:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from factcheck import roles

        user, _ = get_user_model().objects.get_or_create(username="bench-editor")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=roles.EDITORS))
        browser = Browser(f"http://127.0.0.1:{self.web_port}")
        browser.post_form("/accounts/login/", {"username": "bench-editor", "password": PASSWORD})
        return browser

    @staticmethod
    def query(function, *args):
        """Run an ORM read, waiting out a database that is down (the bench's own connection)."""
        from django.db import OperationalError, close_old_connections, connection

        while True:
            try:
                return function(*args)
            except OperationalError:
                connection.close()
                close_old_connections()
                time.sleep(0.5)

    @staticmethod
    def article_ids(titles: list[str]) -> list[int]:
        from factcheck.models import Article

        return list(Article.objects.filter(title__in=titles).values_list("pk", flat=True))

    @staticmethod
    def pending(ids: list[int]) -> int:
        from factcheck.models import Article

        rows = Article.objects.filter(pk__in=ids).only("status", "extraction_queued_at")
        return sum(article.is_busy for article in rows)

    def wait_settled(self, ids: list[int], timeout: float) -> float:
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline and self.query(self.pending, ids):
            time.sleep(0.5)
        return time.monotonic() - started

    @staticmethod
    def tally(ids: list[int], since) -> tuple[int, int, int]:
        """(extracted, duplicated, extra runs since the case began) for these articles."""
        from factcheck.extraction import extract
        from factcheck.models import Article, ReviewEvent

        extracted = duplicated = reruns = 0
        for article in Article.objects.filter(pk__in=ids):
            keys = list(article.claims.values_list("kind", "start", "end"))
            expected = len(extract(article.body, lang="fr", published="2024-11-20"))
            runs = article.events.filter(
                action=ReviewEvent.Action.EXTRACTED, created_at__gte=since
            ).count()
            extracted += not article.is_busy and article.status != Article.Status.FAILED
            duplicated += len(keys) != len(set(keys)) or len(keys) > expected
            reruns += max(runs - 1, 0)
        return extracted, duplicated, reruns

    def report(self, case: str, ids: list[int], browser: Browser, seconds: float,
               since, note: str) -> None:
        extracted, duplicated, reruns = self.query(self.tally, ids, since)
        print(f"{case:<9} {len(ids)} articles, {extracted} extracted, {duplicated} duplicated, "
              f"{browser.errors} 500s  (settled {seconds:.1f} s after recovery began; {note}; "
              f"{reruns} extraction runs beyond one per article)", flush=True)

    # --- the cases ---------------------------------------------------------------------------

    def upload_queued(self, browser: Browser, prefix: int, count: int) -> list[int]:
        """Upload `count` articles with no worker running: all of them wait in the queue."""
        for worker in self.workers:
            worker.stop()
        for n in range(prefix, prefix + count):
            browser.upload(n)
        return self.article_ids([f"Dépêche {n}" for n in range(prefix, prefix + count)])

    def case_database(self, browser: Browser) -> None:
        since = now()
        ids = self.upload_queued(browser, 0, 200)
        worker = self.start_worker(**NO_SWEEP)
        wait_until(lambda: self.pending(ids) <= 180, 60, "the worker starts draining", 0.02)
        left = self.pending(ids)
        self.pg.stop("immediate")
        time.sleep(5)
        self.pg.start()
        settled = self.wait_settled(ids, self.args.timeout)
        retries = worker.log.read_text().count("Retry in")
        self.report("database", ids, browser, settled, since,
                    f"{left} pending when it went down, {retries} retries logged")

    def case_broker(self, browser: Browser) -> None:
        since = now()
        for worker in self.workers:
            worker.stop()
        self.start_worker()
        again = self.article_ids([f"Dépêche {n}" for n in range(10)])
        self.redis.stop()
        for n in range(1000, 1050):
            browser.upload(n)
        from factcheck.models import Article

        for article in Article.objects.filter(pk__in=again):
            page = f"/articles/{article.uuid}/"
            browser.post_form(page, {}, action=page + "reextract/")
        self.redis.start()
        ids = self.article_ids([f"Dépêche {n}" for n in range(1000, 1050)]) + again
        settled = self.wait_settled(ids, self.args.timeout)
        self.report("broker", ids, browser, settled, since,
                    "50 uploads and 10 re-extractions while it was down")

    def case_worker(self, browser: Browser) -> None:
        since = now()
        ids = self.upload_queued(browser, 2000, 200)
        worker = self.start_worker()
        wait_until(lambda: self.pending(ids) <= 180, 60, "the worker starts draining", 0.02)
        worker.kill()
        held = self.redis.cli("hlen", "unacked")
        self.start_worker()
        settled = self.wait_settled(ids, self.args.timeout)
        self.report("worker", ids, browser, settled, since,
                    f"{held} delivered but unacknowledged at the kill")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visibility-timeout", type=int, default=15,
                        help="seconds (production: 300)")
    parser.add_argument("--stale-after", type=float, default=20,
                        help="sweeper threshold, seconds (production: 300)")
    parser.add_argument("--sweep-interval", type=float, default=2,
                        help="seconds (production: 60)")
    parser.add_argument("--backoff-max", type=int, default=8,
                        help="retry backoff cap, seconds (production: 60)")
    parser.add_argument("--timeout", type=float, default=180, help="per case, seconds")
    args = parser.parse_args()
    bench = Bench(args)
    print(f"private PostgreSQL :{bench.pg.port}, Redis :{bench.redis.port}, gunicorn "
          f":{bench.web_port}; visibility {args.visibility_timeout} s, sweeper every "
          f"{args.sweep_interval} s for pending > {args.stale_after} s, backoff cap "
          f"{args.backoff_max} s; logs in {bench.tmp}", flush=True)
    try:
        bench.start_services()
        browser = bench.editor()
        bench.case_database(browser)
        browser.errors = 0
        bench.case_broker(browser)
        browser.errors = 0
        bench.case_worker(browser)
    finally:
        bench.stop_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())

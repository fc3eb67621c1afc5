"""The first README command's setup: SQLite, the filesystem broker, a real worker.

This boots the app exactly as `make run` does (minus the terminal), in a
temporary var/ folder, proves the worker extracts the demo article, and that
a demo reviewer can sign in, see it in the queue and take a claim.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import wait_for

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.worker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def embedded_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    return env | {"DEBUG": "1", "NEWSROOM_VAR_DIR": str(tmp_path / "var")}


def run(env, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def start(env, args: list[str], log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def demo_article_state(database: Path) -> tuple[str, list] | None:
    with sqlite3.connect(database) as conn:
        row = conn.execute("SELECT id, status FROM factcheck_article").fetchone()
        claims = conn.execute(
            "SELECT kind, extracted_value FROM factcheck_claim WHERE article_id = ?", (row[0],)
        ).fetchall()
    return (row[1], claims) if row[1] not in ("queued", "extracting") else None


class Visitor:
    """A user agent with cookies, signing in and posting forms as a browser would."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        _, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        data = urllib.parse.urlencode(fields | {"csrfmiddlewaretoken": token.group(1)})
        with self.opener.open(self.base + path, data.encode(), timeout=10) as response:
            return response.geturl(), response.read().decode()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except OSError:
        return 0, b""


def children_of(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(line) for line in found.stdout.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_embedded_default_serves_and_extracts_the_demo(embedded_env, tmp_path):
    run(embedded_env, "migrate", "--noinput")
    output = run(embedded_env, "loaddemo")
    assert "editor" in output and "password" in output
    port = free_port()
    log = tmp_path / "rundev.log"
    rundev = start(
        embedded_env, [sys.executable, "manage.py", "rundev", f"127.0.0.1:{port}"], log
    )
    try:
        database = tmp_path / "var" / "newsroom.sqlite3"
        status, claims = wait_for(lambda: demo_article_state(database), timeout=60)
        assert status == "in_review", log.read_text()
        assert claims
        code, body = wait_for(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] and get(
            f"http://127.0.0.1:{port}/healthz"), timeout=30)
        assert code == 200 and json.loads(body) == {"status": "ok"}
        reviewer = Visitor(f"http://127.0.0.1:{port}")
        reviewer.post("/accounts/login/", {"username": "reviewer",
                                           "password": "reviewer-demo-2026"})
        _, queue = reviewer.get("/queue/")
        assert "à trois reprises" in queue
        landed, claim_page = reviewer.post("/queue/", {})
        assert "/claims/" in landed and "In progress" in claim_page
        workers = children_of(rundev.pid)
        assert workers, "rundev should run a worker process beside the server"
    finally:
        # Ctrl-C, as a user stops `make run`: the server and its worker both stop.
        rundev.send_signal(signal.SIGINT)
        rundev.wait(timeout=30)
    assert not any(alive(pid) for pid in workers), log.read_text()


def gone(pid: int) -> bool:
    """Exited: no such process, or a zombie nobody reaped yet (it runs no more code)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_rundev_worker_stops_with_its_parent(embedded_env, tmp_path, how):
    """Stopped by a service manager (SIGTERM) or killed outright, rundev leaves no worker."""
    run(embedded_env, "migrate", "--noinput")
    log = tmp_path / "rundev.log"
    rundev = start(
        embedded_env, [sys.executable, "manage.py", "rundev", f"127.0.0.1:{free_port()}"], log
    )
    try:
        workers = wait_for(lambda: children_of(rundev.pid), timeout=30)
        wait_for(lambda: "ready." in log.read_text(), timeout=60)
        rundev.send_signal(how)
        rundev.wait(timeout=30)
        wait_for(lambda: all(gone(pid) for pid in workers), timeout=30)
    finally:
        if rundev.poll() is None:
            rundev.kill()
    banner = log.read_text()
    # The embedded worker's banner says what runs, without warnings about a missing host.
    assert "No hostname was supplied" not in banner
    assert "concurrency: 1 (solo)" in banner

"""/healthz answers 200 when the database and broker answer, 503 naming the failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A port where nothing listens on this machine: a real refused connection.
CLOSED = "127.0.0.1:9"

PROBE = (
    "import django, json; django.setup();"
    "from django.test import Client;"
    "r = Client(HTTP_HOST='localhost').get('/healthz');"
    "print(json.dumps({'status': r.status_code, 'body': r.json(), 'raw': r.content.decode()}))"
)


def probe(**env: str) -> dict:
    """/healthz in a fresh process; its log (stderr) comes back as "log"."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT, env=os.environ | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"} | env,
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]) | {"log": result.stderr}


def test_healthy(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_database_down_is_503_naming_the_database():
    answer = probe(DATABASE_URL=f"postgres://postgres@{CLOSED}/newsroom")
    assert answer["status"] == 503
    assert answer["body"] == {"status": "unavailable", "failing": ["database"]}


def test_broker_down_is_503_naming_the_broker():
    answer = probe(CELERY_BROKER_URL=f"redis://{CLOSED}/0")
    assert answer["status"] == 503
    assert answer["body"] == {"status": "unavailable", "failing": ["broker"]}


def test_healthz_does_not_leak_on_post(client, db):
    assert client.post("/healthz").status_code == 405



def test_failures_show_names_only_and_log_the_details():
    """No host, port or exception text for anonymous visitors; the log has them."""
    answer = probe(CELERY_BROKER_URL=f"redis://{CLOSED}/0")
    assert answer["status"] == 503
    for leak in ("127.0.0.1", ":9", "Error", "refused", "redis"):
        assert leak not in answer["raw"]
    assert "healthz: broker is down" in answer["log"] and "127.0.0.1:9" in answer["log"]

"""/healthz: 200 when the database and the broker answer, 503 naming what failed.

Anonymous visitors (and the orchestrator) see only the names of the failing
services; the exception text (hosts, ports, drivers) goes to the log.
"""

from __future__ import annotations

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from newsroom.celery import app as celery_app

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_broker() -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


CHECKS = (("database", check_database), ("broker", check_broker))


def failing_services() -> list[str]:
    failing = []
    for name, check in CHECKS:
        try:
            check()
        except Exception:  # any driver or kombu error means "down"
            logger.exception("healthz: %s is down", name)
            failing.append(name)
    return failing


@never_cache
@require_GET
def healthz(request):
    if failing := failing_services():
        return JsonResponse({"status": "unavailable", "failing": failing}, status=503)
    return JsonResponse({"status": "ok"})

"""Run the development server with a Celery worker (and its beat) beside it; Ctrl-C stops both."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the app on ADDRPORT with a Celery worker process (with beat) beside it."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, addrport: str, **options: Any) -> None:
        # -B: the worker runs beat too, so the sweeper re-enqueues lost extractions.
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-B",
             "--pool=solo", "--loglevel=INFO"]
        )
        try:
            # No autoreloader: it would re-run this command, and a second worker with it.
            call_command("runserver", addrport, use_reloader=False)
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()

"""Run the development server with a Celery worker (and its beat) beside it.

Ctrl-C (SIGINT) and SIGTERM stop both. Should this process die without
cleaning up (SIGKILL), the worker still stops: on Linux it asks the kernel
for SIGTERM when its parent goes (PR_SET_DEATHSIG); elsewhere it exits when
it finds itself orphaned (`watch_parent` in newsroom/celery.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

PR_SET_DEATHSIG = 1  # <linux/prctl.h>


def die_with_parent() -> None:
    """preexec_fn of the worker: the kernel sends it SIGTERM when rundev dies (Linux)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_DEATHSIG, signal.SIGTERM, 0, 0, 0)


def worker_command() -> list[str]:
    # -B: beat too, so the sweeper re-enqueues lost extractions. One solo process: the
    # banner then says "concurrency: 1 (solo)", which is what runs.
    return [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-B",
            "--pool=solo", "--concurrency=1", "--loglevel=INFO",
            # No other workers to talk to: no gossip, mingle or heartbeat chatter at start.
            "--without-gossip", "--without-mingle", "--without-heartbeat"]


def stop_on_sigterm(signum: int, frame: Any) -> None:
    """SIGTERM ends the server as Ctrl-C does, so the `finally` below stops the worker."""
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Serve the app on ADDRPORT with a Celery worker process (with beat) beside it."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, addrport: str, **options: Any) -> None:
        linux = sys.platform.startswith("linux")
        env = os.environ | {"NEWSROOM_PARENT_PID": str(os.getpid())}
        worker = subprocess.Popen(
            worker_command(), env=env, preexec_fn=die_with_parent if linux else None
        )
        previous = signal.signal(signal.SIGTERM, stop_on_sigterm)
        try:
            # No autoreloader: it would re-run this command, and a second worker with it.
            call_command("runserver", addrport, use_reloader=False)
        finally:
            signal.signal(signal.SIGTERM, previous)
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()

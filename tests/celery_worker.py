"""Start a real Celery worker process for the integration tests.

Run as `python tests/celery_worker.py QUEUE`. It is the ordinary worker with
one addition: a finder that emits a value JSON cannot store for any text
containing FAULT_MARKER, so tests can prove what a buggy extractor leaves behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FAULT_MARKER = "<<inject-extractor-bug>>"


def worker_name(queue: str) -> str:
    """The worker's node name: its queue, so a control message reaches this run's worker alone."""
    return f"{queue}@tests"


def faulty_finder(doc):
    from factcheck.extraction.model import Claim

    if FAULT_MARKER not in doc.text:
        return []
    # A value JSON cannot store: the write fails halfway through the transaction.
    return [Claim("date", 0, 1, doc.text[0], {"date": {"not", "json"}})]


def main(queue: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from factcheck.extraction import pipeline
    from newsroom.celery import app

    pipeline.FINDERS = (*pipeline.FINDERS, faulty_finder)
    # What the worker's own tasks send (an import's batch extractions) stays on the private queue.
    app.conf.task_default_queue = queue
    app.worker_main(
        ["worker", "--pool=solo", "-Q", queue, f"--hostname={worker_name(queue)}",
         "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    )


if __name__ == "__main__":
    main(sys.argv[1])

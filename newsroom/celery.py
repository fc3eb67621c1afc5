"""The Celery app; settings come from Django's CELERY_ namespace; the beat schedule."""

import os
import signal
import threading
import time
from typing import Any

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def schedule_periodic_tasks(sender: Celery, **kwargs: Any) -> None:
    """The sweepers: re-enqueue extractions left pending and webhook deliveries never sent
    (lost messages, failed publishes)."""
    from django.conf import settings

    sender.add_periodic_task(
        settings.EXTRACTION_SWEEP_INTERVAL,
        sender.signature("factcheck.tasks.sweep_stale_extractions"),
        name="sweep stale extractions",
    )
    sender.add_periodic_task(
        settings.EXTRACTION_SWEEP_INTERVAL,
        sender.signature("factcheck.tasks.sweep_unsent_webhooks"),
        name="sweep unsent webhook deliveries",
    )
    sender.add_periodic_task(
        settings.EXTRACTION_SWEEP_INTERVAL,
        sender.signature("factcheck.tasks.sweep_unsent_notifications"),
        name="sweep unsent notification emails",
    )


@worker_ready.connect
def watch_parent(**kwargs: Any) -> None:
    """A worker started by `manage.py rundev` stops when rundev is gone, even killed -9.

    rundev names itself in NEWSROOM_PARENT_PID. On Linux the kernel already sends
    SIGTERM (PR_SET_DEATHSIG); this thread covers the other systems: once the parent
    is gone the worker is re-parented, and it shuts down warmly, as on SIGTERM.
    """
    parent = os.environ.get("NEWSROOM_PARENT_PID")
    if not parent or not parent.isdigit():
        return

    def watch() -> None:
        while os.getppid() == int(parent):
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()

"""The Celery app; settings come from Django's CELERY_ namespace; the beat schedule."""

import os
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def schedule_periodic_tasks(sender: Celery, **kwargs: Any) -> None:
    """The sweeper: re-enqueue extractions left pending (lost messages, failed publishes)."""
    from django.conf import settings

    sender.add_periodic_task(
        settings.EXTRACTION_SWEEP_INTERVAL,
        sender.signature("factcheck.tasks.sweep_stale_extractions"),
        name="sweep stale extractions",
    )
    sender.add_periodic_task(
        settings.EXTRACTION_SWEEP_INTERVAL,
        sender.signature("factcheck.tasks.sweep_unsent_notifications"),
        name="sweep unsent notification emails",
    )

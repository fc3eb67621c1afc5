import contextlib
from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checking")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from factcheck import checks  # noqa: F401 - registers the system checks
        from factcheck.defaults import ensure_defaults

        # After every migrate and flush: see factcheck/defaults.py.
        post_migrate.connect(ensure_defaults, sender=self, dispatch_uid="factcheck-defaults")
        create_local_folders()


def create_local_folders() -> None:
    """The folders of the embedded default (the SQLite file's, kombu's filesystem queue).

    Made once the app starts (web, worker or manage.py), not when the settings
    module is imported: importing settings has no side effects.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and database["NAME"] != ":memory:":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE_FILENAME", "")
    if schedule:  # embedded beat (rundev, `worker -B`); a read-only image passes --schedule
        with contextlib.suppress(OSError):
            Path(schedule).parent.mkdir(parents=True, exist_ok=True)
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    for key in ("data_folder_in", "data_folder_out"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)

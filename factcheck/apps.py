from django.apps import AppConfig
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

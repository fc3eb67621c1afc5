from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checking")
    default_auto_field = "django.db.models.BigAutoField"

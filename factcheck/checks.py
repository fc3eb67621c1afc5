"""System checks of the app's own, registered in FactcheckConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DJANGO_DEFAULT_FROM = "webmaster@localhost"


@register(Tags.compatibility, deploy=True)
def check_outgoing_mail(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Production mail must have a server and a sender, or password resets vanish."""
    mailer = getattr(settings, "MAILERS", {}).get("default", {})
    if mailer.get("BACKEND", SMTP_BACKEND) != SMTP_BACKEND:
        return []
    missing = [
        name
        for name, unset in (
            ("EMAIL_HOST", not mailer.get("OPTIONS", {}).get("host")),
            ("DEFAULT_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL in ("", DJANGO_DEFAULT_FROM)),
        )
        if unset
    ]
    if not missing:
        return []
    return [
        Warning(
            f"Outgoing mail is not configured ({', '.join(missing)} not set): password reset "
            "emails cannot be sent.",
            hint="Set EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_USE_TLS and DEFAULT_FROM_EMAIL in the environment (see README.md).",
            id="factcheck.W001",
        )
    ]

"""System checks of the app's own, registered in FactcheckConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError

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


@register(Tags.compatibility)
def check_publishing_organisation(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """ClaimReview names its author: with publishing on, the organisation must be complete."""
    if not settings.FACTCHECK_PUBLISHING_ENABLED:
        return []
    from factcheck.models import Organisation

    try:
        organisation = Organisation.current()
    except DatabaseError:  # before the first migrate: nothing to check yet
        return []
    missing = [
        label
        for label, value in (
            ("name", organisation.name),
            ("URL", organisation.url),
            ("logo URL", organisation.logo_url),
        )
        if not value
    ]
    if not missing:
        return []
    return [
        Warning(
            f"Publishing is enabled but the publishing organisation's {', '.join(missing)} "
            "is not set: public fact-checks' ClaimReview has no complete author.",
            hint="Fill them in the admin (Fact-checking > Publishing organisation), or set "
            "FACTCHECK_PUBLISHING_ENABLED=0.",
            id="factcheck.W002",
        )
    ]

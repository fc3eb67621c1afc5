"""Production settings: refuse to start without a secret, pass check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120,
    )


def test_production_without_secret_key_refuses_to_start():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr.split("ImproperlyConfigured")[-1]


def test_debug_without_secret_key_uses_the_development_key():
    result = manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#Qp!2vL9@zR4&mN8$wK1^tY6*bH3%cF5(dJ0)gS-uA_eV+iO=lP",
    "ALLOWED_HOSTS": "factcheck.example.org",
}
MAIL = {
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_PORT": "2525",
    "EMAIL_HOST_USER": "factcheck",
    "EMAIL_HOST_PASSWORD": "mail-secret",
    "EMAIL_USE_TLS": "0",
    "DEFAULT_FROM_EMAIL": "factcheck@example.org",
}


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **MAIL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_mail_is_not_configured():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "factcheck.W001" in output and "password reset" in output
    assert "EMAIL_HOST, DEFAULT_FROM_EMAIL not set" in output


def test_development_prints_mail_to_the_console():
    code = "from django.conf import settings as s; print(s.MAILERS['default']['BACKEND'])"
    result = manage("shell", "-c", code, DEBUG="1")
    assert result.stdout.split()[-1] == "django.core.mail.backends.console.EmailBackend"


def test_production_reads_smtp_settings_from_the_environment():
    code = (
        "from django.core.mail import mailers; from django.conf import settings as s;"
        "m = mailers.default;"
        "print(type(m).__module__ + '.' + type(m).__name__, m.host, m.port, m.username,"
        " m.password, m.use_tls, s.DEFAULT_FROM_EMAIL)"
    )
    result = manage("shell", "-c", code, **PRODUCTION, **MAIL)
    assert result.stdout.split()[-7:] == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.example.org", "2525",
        "factcheck", "mail-secret", "False", "factcheck@example.org",
    ], result.stderr


def test_production_settings_are_hardened():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " 'default-src' in s.SECURE_CSP)"
    )
    result = manage("shell", "-c", code, DEBUG="0", SECRET_KEY="k" * 60, ALLOWED_HOSTS="x.org")
    assert result.stdout.split()[-4:] == ["True", "True", "True", "True"], result.stderr

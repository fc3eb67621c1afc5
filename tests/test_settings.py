"""Production settings: refuse to start without a secret, pass check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    # The organisation check reads the database, which here may be a developer's (var/).
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **MAIL,
                    FACTCHECK_PUBLISHING_ENABLED="0")
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


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("Yes", True), (" on ", True), ("0", False), ("False", False),
     ("no", False), ("off", False), ("", None)],
)
def test_env_bool_reads_yes_and_no_words(monkeypatch, value, expected):
    from newsroom.settings import env_bool

    monkeypatch.setenv("NEWSROOM_FLAG", value)
    assert env_bool("NEWSROOM_FLAG", True) is (True if expected is None else expected)
    assert env_bool("NEWSROOM_FLAG", False) is (False if expected is None else expected)


@pytest.mark.parametrize("value", ["maybe", "Flase", "2", "enabled"])
def test_env_bool_refuses_anything_else(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    from newsroom.settings import env_bool

    monkeypatch.setenv("NEWSROOM_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match=f"NEWSROOM_FLAG='{value}' is not a yes/no"):
        env_bool("NEWSROOM_FLAG", False)


def test_a_misspelt_debug_stops_the_start_with_a_clear_message():
    result = manage("check", DEBUG="ture")
    assert result.returncode != 0
    assert "DEBUG='ture' is not a yes/no value" in result.stderr


def embedded_env(var_dir: Path) -> dict[str, str]:
    """The embedded default (SQLite, filesystem broker) with its folder under `var_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    return env | {"DEBUG": "1", "NEWSROOM_VAR_DIR": str(var_dir)}


def test_importing_the_settings_creates_no_folder(tmp_path):
    var_dir = tmp_path / "var"
    code = "import newsroom.settings as s; print(s.DATABASES['default']['NAME'])"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT, env=embedded_env(var_dir), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert str(var_dir) in result.stdout  # the embedded default was the one read
    assert not var_dir.exists()


def test_the_app_makes_the_embedded_folders_when_it_starts(tmp_path):
    var_dir = tmp_path / "var"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=embedded_env(var_dir), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (var_dir / "broker").is_dir()

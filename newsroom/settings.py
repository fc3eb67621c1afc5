"""Settings for Newsroom Factcheck, one module, read from the environment.

Defaults are the embedded ones (SQLite and kombu's filesystem broker under
var/), so `make run` needs no server. Deployments set DATABASE_URL,
CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=0.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable; unset or empty means `default`. Anything else is refused, as
    healthchecks' envbool does: DEBUG=Flase must not quietly mean something."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value: use one of "
        f"{', '.join(sorted(TRUE_WORDS))} or {', '.join(sorted(FALSE_WORDS))}."
    )


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DEBUG off) refuses to start without one: "
            "set the SECRET_KEY environment variable to a long random string, "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Search vectors, pg_trgm and full-text lookups; inert on SQLite (make run).
    "django.contrib.postgres",
    "django_htmx",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "factcheck",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which is the first to read the form data: see its docstring.
    "factcheck.middleware.RequestTooBigMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Inside the CSP middleware, so the styled 405 page it returns gets the policy header.
    "factcheck.middleware.MethodNotAllowedPageMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "factcheck.context_processors.enums",
                "factcheck.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Its folder is made at startup (FactcheckConfig.ready), not when settings are imported.
    # The dev server and the worker write at the same time: wait, don't fail.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The newsroom's time zone: every time shown (pages, admin, messages) is in it.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# In development WhiteNoise serves straight from static/, no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Sign-in throttling (django-axes) ---------------------------------------------
# Failed sign-ins are counted per username and, separately, per address; either
# reaching the limit blocks sign-in for the cool-off time. A success resets the count.
# Behind reverse proxies REMOTE_ADDR is the last proxy's: TRUSTED_PROXY_COUNT says
# how many append to X-Forwarded-For (factcheck.signin.client_address).
AUTHENTICATION_BACKENDS = [
    "factcheck.signin.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "factcheck.signin.locked_out"
AXES_CLIENT_IP_CALLABLE = "factcheck.signin.client_address"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "factcheck:home"
LOGOUT_REDIRECT_URL = "login"
CSRF_FAILURE_VIEW = "factcheck.views.errors.csrf_failure"

# A reviewer's dismissal waits for an editor's approval, as a verdict does: otherwise a
# claim could leave the report on one person's word. Editors' own dismissals apply at once.
FACTCHECK_DISMISSAL_NEEDS_APPROVAL = env_bool("FACTCHECK_DISMISSAL_NEEDS_APPROVAL", True)

# Publishing (public fact-check pages). With it on, `manage.py check` warns while the
# organisation (name, URL, logo: admin > Publishing organisation) is incomplete, as
# ClaimReview needs them. Public pages may be cached this many seconds.
FACTCHECK_PUBLISHING_ENABLED = env_bool("FACTCHECK_PUBLISHING_ENABLED", True)
FACTCHECK_PUBLIC_MAX_AGE = int(os.environ.get("FACTCHECK_PUBLIC_MAX_AGE", "300"))
# The public site's scheme and host: absolute URLs (ClaimReview) where no request gives
# them, in webhook deliveries sent by the worker.
FACTCHECK_SITE_URL = os.environ.get("FACTCHECK_SITE_URL", "http://localhost:8000").rstrip("/")

# Uploads: the form enforces 5 MB per file; Django keeps small files in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# Celery: the CELERY_ namespace in newsroom/celery.py reads these.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    # The transport ignores the host, but kombu warns "No hostname was supplied" without one.
    CELERY_BROKER_URL = "filesystem://localhost/"
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "broker"
    # kombu's filesystem transport expects its folder: FactcheckConfig.ready makes it.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "control_folder": str(VAR_DIR / "broker-control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    if CELERY_BROKER_URL.startswith("redis://"):
        # kombu's Redis transport, fixed for a crash on connection loss (factcheck/broker.py).
        CELERY_BROKER_TRANSPORT = "factcheck.broker:Transport"
    # An unacked message (its worker died) returns to the queue after visibility_timeout.
    # It must outlast the longest task, and a retry's countdown (a retried task waits
    # unacked in the worker): an extraction takes well under a second, retries back off
    # up to EXTRACTION_RETRY_BACKOFF_MAX. Redis's default, an hour, left articles
    # "Extracting" for an hour after a worker was killed.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "300")),
        # Look for such messages every unacked_restore_interval seconds (kombu scans only
        # every 10th call by default, so a 10 s interval would mean 100 s).
        "unacked_restore_interval": int(os.environ.get("CELERY_UNACKED_RESTORE_INTERVAL", "10")),
        "unacked_restore_throttle": 1,
        # A broker that is down must fail a publish fast (the request goes on without it),
        # and one that vanished without closing TCP must not hang a publish for ever.
        "socket_connect_timeout": 2,
        "socket_timeout": 10,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Tasks take milliseconds: a few reserved per process saves a broker round trip each.
# With acks_late, a reserved task of a worker that dies goes back to the queue.
CELERY_WORKER_PREFETCH_MULTIPLIER = int(os.environ.get("CELERY_WORKER_PREFETCH_MULTIPLIER", "4"))
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Tests and benchmarks give each run its own queue, beat's messages included.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "celery")
# Where embedded beat (rundev, `worker -B`) keeps its schedule state.
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# A task whose broker connection is lost cannot be acknowledged: the broker gives it
# back (acks_late) and the worker stops it (Celery 6's default; it is safe to run twice).
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True

# The database is the source of truth, the queue only a wake-up call (DESIGN, Flow 5).
# Transient database or broker errors retry with exponential backoff (1 s, 2 s, 4 s ...
# capped, with jitter) before the task gives up; the sweeper (a beat task run every
# EXTRACTION_SWEEP_INTERVAL seconds) re-enqueues extractions still pending after
# EXTRACTION_STALE_AFTER seconds: a message lost to a broker outage, a publish that
# failed, retries used up.
EXTRACTION_RETRY_BACKOFF_MAX = int(os.environ.get("EXTRACTION_RETRY_BACKOFF_MAX", "60"))
EXTRACTION_MAX_RETRIES = int(os.environ.get("EXTRACTION_MAX_RETRIES", "12"))
EXTRACTION_SWEEP_INTERVAL = float(os.environ.get("EXTRACTION_SWEEP_INTERVAL", "60"))
EXTRACTION_STALE_AFTER = float(os.environ.get("EXTRACTION_STALE_AFTER", "300"))

# Security. Production (DEBUG off) must pass `manage.py check --deploy`.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /healthz is probed over plain HTTP by the orchestrator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The report colours claims by the editable verdict scale: one nonce'd <style> block.
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- Outgoing mail (password reset) ---------------------------------------------
# Development prints mail to the console; production sends through the SMTP
# server named in the environment, and `check --deploy` warns when it is not
# (factcheck/checks.py): otherwise a password reset says "sent" and nothing goes.
# Django 6.1's MAILERS replaces the EMAIL_* settings; the variables keep their names.
_email_host = os.environ.get("EMAIL_HOST", "")
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
if DEBUG and not _email_host:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": SMTP_BACKEND,
            "OPTIONS": {
                "host": _email_host,
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # A dead mail server must not hold a request for long.
                "timeout": 10,
            },
        }
    }
# Links in emails (notifications) need the site's address; a worker has no request to ask.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- JSON API (factcheck/api/) and webhooks ---------------------------------------
# Token auth only (no session: no CSRF to think about); errors as problem+json.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["factcheck.api.auth.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api.auth.TokenRateThrottle"],
    "DEFAULT_PARSER_CLASSES": ["factcheck.api.errors.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "factcheck.api.errors.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom Factcheck API",
    "DESCRIPTION": (
        "Send articles from a newsroom system, follow their extraction and review, "
        "read claims and published fact-checks. Authenticate with `Authorization: Bearer "
        "<token>` (create a token on your API tokens page). Errors are "
        "application/problem+json (RFC 9457)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "factcheck.models.Article.Status",
        "ClaimStatusEnum": "factcheck.models.ClaimStatus",
    },
}
# Requests a token may make: "N/s", "N/min", "N/hour" or "N/day". Counted in the cache
# (CACHE_URL: set it to Redis where several web processes serve the API).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
# Webhook deliveries: retried with exponential backoff (base, 2 x base, 4 x base ...)
# up to WEBHOOK_MAX_ATTEMPTS attempts in all; each attempt waits WEBHOOK_TIMEOUT seconds.
WEBHOOK_RETRY_BASE_SECONDS = float(os.environ.get("WEBHOOK_RETRY_BASE_SECONDS", "30"))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "8"))
WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "10"))

_cache_url = os.environ.get("CACHE_URL", "")
if _cache_url.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": _cache_url}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

"""Environment defaults for the test suite, loaded by pytest before Django.

pyproject.toml loads this with `-p newsroom.pytest_env`, which pytest imports
before pytest-django reads the settings: tests run against the real
services (PostgreSQL and Redis on this machine) unless the caller says otherwise.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
# One test database per run, so that two runs on one machine never collide.
os.environ.setdefault("TEST_DATABASE_NAME", f"test_newsroom_{os.getpid()}")
os.environ.setdefault("NEWSROOM_VAR_DIR", os.path.join(os.getcwd(), "var", "test"))
os.environ.setdefault("WEBHOOK_RETRY_BASE_SECONDS", "0.5")  # the worker retries webhooks quickly

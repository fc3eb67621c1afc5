"""The benchmarks' own PostgreSQL databases: created when missing, never the main one."""

from __future__ import annotations


def ensure_database(url: str) -> None:
    """CREATE DATABASE for `url` when it does not exist yet."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    name = cfg["NAME"]
    dsn = {"host": cfg["HOST"], "port": cfg["PORT"] or 5432, "user": cfg["USER"],
           "password": cfg["PASSWORD"] or None, "dbname": "postgres"}
    with psycopg.connect(**dsn, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")

"""Benchmark: hostile uploads through the real upload path, each in a fresh process.

    .venv/bin/python bench/uploads.py

Builds the hostile files in code (tests/upload_files.py): a .docx zip bomb
(2 GB inflated, sizes in the zip directory false), a .docx of 1.4 million tiny
paragraphs, a PDF of 600,000 text operators, 10 MB of pasted text, and two
honest files of an article's maximum size for comparison. Each one is posted
by a signed-in editor to /articles/new/ through django.test.Client in a new
Python process (middleware, form, ingest, and the save when accepted), so the
peak RSS printed is that process's own: Django's baseline plus the upload.
The target (DESIGN.md) is under 200 MB and about 2 s of the web process.
Uses its own PostgreSQL database (DATABASE_URL, default .../newsroom_bench_uploads).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path; the project root must be there too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import json
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable

from bench.benchdb import ensure_database

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_uploads")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

RSS_TARGET_MB = 200
SECONDS_TARGET = 2.0
EDITOR = "bench-uploads-editor"
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def hostile_files() -> dict[str, Callable[[], tuple[str, bytes]]]:
    from tests import upload_files as uf

    def honest_docx() -> bytes:
        paragraph = "<w:p><w:r><w:t>" + "Le Sénat a adopté le texte par 289 voix. " * 12
        return uf.make_raw_docx((paragraph + "</w:t></w:r></w:p>") * 380)

    def honest_pdf() -> bytes:
        line = "Le Senat a adopte le texte le 15 novembre 2024 par 289 voix contre 12 et"
        return uf.pdf_from_content(
            b"BT /F1 9 Tf 11 TL 40 780 Td "
            + b"(%s) Tj T* " % line.encode() * 2600 + b"ET", flate=True
        )

    return {
        "zip bomb .docx (2 GB inflated, 20 KB declared)": lambda: (
            "bomb.docx", uf.make_docx_bomb()
        ),
        ".docx of 1.4 million tiny paragraphs": lambda: (
            "many.docx", uf.make_many_paragraphs_docx(1_400_000)
        ),
        "PDF of 600,000 text operators": lambda: ("heavy.pdf", uf.make_heavy_pdf(600_000)),
        "10 MB of pasted text": lambda: ("", b"a" * (10 * 1024 * 1024)),
        "honest .docx, 190,000 characters": lambda: ("honest.docx", honest_docx()),
        "honest PDF, 190,000 characters": lambda: ("honest.pdf", honest_pdf()),
    }


def setup_database() -> None:
    import django
    from django.core.management import call_command

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from factcheck import roles

    user, _ = get_user_model().objects.get_or_create(username=EDITOR)
    user.groups.add(Group.objects.get(name=roles.EDITORS))


def post_one(path: str, filename: str) -> dict:
    """In the child process: sign in, post the file (or paste it), measure."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client, override_settings
    from lxml import html

    from factcheck.models import Article

    # DEBUG is off, as in production; static URLs need no collected manifest here.
    override_settings(STORAGES=settings.STORAGES | {"staticfiles": PLAIN_STATIC}).enable()
    client = Client()
    client.force_login(get_user_model().objects.get(username=EDITOR))
    client.get("/articles/new/")  # warm: templates, URL resolver, session
    data = Path(path).read_bytes()
    fields = {"title": "Bench", "published_on": "2024-11-20", "published_precision": "day"}
    if filename:
        fields["file"] = SimpleUploadedFile(filename, data)
    else:
        fields["text"] = data.decode()
    del data
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.post("/articles/new/", fields)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = ""
    if response.status_code != 302:
        tree = html.fromstring(response.content)
        message = " ".join(e.text_content().strip() for e in tree.xpath('//ul[@class="errorlist"]'))
    Article.objects.filter(uploaded_by__username=EDITOR).delete()
    return {
        "status": response.status_code, "seconds": seconds, "message": message,
        "rss_before_mb": before / 1024, "peak_mb": peak / 1024,
    }


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(post_one(sys.argv[2], sys.argv[3])))
        return
    setup_database()
    print(f"{'upload':<50} {'size':>9} {'status':>6} {'time':>7} {'peak RSS':>9}  outcome")
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"MEDIA_ROOT": str(Path(folder) / "media")}
        for label, build in hostile_files().items():
            filename, data = build()
            path = Path(folder) / (filename or "pasted.txt")
            path.write_bytes(data)
            del data
            result = subprocess.run(
                [sys.executable, __file__, "--one", str(path), filename],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
            )
            if result.returncode != 0:
                print(f"{label:<50} child failed:\n{result.stderr[-2000:]}")
                failures += 1
                continue
            row = json.loads(result.stdout.strip().splitlines()[-1])
            size = path.stat().st_size
            within = row["peak_mb"] < RSS_TARGET_MB and row["seconds"] < 2 * SECONDS_TARGET
            failures += not within
            outcome = "saved" if row["status"] == 302 else row["message"][:90]
            print(
                f"{label:<50} {size / 1024:>7.0f}KB {row['status']:>6} {row['seconds']:>6.2f}s "
                f"{row['peak_mb']:>7.0f}MB  {'' if within else 'OVER TARGET  '}{outcome}"
            )
            path.unlink()
    print(f"targets: peak RSS < {RSS_TARGET_MB} MB, about {SECONDS_TARGET:.0f} s per upload "
          f"(Django's own baseline RSS included)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

"""manage.py importarticles FILE: bulk import from JSONL, CSV or a zip of article files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from factcheck.actions import imports as import_actions
from factcheck.models import ImportJob, ImportRow


class Command(BaseCommand):
    help = (
        "Import articles from a JSONL or CSV file (fields: title, text, published, language, "
        "source_url, outlet, external_id) or a zip of .txt/.md/.html/.docx/.pdf files. "
        "Rows are validated like uploads; a bad row is reported with its line and the others "
        "go on; running the same file again creates nothing twice. Extraction runs in the "
        "worker, in batches."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--user", help="the articles' uploader; an editor's import also updates articles "
                           "whose external_id is found again with other details"
        )

    def handle(self, *args: Any, file: Path, user: str | None = None, **options: Any) -> None:
        uploader = self._user(user)
        try:
            source = file.open("rb")
        except OSError as exc:
            raise CommandError(f"Cannot open {file}: {exc.strerror}") from exc
        with source:
            job = ImportJob.objects.create(filename=file.name, uploaded_by=uploader)
            job = import_actions.run_import(job.pk, source=source)
        self._report(job)
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(f"{file}: {job.failure_reason}")
        if job.error_count:
            rows = "row" if job.error_count == 1 else "rows"
            raise CommandError(f"{job.error_count} {rows} refused (listed above)")

    def _user(self, username: str | None) -> Any:
        if username is None:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc

    def _report(self, job: ImportJob) -> None:
        refused = job.rows.filter(outcome=ImportRow.Outcome.ERROR).order_by("line")
        for row in refused.iterator():
            where = f"{row.line} ({row.name})" if row.name else str(row.line)
            self.stderr.write(f"{job.filename}:{where}: {row.message}")
        self.stdout.write(
            f"{job.filename}: {job.rows_done} of {job.rows_total or 0} rows read: "
            f"{job.created_count} created, {job.updated_count} updated, "
            f"{job.skipped_count} already there, {job.error_count} refused."
            + (" Claims are being extracted by the worker."
               if job.created_count or job.updated_count else "")
        )

"""Bulk import: start an import, and run it a chunk of rows at a time.

Each chunk is one transaction: its rows are validated like uploads
(forms/imports.py), looked up in two queries (external ids, content hashes),
the new articles inserted with one bulk_create, the report rows with another,
the job's counters moved, and the new articles' extraction sent as batch
tasks once it commits. So a chunk is written whole or not at all, and
`rows_done` says where a task that starts again picks up.

Re-running a file creates nothing twice: a row with an `external_id` is the
article with that id (updated when its details changed, which re-extracts and
keeps reviewer work, as an edit does), a row without one is an existing
article with the same text (content hash).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import batched, islice
from pathlib import PurePath
from typing import Any, BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from factcheck import enqueue, imports, roles
from factcheck.actions import articles as article_actions
from factcheck.forms.imports import ArticleRowForm
from factcheck.models import Article, ImportJob, ImportRow, content_hash

logger = logging.getLogger(__name__)

CHUNK_ROWS = 500
Outcome = ImportRow.Outcome
# What an import row may change on an existing article (its external id found again).
UPDATABLE = article_actions.EDITABLE


def start_import(*, upload: Any, uploaded_by: Any) -> ImportJob:
    """Keep the uploaded file on a new job and send the task that runs it, after commit."""
    from factcheck.tasks import run_import

    with transaction.atomic():
        job = ImportJob(filename=PurePath(upload.name).name[:255], uploaded_by=uploaded_by,
                        language=translation.get_language() or "")
        upload.seek(0)
        job.file.save(upload.name, upload, save=False)
        try:
            job.save()
        except BaseException:
            job.file.delete(save=False)
            raise
        transaction.on_commit(partial(_send, run_import, job))
    return job


def _send(task: Any, job: ImportJob) -> None:
    try:
        task.apply_async((job.pk,), retry_policy=enqueue.PUBLISH_RETRY_POLICY)
    except enqueue.BROKER_ERRORS as exc:
        logger.warning("broker unreachable, import %s not started: %s", job.pk, exc)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED, finished_at=timezone.now(),
            failure_reason=_("The worker queue could not be reached. Nothing was imported; "
                             "start the import again in a moment."),
        )


def run_import(job_id: int, source: BinaryIO | None = None) -> ImportJob:
    """Import the job's file (or `source`, the command's open file) from where it stands.

    Safe to run again: a finished job is left alone, a running one goes on after its
    last committed chunk.
    """
    job = ImportJob.objects.get(pk=job_id)
    if not job.is_running:
        return job
    with translation.override(job.language or settings.LANGUAGE_CODE):
        _run(job, source)
    job.refresh_from_db()
    return job


def _run(job: ImportJob, source: BinaryIO | None) -> None:
    stream = source if source is not None else job.file.open("rb")
    try:
        if job.rows_total is None:
            job.rows_total = imports.count_rows(stream, job.filename)
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["rows_total", "status"])
        rows = islice(imports.read_rows(stream, job.filename), job.rows_done, None)
        for chunk in batched(rows, CHUNK_ROWS):
            import_chunk(job, chunk)
    except imports.ImportFileError as exc:
        _finish(job, ImportJob.Status.FAILED, str(exc))
    else:
        _finish(job, ImportJob.Status.DONE)
    finally:
        if source is None:
            stream.close()


def fail_import(job_id: int, reason: str) -> None:
    """Stop the import with a reason; the chunks already committed stay, with their report."""
    _finish(ImportJob(pk=job_id), ImportJob.Status.FAILED, reason)


def _finish(job: ImportJob, status: str, reason: str = "") -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, failure_reason=reason[:2000], finished_at=timezone.now()
    )


@dataclass
class _Chunk:
    """The report and the writes of one chunk, as they are decided."""

    job: ImportJob
    report: list[ImportRow] = field(default_factory=list)
    new: list[tuple[imports.RawRow, Article]] = field(default_factory=list)

    def add(self, row: imports.RawRow, outcome: str, message: str = "",
            article: Article | None = None) -> None:
        self.report.append(ImportRow(job=self.job, line=row.line, name=row.name[:300],
                                     outcome=outcome, message=message, article=article))


@transaction.atomic
def import_chunk(job: ImportJob, rows: Iterable[imports.RawRow]) -> None:
    """Validate, look up and write a chunk of rows, with their report, in one transaction."""
    chunk = _Chunk(job)
    valid: list[tuple[imports.RawRow, dict[str, Any]]] = []
    for row in rows:
        if row.error:
            chunk.add(row, Outcome.ERROR, row.error)
            continue
        form = ArticleRowForm.for_row(row)
        if form.is_valid():
            valid.append((row, form.article_fields()))
        else:
            chunk.add(row, Outcome.ERROR, form.error_text())
    _sort_out(valid, chunk)
    _insert_new(chunk)
    for row, article in chunk.new:
        chunk.add(row, Outcome.CREATED, article=article)
    chunk.report.sort(key=lambda report: report.line)
    ImportRow.objects.bulk_create(chunk.report)
    counts = {outcome: 0 for outcome in Outcome}
    for report in chunk.report:
        counts[report.outcome] += 1
    ImportJob.objects.filter(pk=job.pk).update(
        rows_done=F("rows_done") + len(chunk.report),
        created_count=F("created_count") + counts[Outcome.CREATED],
        updated_count=F("updated_count") + counts[Outcome.UPDATED],
        skipped_count=F("skipped_count") + counts[Outcome.SKIPPED],
        error_count=F("error_count") + counts[Outcome.ERROR],
    )
    enqueue.enqueue_extraction_batch(article.pk for _, article in chunk.new)


def _sort_out(valid: list[tuple[imports.RawRow, dict[str, Any]]], chunk: _Chunk) -> None:
    """New, already there (the same external id or text), or to update: two queries."""
    for _row, fields in valid:
        fields["content_hash"] = content_hash(fields["body"])
    by_id = Article.objects.in_bulk(
        [fields["external_id"] for _, fields in valid if fields["external_id"]],
        field_name="external_id",
    )
    by_hash = dict(
        Article.objects.filter(
            content_hash__in=[f["content_hash"] for _, f in valid if not f["external_id"]]
        ).values_list("content_hash", "pk")
    )
    seen: dict[str, int] = {}  # this chunk's external ids and hashes -> their line
    now = timezone.now()
    for row, fields in valid:
        key = fields["external_id"] or fields["content_hash"]
        if key in seen:
            chunk.add(row, Outcome.SKIPPED, _("Same article as line %(line)s.")
                      % {"line": seen[key]})
        elif fields["external_id"] in by_id:
            _found_by_id(row, fields, by_id[fields["external_id"]], chunk)
        elif not fields["external_id"] and key in by_hash:
            chunk.add(row, Outcome.SKIPPED, _("An article with the same text is there "
                                                   "already."), Article(pk=by_hash[key]))
        else:
            article = Article(uploaded_by=chunk.job.uploaded_by, extraction_queued_at=now, **fields)
            chunk.new.append((row, article))
        seen[key] = row.line


def _found_by_id(row: imports.RawRow, fields: dict[str, Any], article: Article,
                 chunk: _Chunk) -> None:
    """An article imported before: unchanged, or edited as an editor's edit would be."""
    changes = {name: fields[name] for name in UPDATABLE if getattr(article, name) != fields[name]}
    if not changes:
        chunk.add(row, Outcome.SKIPPED, _("Already imported, unchanged."), article)
        return
    editor = chunk.job.uploaded_by
    if editor is None or not roles.is_editor(editor):
        chunk.add(row, Outcome.ERROR, _(
            "Already imported with other details; only an editor's import can update it."
        ), article)
        return
    try:
        with transaction.atomic():
            article_actions.edit_article(article, editor, **changes)
    except (ValidationError, article_actions.ArticleActionError,
            article_actions.PublishedTextLocked) as exc:
        chunk.add(row, Outcome.ERROR, " ".join(_messages(exc)), article)
    else:
        labels = sorted(str(Article._meta.get_field(name).verbose_name) for name in changes)
        chunk.add(row, Outcome.UPDATED, _("Updated: %(fields)s.")
                  % {"fields": ", ".join(labels)}, article)


def _messages(exc: Exception) -> list[str]:
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


def _insert_new(chunk: _Chunk) -> None:
    """One INSERT for the chunk's new articles; should another import have inserted one of
    the same external ids meanwhile, each is inserted on its own and that one reported."""
    articles = [article for _, article in chunk.new]
    try:
        with transaction.atomic():
            Article.objects.bulk_create(articles)
        return
    except IntegrityError:
        logger.info("import: an external id was taken meanwhile; inserting one by one")
    inserted = []
    for row, article in chunk.new:
        article.pk = None
        try:
            with transaction.atomic():
                article.save(force_insert=True)
        except IntegrityError:
            chunk.add(row, Outcome.SKIPPED,
                      _("Imported at the same time by another import."))
        else:
            inserted.append((row, article))
    chunk.new = inserted

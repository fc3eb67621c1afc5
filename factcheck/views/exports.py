"""/queue/export.csv and /queue/export.json: the claims the queue's filters select, for editors.

Streamed: rows are read from the database in chunks (iterator()) and written as
they come, so an export of 100,000 claims never sits whole in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from factcheck import roles
from factcheck.access import role_required
from factcheck.forms.review import QueueFilterForm
from factcheck.models import Claim

CHUNK = 2000
FIELDS = (
    "claim", "article", "article_title", "article_language", "article_published_on", "kind",
    "text", "sentence", "extracted_value", "corrected_value", "verified_value", "status",
    "verdict", "explanation", "source_count", "reviewer", "created_at", "updated_at", "url",
)
# A spreadsheet runs a cell that starts with one of these as a formula: article text is
# anybody's, so such cells get a leading apostrophe (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@role_required(roles.is_editor)
@require_safe
def queue_export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    form = QueueFilterForm(request.GET)
    claims = (
        Claim.objects.visible_to(request.user)
        .queue_filter(**form.export_filters(request.user))
        .for_export()
        .queue_sorted(form.clean_values().get("sort", "") or "oldest")
    )
    records = (record(claim, request) for claim in claims.iterator(chunk_size=CHUNK))
    if fmt == "csv":
        body, content_type = csv_lines(records), "text/csv; charset=utf-8"
    else:
        body, content_type = json_lines(records), "application/json"
    response = StreamingHttpResponse(body, content_type=content_type)
    name = f"claims-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def record(claim: Claim, request: HttpRequest) -> dict[str, Any]:
    article = claim.article
    return {
        "claim": str(claim.uuid),
        "article": str(article.uuid),
        "article_title": article.title,
        "article_language": article.language,
        "article_published_on": article.published_on.isoformat() if article.published_on else None,
        "kind": claim.kind,
        "text": claim.text,
        "sentence": claim.sentence_text,
        "extracted_value": claim.extracted_value,
        "corrected_value": claim.corrected_value,
        "verified_value": claim.verified_value,
        "status": claim.status,
        "verdict": claim.verdict.label_en if claim.verdict else None,
        "explanation": claim.explanation,
        "source_count": claim.source_count,
        "reviewer": claim.assignee.get_username() if claim.assignee else None,
        "created_at": claim.created_at.isoformat(),
        "updated_at": claim.updated_at.isoformat(),
        "url": request.build_absolute_uri(claim.get_absolute_url()),
    }


class Echo:
    """csv.writer writes into this and gets the line back, to be yielded."""

    def write(self, value: str) -> str:
        return value


def csv_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield "\ufeff"  # a BOM: spreadsheets then read the file as UTF-8
    yield writer.writerow(FIELDS)
    for row in records:
        yield writer.writerow([csv_cell(row[name]) for name in FIELDS])


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def json_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, row in enumerate(records):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"

"""Names every template may use: the models' enums, so templates compare with
`ClaimStatus.APPROVED` rather than a literal "approved" that a rename would silently break.
(TextChoices are marked do_not_call_in_templates, so members resolve as values.)"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from factcheck.models import Article, Claim

ENUMS = {
    "ArticleStatus": Article.Status,
    "DatePrecision": Article.DatePrecision,
    "ClaimStatus": Claim.Status,
}


def enums(request: HttpRequest) -> dict[str, Any]:
    return ENUMS

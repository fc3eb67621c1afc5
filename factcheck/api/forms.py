"""The article fields the API takes, checked exactly as the upload form checks them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from factcheck import ingest
from factcheck.forms.articles import UploadForm
from factcheck.models import Article

# API field name -> upload form field name (the others are the same).
FORM_NAMES = {"published": "published_on"}
API_NAMES = {form: api for api, form in FORM_NAMES.items()} | {"published_precision": "published"}
FIELDS = ("title", "text", "published", "language", "source_url", "outlet", "external_id")
MAX_LENGTHS = {name: Article._meta.get_field(name).max_length
               for name in ("title", "source_url", "outlet", "external_id")}


class ArticleApiForm(UploadForm):
    """UploadForm without the file: the text is required, as pasted text is on the page."""

    file = None

    def __init__(self, payload: dict[str, Any]) -> None:
        data = {FORM_NAMES.get(name, name): value for name, value in payload.items()
                if name != "external_id" and value is not None}
        # The precision follows from the date's form (YYYY-MM): UploadForm.clean decides it.
        super().__init__(data | {"published_precision": Article.DatePrecision.DAY})
        self.fields["text"].required = True
        self.fields["text"].error_messages["required"] = _("The text cannot be empty.")

    def too_long(self) -> bool:
        """Refused for its length alone (HTTP 413), not for another reason."""
        text = self.data.get("text")
        return isinstance(text, str) and len(ingest.normalise(text)) > ingest.MAX_TEXT_CHARS

    def api_errors(self) -> dict[str, list[str]]:
        return {API_NAMES.get(name, name) if name != "__all__" else "non_field_errors":
                [str(message) for message in messages]
                for name, messages in self.errors.items()}


def payload_errors(payload: Any) -> dict[str, list[str]]:
    """Type errors the form cannot see: not an object, a value that is not a string."""
    if not isinstance(payload, dict):
        return {"non_field_errors": [str(_("Send a JSON object with the article's fields."))]}
    errors = {}
    for name in FIELDS:
        value = payload.get(name)
        if value is not None and not isinstance(value, str):
            errors[name] = [str(_("Must be a string."))]
    # Checked before the form strips spaces, so that the limits are the schema's exactly.
    for name, limit in MAX_LENGTHS.items():
        value = payload.get(name)
        if isinstance(value, str) and len(value) > limit and name not in errors:
            errors[name] = [str(_("At most %(max)d characters.") % {"max": limit})]
    return errors

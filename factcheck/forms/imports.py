"""Bulk import: the page's file form, and the form each row goes through.

A row is validated by the upload form itself (ArticleRowForm is UploadForm
with an external id), so that an imported article meets exactly the checks of
one uploaded by hand: same fields, same limits, same file reading.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from factcheck import imports
from factcheck.forms.articles import UploadForm


class ArticleRowForm(UploadForm):
    external_id = forms.CharField(label=_("External ID"), max_length=200, required=False)

    @classmethod
    def for_row(cls, row: imports.RawRow) -> ArticleRowForm:
        """The form bound to an import row: the API's field names mapped to the form's."""
        fields = row.fields
        data = {
            "title": fields.get("title", ""),
            "text": fields.get("text", ""),
            "published_on": fields.get("published", ""),
            "published_precision": "day",  # a YYYY-MM date switches it to month (clean)
            "language": fields.get("language", "").strip().lower(),
            "source_url": fields.get("source_url", ""),
            "outlet": fields.get("outlet", ""),
            "external_id": fields.get("external_id", ""),
        }
        files = {}
        if row.file is not None:
            files["file"] = SimpleUploadedFile(row.file[0], row.file[1])
        return cls(data, files)

    def clean_external_id(self) -> str | None:
        return self.cleaned_data["external_id"] or None

    def article_fields(self) -> dict[str, Any]:
        """Keyword arguments for an Article: the upload's, without the file, and the id."""
        fields = super().article_fields()
        del fields["upload"]  # the import keeps the file it came in, not each entry
        return fields | {"external_id": self.cleaned_data["external_id"]}

    def error_text(self) -> str:
        """Every error on one line, each after its field's name: the report's reason."""
        parts = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            text = " ".join(str(error) for error in errors)
            parts.append(gettext("%(field)s: %(errors)s") % {"field": label, "errors": text}
                         if label else text)
        return " ".join(parts)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": imports.ACCEPT}),
        help_text=_("JSONL or CSV with the fields title, text, published, language, source_url, "
                    "outlet, external_id; or a zip of .txt, .md, .html, .docx or .pdf files."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            imports.check_file(upload.file, upload.name)
        except imports.ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload

"""The upload form: pasted text or a file, plus the article's metadata."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from factcheck import ingest
from factcheck.models import Article, Language

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class ArticleTextField(forms.CharField):
    """Pasted text: NUL bytes removed (not refused) and newlines unified before validation."""

    def to_python(self, value: Any) -> str:
        return ingest.normalise(super().to_python(value))


class PublicationDateField(forms.DateField):
    """A day (YYYY-MM-DD) or just a month (YYYY-MM, stored as its first day)."""

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and (match := MONTH.match(value)):
            year, month = int(match[1]), int(match[2])
            if 1 <= month <= 12:
                return dt.date(year, month, 1)
        return super().to_python(value)


class UploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = ArticleTextField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Paste the article, or choose a file below."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ingest.ACCEPT}),
        help_text=_(".txt, .md, .html, .docx or .pdf, 5 MB at most."),
    )
    published_on = PublicationDateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("A day, or just a month (YYYY-MM) with the precision below."),
    )
    published_precision = forms.ChoiceField(
        label=_("Date precision"),
        choices=Article.DatePrecision.choices,
        initial=Article.DatePrecision.DAY,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Detect automatically")), *Language.choices],
        required=False,
    )
    source_url = forms.URLField(
        label=_("Source URL"), max_length=1000, required=False, assume_scheme="https"
    )
    outlet = forms.CharField(label=_("Outlet"), max_length=200, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        # Refuse by size before reading anything into memory.
        if upload.size > ingest.MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too big: the limit is 5 MB."))
        self.file_text = ingest.read_file(upload.read(), upload.name)
        return upload

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text", "")
        ingest.check_length(text)
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_text, has_file = bool(data.get("text")), bool(data.get("file"))
        # A refused file already carries its own error; don't add a second one.
        if "file" in self.errors or "text" in self.errors:
            return data
        if not has_text and not has_file:
            self.add_error("text", _("Paste the article's text or choose a file."))
        elif has_text and has_file:
            self.add_error("file", _("Paste the text or choose a file, not both."))
        raw_date = self.data.get(self.add_prefix("published_on"), "")
        if MONTH.match(raw_date or ""):
            data["published_precision"] = Article.DatePrecision.MONTH
        return data

    def article_fields(self) -> dict[str, Any]:
        """Keyword arguments for actions.submit_upload."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["text"] or self.file_text,
            "requested_language": data["language"],
            "published_on": data["published_on"],
            "published_precision": data["published_precision"],
            "source_url": data["source_url"],
            "outlet": data["outlet"],
            "upload": data["file"],
        }

    def focus_first_error(self) -> None:
        """Put the cursor in the first field that needs fixing when the page comes back."""
        for name, field in self.fields.items():
            if name in self.errors:
                field.widget.attrs["autofocus"] = True
                return


class ArticleEditForm(UploadForm):
    """The upload form's fields and checks, without the file: the text is edited as text."""

    file = None

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        published: Any = article.published_on
        if published and article.published_precision == Article.DatePrecision.MONTH:
            published = published.strftime("%Y-%m")
        kwargs.setdefault("initial", {
            "title": article.title,
            "text": article.body,
            "published_on": published,
            "published_precision": article.published_precision,
            "language": article.requested_language,
            "source_url": article.source_url,
            "outlet": article.outlet,
        })
        super().__init__(*args, **kwargs)
        date = self.fields["published_on"]
        if getattr(date.widget, "input_type", "") == "date":
            # A date picker shows a month-precision value (YYYY-MM) as empty, and saving the
            # form would then erase the date: edit it as text in the format the field takes.
            date.widget = forms.TextInput(attrs={"placeholder": "YYYY-MM-DD", "size": 10})
        text = self.fields["text"]
        text.required = True
        text.error_messages["required"] = _("The text cannot be empty.")
        text.help_text = _(
            "Changing the text extracts the claims again. Claims whose words are still there "
            "keep their reviewer work; the others are flagged as no longer found."
        )

    def article_fields(self) -> dict[str, Any]:
        """Keyword arguments for actions.articles.edit_article."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["text"],
            "requested_language": data["language"],
            "published_on": data["published_on"],
            "published_precision": data["published_precision"],
            "source_url": data["source_url"],
            "outlet": data["outlet"],
        }

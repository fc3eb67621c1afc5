"""The upload form: pasted text or a file, plus the article's metadata."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from factcheck import ingest
from factcheck.forms.fields import WebURLField
from factcheck.models import Article, Language

# A day or a month, digits only: "072018" or "18-07-2024" must not be read as some other date.
DAY_OR_MONTH = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\s*$")
MONTH = re.compile(r"^\s*\d{4}-\d{1,2}\s*$")
EARLIEST_YEAR = 1800
LATEST_AHEAD = dt.timedelta(days=366)


class ArticleTextField(forms.CharField):
    """Pasted text: NUL bytes removed (not refused) and newlines unified before validation."""

    def to_python(self, value: Any) -> str:
        return ingest.normalise(super().to_python(value))


class PublicationDateField(forms.CharField):
    """A day (YYYY-MM-DD) or just a month (YYYY-MM, stored as its first day), typed.

    A text field, not the browser's date picker, which has no month mode.
    """

    widget = forms.TextInput(
        attrs={
            "placeholder": "YYYY-MM-DD",
            "pattern": r"\d{4}-\d{1,2}(-\d{1,2})?",
            "inputmode": "numeric",
            "autocomplete": "off",
        }
    )
    default_error_messages = {
        "invalid": _("Enter a valid date: a day as YYYY-MM-DD or a month as YYYY-MM "
                     "(for example 2024-11-20 or 2024-11)."),
        "too_early": _("Enter a date in %(year)s or later."),
        "too_late": _("The publication date cannot be more than a year ahead."),
    }

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        text = super().to_python(value)
        if not text:
            return None
        match = DAY_OR_MONTH.match(text)
        if match is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return dt.date(int(match["year"]), int(match["month"]), int(match["day"] or 1))
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if value.year < EARLIEST_YEAR:
            raise forms.ValidationError(
                self.error_messages["too_early"], code="too_early", params={"year": EARLIEST_YEAR}
            )
        if value > timezone.localdate() + LATEST_AHEAD:
            raise forms.ValidationError(self.error_messages["too_late"], code="too_late")


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
        initial=timezone.localdate,
        help_text=_(
            "YYYY-MM-DD, or just a month as YYYY-MM. Relative dates in the text "
            "(“yesterday”, “Tuesday”) are read from it."
        ),
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
    source_url = WebURLField(
        label=_("Source URL"), max_length=1000, required=False
    )
    outlet = forms.CharField(label=_("Outlet"), max_length=200, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        # Refuse by size before reading anything into memory.
        if upload.size > ingest.MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too big: the limit is 5 MB."))
        ingested = ingest.read_upload(upload.read(), upload.name)
        self.file_text, self.file_warnings = ingested.text, ingested.warnings
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
        """Keyword arguments for actions.submit_upload; without the file (the edit and API
        forms have none), those of actions.articles.edit_article."""
        data = self.cleaned_data
        fields = {
            "title": data["title"],
            "body": data["text"] or self.file_text,
            "requested_language": data["language"],
            "published_on": data["published_on"],
            "published_precision": data["published_precision"],
            "source_url": data["source_url"],
            "outlet": data["outlet"],
        }
        if "file" in self.fields:
            fields["upload"] = data["file"]
        return fields

    @classmethod
    def refused_as_too_big(cls) -> UploadForm:
        """The form for a request too big to read: nothing of it can be shown again, only why."""
        form = cls(data={"published_on": timezone.localdate().isoformat()})
        form.is_valid()
        form.errors.clear()
        form.add_error(
            "text",
            _("The text is far too long to be read: the limit is %(limit)s characters. "
              "Nothing was saved; paste a shorter text.") % {"limit": f"{ingest.MAX_TEXT_CHARS:,}"},
        )
        return form

    def warnings(self) -> list[str]:
        """What the editor should check in the saved article (shown as warning messages)."""
        warnings = list(getattr(self, "file_warnings", ()))
        if self.cleaned_data.get("published_on") is None:
            warnings.append(
                _("No publication date was given: relative dates in the text (“yesterday”, "
                  "“Tuesday”) cannot be resolved, so they are not extracted.")
            )
        return [str(warning) for warning in warnings]

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

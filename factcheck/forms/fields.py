"""Form fields the app's forms share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _


class WebURLField(forms.URLField):
    """A web page's address: http(s) only, "example.org/page" taken as https://example.org/page.

    A plain text input (with the URL keyboard on phones): the browser's own
    type=url check would block an address typed without its scheme, which this
    field accepts. One validator, so a refused address gets one message.
    """

    default_error_messages = {
        "invalid": _("Enter a web address, such as https://example.org/page."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "url"}))
        super().__init__(**kwargs)
        message = self.error_messages["invalid"]
        self.validators = [v for v in self.validators if not isinstance(v, URLValidator)]
        self.validators.append(URLValidator(schemes=["http", "https"], message=message))

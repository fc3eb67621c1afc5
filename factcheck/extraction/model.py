"""The value objects shared by every extraction module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["date", "vote_result", "meeting_count"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Published:
    """The article's publication date; `day` is False when only the month is known."""

    date: dt.date
    day: bool = True


@dataclass(frozen=True, slots=True)
class Claim:
    kind: Kind
    start: int
    end: int
    text: str
    value: dict[str, Any]
    sentence_start: int = 0
    sentence_end: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }


@dataclass(slots=True)
class Document:
    """What every kind module receives: the original text and its context."""

    text: str
    lang: str  # "fr" or "en"
    published: Published | None
    sentences: list[Sentence] = field(default_factory=list)

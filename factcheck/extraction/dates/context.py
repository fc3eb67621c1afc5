"""Years and days that the text itself sets for dates written without them.

The guidelines resolve an open date against publication only when the text
leaves it open. Two ways the text closes it:

- an explicit year just before, in the same sentence or the previous one of
  the same paragraph: "deux ruptures en 97 (en janvier ..., en octobre ...)";
  an anaphor ("earlier in the year", "la même année") carries the year of the
  last date even when that one was itself resolved from publication;
- a weekday written out in full elsewhere ("mardi 1er juin") tells which
  Tuesday a bare "mardi" in the headline is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from factcheck.extraction.model import Published, Sentence

# "Earlier in the year, in July": the year of the date just before.
_ANAPHOR = re.compile(
    r"\b(?:earlier|later)\s+(?:in\s+the|that)\s+year\b|\bthat\s+(?:same\s+)?year\b"
    r"|\bthe\s+same\s+year\b|\bla\s+même\s+année\b|\bcette\s+année[-\s]là\b"
    r"|\bplus\s+(?:tôt|tard)\s+dans\s+l['’]année\b",
    re.IGNORECASE,
)
_ANAPHOR_REACH = 120  # characters before the date
# A dated weekday this far from publication can name the bare one.
_WEEK = 6
# Years a text without a publication date may set for its open dates.
_TEXT_YEAR = re.compile(r"^(?:1[89]|20)\d\d$", re.MULTILINE)


class YearContext:
    """The last dates seen, to give their year to a following open date."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.last_explicit: tuple[int, int] | None = None  # (offset, year)
        self.last_any: tuple[int, int] | None = None

    def _prose_line_break(self, before: Sentence, here: Sentence, between: str) -> bool:
        text = self.text
        return _line_break_ok(
            text[before.start : before.end], between, text[here.start : here.start + 2]
        )

    def remember(self, offset: int, year: int, explicit: bool) -> None:
        self.last_any = (offset, year)
        if explicit:
            self.last_explicit = (offset, year)

    def year_just_before(self, offset: int, reach: int) -> int | None:
        """The year written at most `reach` characters before `offset`, in its sentence:
        "until 2030, possibly sometime in the second quarter"."""
        if self.last_explicit is None:
            return None
        at, year = self.last_explicit
        scope = self._scope(offset)
        if scope is None or at < scope[1] or offset - at > reach:
            return None
        return year

    def year_for(self, offset: int) -> int | None:
        """The year the text sets for an open date at `offset`, if any."""
        scope = self._scope(offset)
        if scope is None:
            return None
        scope_start, sentence_start = scope
        # Bounded: a megabyte without a full stop is one sentence.
        window = self.text[max(sentence_start, offset - _ANAPHOR_REACH) : offset]
        if self.last_any and self.last_any[0] >= scope_start and _ANAPHOR.search(window):
            return self.last_any[1]
        if self.last_explicit and self.last_explicit[0] >= scope_start:
            return self.last_explicit[1]
        return None

    def _scope(self, offset: int) -> tuple[int, int] | None:
        """(start of the previous sentence of the paragraph or of this one, this one's start)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        here = self.sentences[index]
        if index == 0:
            return here.start, here.start
        before = self.sentences[index - 1]
        between = self.text[before.end : here.start]
        if "\n" in between and not self._prose_line_break(before, here, between):
            return here.start, here.start  # a new paragraph starts a new frame
        return before.start, here.start


def _line_break_ok(sentence_text: str, between: str, next_text: str) -> bool:
    """A single line break between two prose sentences keeps the frame; a blank
    line, a list item or a heading (no final stop) starts a new one."""
    last = sentence_text.rstrip()[-1:]
    first = next_text.lstrip()[:1]
    return "\n\n" not in between and last in _STOPS and first not in _BULLETS


_STOPS = frozenset('.!?"»”')
_BULLETS = frozenset("-–—•*·|")


def fits(year: int, month: int, day: int | None, pub: Published | None, direction: int) -> bool:
    """Whether a date given its year by context agrees with the tense around it."""
    if pub is None or direction == 0 or year == pub.date.year:
        return True  # "a world tour in 2016 ... beginning March 23": the year the text says
    here = (pub.date.year, pub.date.month, pub.date.day if pub.day and day else 0)
    date = (year, month, day if pub.day and day else 0)
    return date <= here if direction < 0 else date >= here


def dated_weekday(weekday: int, dated: dict[int, set[str]], pub: Published | None) -> str | None:
    """The one date written with this weekday within a week of publication."""
    if pub is None or not pub.day:
        return None
    near = {
        iso
        for iso in dated.get(weekday, ())
        if abs((dt.date.fromisoformat(iso) - pub.date).days) <= _WEEK
    }
    return near.pop() if len(near) == 1 else None



def year_tokens(low: list[str], joined: str, labels: frozenset[str]) -> list[tuple[int, int]]:
    """(token index, year) of every year-like token but labels ("Fiscal Year
    2025"), from the document's lowercased tokens (`low`, and `joined`, one a
    line): one pass."""
    found = []
    line = last = 0
    for hit in _TEXT_YEAR.finditer(joined):
        line += joined.count("\n", last, hit.start())
        last = hit.start()
        if low[line - 1] not in labels and low[line - 2] not in labels:
            found.append((line, int(hit.group())))
    return found


def text_year(years: list[tuple[int, int]], token: int) -> int | None:
    """The year written last before token `token`, else the first one after.

    Used only when the article has no publication date."""
    index = bisect.bisect_left(years, (token, 0))
    if index > 0:
        return years[index - 1][1]
    after = [y for k, y in years[index : index + 2] if k > token]
    return after[0] if after else None

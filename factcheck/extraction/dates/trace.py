"""The date scanner with every named rule recording itself, for --explain.

Each rule of grammar.py (RULES, DIGIT_RULES, SUB_RULES) is wrapped: a rule
that returns an item stamps it with its own name and the names of the rules
it called that succeeded (outermost first). Only `--explain` pays for this;
the plain DateScanner runs the unwrapped methods.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from factcheck.extraction.dates.finder import DateScanner
from factcheck.extraction.dates.grammar import (
    DIGIT_RULES,
    RULES,
    SUB_RULES,
    WORD_PARSERS,
    Parser,
)
from factcheck.extraction.dates.items import Item
from factcheck.extraction.lang import LEXICONS
from factcheck.extraction.model import Document


def _traced(name: str, method: Callable[..., Item | None]) -> Callable[..., Item | None]:
    @wraps(method)
    def rule(self: TracingDateScanner, *args: Any, **kwargs: Any) -> Item | None:
        self.frames.append([])
        try:
            found = method(self, *args, **kwargs)
        finally:
            called = self.frames.pop()
        if found is not None:
            names = [name, *called]
            found.rules = tuple(dict.fromkeys(names))
            if self.frames:
                self.frames[-1].extend(names)
        return found

    return rule


class TracingDateScanner(DateScanner):
    explaining = True

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.frames: list[list[str]] = []  # one per rule running: the names it called
        self.parsers = _TRACED_PARSERS[self.lang]
        self.digit_parsers = _TRACED_DIGITS


_WRAPPED: dict[Callable[..., Any], Callable[..., Any]] = {}
for _name, _method in [(r.name, r.parse) for r in (*RULES, *DIGIT_RULES)] + list(SUB_RULES):
    if _method not in _WRAPPED:
        _WRAPPED[_method] = _traced(_name, _method)
        # Rules call each other through self: the subclass's wrapped method answers.
        setattr(TracingDateScanner, _method.__name__, _WRAPPED[_method])


def _traced_table(table: dict[str, tuple[Parser, ...]]) -> dict[str, tuple[Parser, ...]]:
    return {word: tuple(_WRAPPED[parse] for parse in parsers) for word, parsers in table.items()}


_TRACED_PARSERS = {lang: _traced_table(WORD_PARSERS[lang]) for lang in LEXICONS}
_TRACED_DIGITS: tuple[Parser, ...] = tuple(_WRAPPED[rule.parse] for rule in DIGIT_RULES)

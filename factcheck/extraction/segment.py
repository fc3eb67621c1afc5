"""Sentences and their offsets into the original text."""

from __future__ import annotations

import re

from factcheck.extraction.model import Sentence

# A sentence ends at . ! ? … (optionally followed by closing quotes) before
# whitespace, or at a blank line. Refined rules guard abbreviations.
_BOUNDARY = re.compile(r"[.!?…]+[»”\"')\]]*(?=\s)|\n\s*\n")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        _append(text, start, end, sentences)
        start = end
    _append(text, start, len(text), sentences)
    return sentences


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end))

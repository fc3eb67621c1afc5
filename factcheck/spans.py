"""Where a piece of an article's old text sits in its edited text (difflib, no Django).

`SpanMap(old, new)` diffs the two texts once, paragraph by paragraph first
(lines are few, so this is cheap however long the text), then word by word
inside the paragraphs that changed. The result is the list of stretches the
two texts share; a span of the old text is "found again" when it lies in the
shared stretches and reads the same at its new place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher
from typing import NamedTuple

# Words, runs of spaces, and single other characters: the units a word diff compares.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Past this many tokens in one changed paragraph, a word diff costs more than it saves
# (SequenceMatcher is quadratic in the worst case): the paragraph counts as rewritten.
MAX_TOKENS = 20_000


class Block(NamedTuple):
    """`length` characters shared by both texts, at `old` in the old one, `new` in the new."""

    old: int
    new: int
    length: int


class SpanMap:
    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.blocks = _shared_blocks(old, new)
        self._starts = [block.old for block in self.blocks]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new offsets of old[start:end], or None when that text is not there any more."""
        first, last = self._block_at(start), self._block_at(end - 1)
        if first is None or last is None:
            return None
        new_start = start + first.new - first.old
        new_end = end + last.new - last.old
        if self.new[new_start:new_end] != self.old[start:end]:
            return None  # both ends survived, but something between them changed
        return new_start, new_end

    def around(self, start: int, end: int, inner: tuple[int, int]) -> tuple[int, int]:
        """New bounds for an old stretch (a sentence) that must contain the new `inner` span:
        its ends where they moved to when they survived, else the span's own ends."""
        new_start = self._moved(start)
        new_end = self._moved(end - 1)
        low = inner[0] if new_start is None else min(new_start, inner[0])
        high = inner[1] if new_end is None else max(new_end + 1, inner[1])
        return low, high

    def _moved(self, position: int) -> int | None:
        block = self._block_at(position)
        return None if block is None else position + block.new - block.old

    def _block_at(self, position: int) -> Block | None:
        index = bisect_right(self._starts, position) - 1
        if index < 0:
            return None
        block = self.blocks[index]
        return block if position < block.old + block.length else None


def _shared_blocks(old: str, new: str) -> list[Block]:
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _offsets(old_lines), _offsets(new_lines)
    blocks: list[Block] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append(Block(old_at[i1], new_at[j1], old_at[i2] - old_at[i1]))
        elif tag == "replace":
            old_part, new_part = old[old_at[i1] : old_at[i2]], new[new_at[j1] : new_at[j2]]
            blocks.extend(_word_blocks(old_part, new_part, old_at[i1], new_at[j1]))
    return [block for block in blocks if block.length]


def _word_blocks(old: str, new: str, old_base: int, new_base: int) -> list[Block]:
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    if max(len(old_tokens), len(new_tokens)) > MAX_TOKENS:
        return []
    old_at, new_at = _offsets(old_tokens), _offsets(new_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        Block(old_base + old_at[i], new_base + new_at[j], old_at[i + size] - old_at[i])
        for i, j, size in matcher.get_matching_blocks()
        if size
    ]


def _offsets(pieces: list[str]) -> list[int]:
    """Where each piece starts in their concatenation, plus the total length at the end."""
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    return offsets

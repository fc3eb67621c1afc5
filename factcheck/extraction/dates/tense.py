"""The tense around a date whose year or day is open: -1 past, +1 future, 0 open."""

from __future__ import annotations

from factcheck.extraction.dates.scanner import TokenView
from factcheck.extraction.lang import shared as S


class Tense(TokenView):
    def direction(self, i: int, j: int, explicit: int) -> int:
        """-1 past, +1 future, 0 open: the nearest tense cue in the clause."""
        if explicit:
            return explicit
        if self.tok(i - 1) in self.w.future_left or self.tok(i - 2) in S.FUTURE_LEFT_FAR:
            return 1
        low, parts = self.low, self.parts
        words, endings = self.t.cue_words, self.t.cue_endings
        # Backwards first: the verb governing a time adverbial usually comes first.
        for k in range(i - 1, max(-1, i - 20), -1):
            word = low[k]
            if word in self.w.clause_end or "\n" in parts[2 * k + 2]:
                break
            if word in words or word.endswith(endings):  # cheap test before the rules
                found = self.cue(k, i - k - (low[k + 1] in S.CUE_SKIPPED))
                if found:
                    return found
        for k in range(j, min(self.n, j + 12)):
            word = low[k]
            if word in self.w.clause_end or "\n" in parts[2 * k]:
                break
            if word == "," and low[k + 1 : k + 2] and low[k + 1] in self.w.relative_pronouns:
                break  # "le recensement de mars, qui devraient être affinés": another clause
            if word in words or word.endswith(endings):
                found = self.cue(k)
                if found:
                    return found
        return 0

    def cue(self, k: int, dist: int = 9) -> int:
        word = self.tok(k)
        if word in self.t.future:
            return 1
        if word in self.t.past:
            return -1
        return self.w.tense_cue(self, k, word, dist)

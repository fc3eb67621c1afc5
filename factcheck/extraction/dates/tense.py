"""The tense around a date whose year or day is open: -1 past, +1 future, 0 open."""

from __future__ import annotations

from factcheck.extraction.dates.scanner import TokenView
from factcheck.extraction.lang import shared as S

# Forecast words an article needs before its bare weekdays count as ahead.
_FORECAST_MIN = 3
# A past verb at most this many tokens before "until" governs it ("slept until").
_UNTIL_VERB = 3


class Tense(TokenView):
    _forecast: bool | None = None  # computed on first need: most documents never ask
    weak = False  # the last direction came from a weak cue (a present auxiliary)

    def direction(self, i: int, j: int, explicit: int) -> int:
        """-1 past, +1 future, 0 open: the nearest tense cue in the clause.

        A past or future form decides; a present auxiliary ("are closed
        Friday") is a weak future cue, taken only when the clause holds no
        other. The verb governing a time adverbial usually comes first, so the
        search goes backwards first, unless the date opens its clause ("and
        Friday we will say"): then its verb follows."""
        self.weak = False
        if explicit:
            return explicit
        if self.tok(i - 1) in self.w.future_left or self.tok(i - 2) in S.FUTURE_LEFT_FAR:
            return 1
        before = self.tok(i - 1)
        if before in S.CUE_SKIPPED or before == "on":
            before = self.tok(i - 2)
        if before in self.w.clause_openers:
            strong, weak = self.ahead(j)
            if strong:
                return strong
            back, weak_back = self.back(i)
            if self.low[j] == "'" and self.low[j + 1] == "s":
                weak = weak_back = 0  # "and Tuesday's vote": an event named
            return back or self.weakly(weak or weak_back)
        strong, weak = self.back(i)
        if strong:
            return strong
        ahead, weak_ahead = self.ahead(j)
        if self.low[j] == "'" and self.low[j + 1] == "s":
            weak = weak_ahead = 0  # "are investigating Tuesday's explosion": an event named
        return ahead or self.weakly(weak or weak_ahead)

    def weakly(self, direction: int) -> int:
        """A weak cue: it orders a weekday ahead, not a day or holiday ("Election
        Day is Tuesday" keeps the nearest one)."""
        self.weak = bool(direction)
        return direction

    def back(self, i: int) -> tuple[int, int]:
        """(strong, weak) cues before token i, within its clause."""
        low, parts = self.low, self.parts
        words, endings, present = self.t.cue_words, self.t.cue_endings, self.w.present_words
        weak = 0
        until = -1  # where a weak future word ("until") was seen
        for k in range(i - 1, max(-1, i - 20), -1):
            word = low[k]
            if "\n" in parts[2 * k + 2] or (word in self.w.clause_end and not self.in_number(k)):
                break
            if word in words or word.endswith(endings):  # cheap test before the rules
                found = self.cue(k, i - k - (low[k + 1] in S.CUE_SKIPPED))
                if found == 1 and word in self.w.weak_future_words and until < 0:
                    until = k  # "until": ahead unless a past verb right before governs it
                elif found:
                    if until >= 0 and (found > 0 or until - k > _UNTIL_VERB):
                        return 1, weak  # "free on release until the case goes to court"
                    return found, weak  # "slept until well after daylight Tuesday"
            if weak == 0 and word in self.w.weak_past_words:
                weak = -1  # "is dead after a shooting on Saturday": the present is no cue
            elif weak == 0 and (word in present or (word == "s" and self.contracted(k))):
                weak = 1
        return (1 if until >= 0 else 0), weak

    def ahead(self, j: int) -> tuple[int, int]:
        """(strong, weak) cues from token j on, within its clause."""
        low, parts = self.low, self.parts
        words, endings, present = self.t.cue_words, self.t.cue_endings, self.w.present_words
        weak = 0
        for k in range(j, min(self.n, j + 12)):
            word = low[k]
            if "\n" in parts[2 * k] or (word in self.w.clause_end and not self.in_number(k)):
                break
            if word == "," and low[k + 1 : k + 2] and low[k + 1] in self.w.relative_pronouns:
                break  # "le recensement de mars, qui devraient être affinés": another clause
            if word in S.COMPLEMENTIZERS:
                break  # "the announcement on Tuesday that she would allow": its own tense
            if word in words or word.endswith(endings):
                found = self.cue(k)
                if found:
                    return found, weak
            if word in present or (word == "s" and self.contracted(k)):
                weak = 1
        return 0, weak

    def in_number(self, k: int) -> bool:
        """Token k is the mark inside a time or a decimal ("02:00", "7.30"): no clause end."""
        low = self.low
        return low[k - 1][:1].isdigit() and low[k + 1][:1].isdigit() and not (
            self.parts[2 * k] or self.parts[2 * k + 2]
        )

    def contracted(self, k: int) -> bool:
        """ "it's", "that's": token k is the "s" of a present "is"."""
        return self.low[k - 1] == "'" and self.low[k - 2] in self.w.contracted_subjects

    def cue(self, k: int, dist: int = 9) -> int:
        word = self.tok(k)
        if word in self.t.future:
            return 1
        if word in self.t.past:
            return -1
        return self.w.tense_cue(self, k, word, dist)

    def is_forecast(self) -> bool:
        """A weather page: its verbless or present-tense weekdays lie ahead."""
        if self._forecast is None:
            words = self.w.forecast_words
            self._forecast = sum(map(words.__contains__, self.low[: self.n])) >= _FORECAST_MIN
        return self._forecast

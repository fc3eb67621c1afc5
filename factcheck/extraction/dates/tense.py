"""The tense around a date whose year or day is open: -1 past, +1 future, 0 open."""

from __future__ import annotations

from factcheck.extraction.dates.scanner import TokenView

_PARTICIPLE = (
    "é",
    "ée",
    "és",
    "ées",
    "i",
    "is",
    "ie",
    "it",
    "u",
    "ue",
    "us",
    "ert",
    "int",
    "ort",
    "ait",
)


class Tense(TokenView):
    def direction(self, i: int, j: int, explicit: int) -> int:
        """-1 past, +1 future, 0 open: the nearest tense cue in the clause."""
        if explicit:
            return explicit
        if self.tok(i - 1) in self.w.future_left or self.tok(i - 2) in ("jusqu'", "ici"):
            return 1
        low, parts = self.low, self.parts
        words, endings = self.t.cue_words, self.t.cue_endings
        # Backwards first: the verb governing a time adverbial usually comes first.
        for k in range(i - 1, max(-1, i - 20), -1):
            word = low[k]
            if word in self.w.clause_end or "\n" in parts[2 * k + 2]:
                break
            if word in words or word.endswith(endings):  # cheap test before the rules
                found = self.cue(k, i - k - (low[k + 1] in ("le", "ce")))
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
        if self.lang == "en":
            return self.cue_en(k, word)
        return self.cue_fr(k, word, dist)

    def cue_en(self, k: int, word: str) -> int:
        if word == "early" and self.tok(k - 1) == "as":
            return 1  # "as early as Saturday"
        if word == "set" and self.tok(k + 1) in ("to", "for"):
            return 1
        if len(word) > 3 and word.endswith("ed") and word not in self.w.not_past:
            if self.tok(k - 1) == "be":
                # A passive takes the tense of its auxiliary: "will be finished
                # before Christmas", "is to be closed from Dec. 24".
                aux = self.tok(k - 2)
                return 1 if aux in self.t.future or aux in self.w.passive_modals else 0
            return -1
        return 0

    def cue_fr(self, k: int, word: str, dist: int = 9) -> int:
        if dist <= 2 and word.endswith(("é", "ée", "és", "ées")) and not self.is_title(k):
            # "annoncées mercredi", "élu le 6 mai": a passive participle, past
            # unless its auxiliary is future ("sera voté avant Noël").
            aux = self.tok(k - 1) if self.tok(k - 1) != "être" else self.tok(k - 2)
            return 1 if aux in self.t.future or aux.endswith(self.w.future_endings) else -1
        if len(word) > 4 and not self.is_title(k) and word.endswith(self.w.future_endings):
            return 1
        if len(word) > 4 and word.endswith(("ait", "aient")):
            return -1
        if word in self.w.modals:
            # "peuvent rêver du podium dimanche": a modal before an infinitive looks ahead.
            nxt = self.tok(k + 1)
            return 1 if nxt.endswith(("er", "ir", "re")) and nxt not in ("avoir", "être") else 0
        if word in self.w.auxiliaries:
            nxt = self.tok(k + 1 + (self.tok(k + 1) in ("été", "déjà", "bien", "pas", "ensuite")))
            if nxt.endswith(_PARTICIPLE) and nxt not in self.t.future:
                return -1
        return 0

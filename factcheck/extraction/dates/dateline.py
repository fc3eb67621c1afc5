"""The article's own dateline or "Publié le ..." line: not a claim."""

from __future__ import annotations

import re

from factcheck.extraction.dates.scanner import TokenView

# "PARIS, " or "WASHINGTON (Reuters) - ": an upper-case place opening the line.
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,40},\s*(?:le\s+|on\s+)?")


class Dateline(TokenView):
    def is_publication_line(self, k: int) -> bool:
        """The article's own dateline or "Publié le ..." line is not a claim."""
        parts = self.parts  # gap x is parts[2x]
        lo = k - 12
        if lo >= 1 and "\n" not in "".join(parts[2 * lo : 2 * k + 1 : 2]):
            return False  # far from the start of its line: the common case
        first = k
        while first > 0 and k - first < 12 and "\n" not in parts[2 * first]:
            first -= 1
        if first > 0 and "\n" not in parts[2 * first]:
            return False
        line = self.low[first:k]
        cues = [x for x, word in enumerate(line) if word in self.w.publication_cues]
        if cues and cues[0] < 3 and self.w.publication_links.issuperset(line[cues[-1] + 1 :]):
            # "Publié le", "Article mis à jour le", "Updated:" open the line;
            # not "The company posted losses in", "Le rapport sera publié cette semaine".
            return True
        head = self.text[self.start(first) : self.start(k)]  # the line up to token k
        return bool(_DATELINE.fullmatch(head))

"""Ranges and lists of date items: "du 3 au 5 mars", "les 7 et 8 mai 2018"."""

from __future__ import annotations

from factcheck.extraction.dates.items import Item, ItemKind, copy_item
from factcheck.extraction.dates.numeric import GLUED_HOUR
from factcheck.extraction.dates.scanner import TokenView
from factcheck.extraction.lang import shared as S

_DAYS = (ItemKind.DAY, ItemKind.DAY_ONLY)
_LISTABLE = (ItemKind.MONTH, ItemKind.YEAR, ItemKind.DECADE, ItemKind.WEEKDAY)
_ALONE_RANGES = (ItemKind.MONTH, ItemKind.YEAR, ItemKind.DECADE, ItemKind.WEEKDAY)


class Groups(TokenView):
    blocked = 0  # a recurring or fiscal group ends here: its items are no claims

    def group(self, k: int) -> list | None:
        """Items starting at k, joined as a range ([a, b]) or a list of items;
        None when no date starts at k, or the dates recur ("chaque 15 août")."""
        if k < self.blocked:
            return None
        found = self.joined_items(k)
        if not found:
            return found
        head = found[0][0] if isinstance(found[0], list) else found[0]
        if head.year is not None:
            return found  # a written year: neither a rule nor a fiscal year's days
        items = [x for entry in found for x in (entry if isinstance(entry, list) else [entry])]
        if items and (self.recurring(items) or self.fiscal_span(items)):
            self.blocked = items[-1].end_token
            return None
        return found

    def recurring(self, items: list[Item]) -> bool:
        """ "Chaque 15 août", "Chaque année, à la Toussaint", "every year": a date
        with no year of its own next to a word of recurrence."""
        if any(it.year is not None for it in items):
            return False
        words, links = self.w.recurring_words, self.w.recurring_links
        found = getattr(self, "_recurs", None)
        if found is None:  # C-level searches once per document: most hold no such word
            found = self._recurs = any(word in self.joined for word in words)
        if not found:
            return False
        k = items[0].start_token - 1
        for _ in range(4):
            if self.tok(k) in words:
                return True
            if self.tok(k) not in links:
                break
            k -= 1
        # "starts with Good Friday and ends with Easter Monday every year"
        end = items[-1].end_token
        for x in range(end, min(self.n, end + 8)):
            word = self.tok(x)
            if word == "," or word in self.w.clause_end:
                break
            if word in words and self.tok(x + 1) in self.t.units:
                return True
        return False

    def fiscal_span(self, items: list[Item]) -> bool:
        """ "Exercice social : du 1er octobre au 30 septembre", "The City's fiscal
        year runs May 1 to April 30": days of a fiscal year with no year, left open."""
        if any(it.year is not None for it in items) or items[0].kind not in _DAYS:
            return False
        found = getattr(self, "_fiscal", None)
        if found is None:  # C-level searches once per document: most hold no such word
            found = self._fiscal = any(word in self.joined for word in self.w.fiscal_words)
        if not found:
            return False
        start = items[0].start_token
        return any(self.fiscal_at(x) for x in range(max(0, start - 4), start))

    def joined_items(self, k: int) -> list | None:
        """Items starting at k, joined as a range ([a, b]) or a list of items."""
        first = self.item(k, strict=True)
        if first is None:
            return None
        items, joins = [first], []
        opener = first.start_token - 1
        if self.tok(opener) in S.RANGE_ARTICLES and self.tok(opener - 1) in self.w.range_openers:
            opener -= 1  # "entre le 3 et le 5 mars"
        closers = self.w.range_openers.get(self.tok(opener), frozenset())
        if not closers and first.kind in _DAYS and self.w.day_range_closers:
            closers = self.w.day_range_closers  # "March 3 to 5": a day range needs no "from"
            opener = first.start_token + 1
        elif first.kind in _ALONE_RANGES and self.w.range_closers_alone:
            if not closers:
                opener = first.start_token + 1
            closers = closers | self.w.range_closers_alone  # "the mid-70s through the mid-80s"
        while len(items) < 12:
            nxt = self.follow(items[-1], closers if len(items) == 1 else frozenset())
            if nxt is None:
                break
            joins.append(nxt[0])
            items.append(nxt[1])
        if len(items) == 1 and first.kind != ItemKind.DAY_ONLY and first.weekday is None:
            return items  # the common case: one date, nothing to share
        if len(items) >= 2 and joins[0] in closers:
            rng = share([items[0], items[1]])
            rng[0].start_token = min(opener, first.start_token)  # share made copies
            return [rng, *self.ranged(items[2:], joins[2:])]
        return self.ranged(items, joins)

    def weekday_list_before(self, it: Item) -> bool:
        """ "les samedi et dimanche 19 et 20": "dimanche" is not the 19th's alone."""
        k = it.start_token
        return (
            it.weekday is not None
            and self.tok(k - 1) in self.w.list_joins
            and self.tok(k - 2) in self.t.weekdays
        )

    def ranged(self, items: list[Item], joins: list[str]) -> list:
        """A list whose dashed pairs are ranges: "en 2010, puis 2014-2020"."""
        out: list = []
        run: list[Item] = []
        index = 0
        while index < len(items):
            if index + 1 < len(items) and joins[index] in self.w.dashes:
                out.extend(self.tail(run))
                run = []
                out.append(share([items[index], items[index + 1]]))
                index += 2
                continue
            run.append(items[index])
            index += 1
        out.extend(self.tail(run))
        return out

    def tail(self, items: list[Item]) -> list:
        shared = share(items)
        out = []
        named = False
        for index, it in enumerate(shared):
            if named_day_follows(shared, index):
                named = True  # "samedi et dimanche 19 et 20": no weekday is one day's
                continue
            if it.kind == ItemKind.DAY and (named or self.weekday_list_before(it)):
                it.weekday, named = None, False
            if it.kind != ItemKind.DAY_ONLY:
                out.append(it)
        return out

    def time_of_day_end(self, k: int) -> int:
        """Where a time of day starting at token k ends ("18h", "à 18h30", "at 8pm", "à
        18 h 30", "6:30"); k when none starts there."""
        j = k + (self.tok(k) in S.TIME_LEADS)
        if GLUED_HOUR.fullmatch(self.tok(j)):
            return j + 1
        if not self.tok(j).isdigit() or not self.clock(j):
            return k
        end = j + 2  # past the hour and its mark or colon; then the minutes, if any
        return end + self.tok(end).isdigit()

    def follow(self, last: Item, closers: frozenset[str]) -> tuple[str, Item] | None:
        """The next item of a list or range after `last`, if compatible."""
        k = last.end_token
        timed = self.time_of_day_end(k)
        if timed != k and (self.tok(timed) in closers or self.tok(timed) in self.w.dashes):
            k = timed  # "entre samedi 24 août 18h et dimanche 25 août 15h": a time, then the range
        join = self.tok(k)
        if join not in self.w.list_joins and join not in self.w.dashes and join not in closers:
            return None
        if join == "," and self.tok(k + 1) in S.LIST_CONJUNCTIONS:
            k += 1
            join = self.tok(k)
        spaced = join in self.w.dashes and bool(self.gap(k) or self.gap(k + 1))
        if spaced and "\n" in self.gap(k):
            return None  # "- Jeudi 8 mai": a list's bullet, not a range
        k += 1
        if join in closers and self.tok(k) in self.w.closer_tails:
            k += 1  # "jusqu'à mardi"
        while self.tok(k) in S.LIST_ITEM_LEADS:
            k += 1
        if last.kind == ItemKind.YEAR and (join in self.w.dashes or join == "/"):
            second = self.short_year(k, last.year) or self.paired_year(k, last.year)
            if second is not None:
                return join, second
        if last.kind == ItemKind.DECADE and join not in self.w.dashes:
            decade = self.listed_decade(k)
            if decade is not None:
                return join, decade  # "des années 1980 et 1990"
        nxt = self.item(k, strict=False)
        if nxt is None or not compatible(last, nxt):
            return None
        if spaced and not spaced_range(last, nxt):
            return None
        if nxt.kind == ItemKind.DAY_ONLY and last.kind == ItemKind.DAY and last.month:
            self.day_range_year(nxt)
        return join, nxt

    def listed_decade(self, k: int) -> Item | None:
        """ "1990" or "90" after "les années 1980 et": the next decade of the list."""
        word = self.tok(k)
        if not word.isdigit() or len(word) not in (2, 4) or not word.endswith("0"):
            return None
        if self.tok(k + 1) in self.w.count_nouns:
            return None
        digits = word if len(word) == 4 else ("20" if word in ("00", "10", "20") else "19") + word
        return Item(k, k + 1, ItemKind.DECADE, year=int(digits[:3]))

    def day_range_year(self, end: Item) -> None:
        """ "September 17-23, 2018", "Feb. 17-18 2009": the year after the last day."""
        at = end.end_token + (self.tok(end.end_token) == "," and self.w.comma_before_year)
        year = self.year_at(at, strict=False)
        if year is not None:
            end.year, end.end_token = year.year, year.end_token

    def short_year(self, k: int, base: int | None) -> Item | None:
        """ "2018-19": the second year written with two digits."""
        word = self.tok(k)
        if base is None or len(word) != 2 or not word.isdigit() or self.gap(k):
            return None
        year = base // 100 * 100 + int(word)
        # "1939-45", "1990-94"; "loi n° 2001-44" is a number, not 43 years.
        return Item(k, k + 1, ItemKind.YEAR, year=year) if base < year <= base + 20 else None

    def paired_year(self, k: int, base: int | None) -> Item | None:
        """ "2014-2020", "2002/2003": the second year of a pair, glued to the first."""
        word = self.tok(k)
        if base is None or len(word) != 4 or not word.isdigit() or self.gap(k):
            return None
        year = int(word)
        if not base < year <= base + 100 or self.is_count(k) or self.label_year(k):
            return None
        return Item(k, k + 1, ItemKind.YEAR, year=year)


def spaced_range(a: Item, b: Item) -> bool:
    """A dash between spaces joins dates that name their month ("12 – 15 June",
    "July 21 – August 3, 2019", "mars – avril") or years: "3 - 1" is a score."""
    if a.kind in _DAYS:
        return b.kind == ItemKind.DAY or (b.kind == ItemKind.DAY_ONLY and a.month is not None)
    return a.kind == b.kind and a.kind in (ItemKind.MONTH, ItemKind.YEAR)


def named_day_follows(items: list[Item], index: int) -> bool:
    """ "les samedi et dimanche 19 et 20 septembre": the weekdays name the days
    that follow; the days are the claims."""
    if items[index].kind != ItemKind.WEEKDAY:
        return False
    for it in items[index + 1 :]:
        if it.kind != ItemKind.WEEKDAY:
            return it.weekday is not None and it.kind == ItemKind.DAY
    return False


def compatible(a: Item, b: Item) -> bool:
    days = _DAYS
    if a.kind in days and b.kind in days:
        return True
    if a.kind == ItemKind.WEEKDAY and b.kind in (ItemKind.WEEKDAY, ItemKind.DAY):
        return True
    if a.kind == ItemKind.WEEKDAY and b.kind == ItemKind.DAY_ONLY and b.weekday is not None:
        return True
    if a.kind == ItemKind.DAY and b.kind == ItemKind.WEEKDAY:
        return False
    if a.kind == b.kind == ItemKind.RELATIVE and a.shift and b.shift:
        return a.shift[0] == b.shift[0] == "day"  # "entre hier soir et ce matin"
    return a.kind == b.kind and a.kind in _LISTABLE


def share(items: list[Item]) -> list[Item]:
    """Items of a list or range share the month, year and direction they lack."""
    if len(items) == 1:
        return items
    out = [copy_item(it) for it in items]  # dataclasses.replace costs 4x
    for idx in range(len(out) - 2, -1, -1):  # "les 7 et 8 mai 2018": right to left
        inherit(out[idx], out[idx + 1])
    for idx in range(1, len(out)):  # "March 3 and 5": left to right, no year between
        if out[idx - 1].year is None:
            inherit(out[idx], out[idx - 1])
    return out


def inherit(item: Item, other: Item) -> None:
    if item.kind == ItemKind.DAY_ONLY and other.month is not None and other.kind == ItemKind.DAY:
        item.kind, item.month = ItemKind.DAY, other.month
    if (
        item.kind in (ItemKind.DAY, ItemKind.MONTH)
        and item.year is None
        and other.kind == item.kind
    ):
        item.year = other.year
    if (
        item.kind in (ItemKind.DAY, ItemKind.MONTH)
        and item.kind == other.kind
        and item.year is None
    ):
        item.direction = item.direction or other.direction
    if item.kind == ItemKind.WEEKDAY and other.kind == ItemKind.WEEKDAY and not item.direction:
        item.direction = other.direction

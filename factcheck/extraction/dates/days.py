"""Days, months, weekdays and years by name: "vendredi 15 novembre 2024",
"le premier lundi de septembre", "in May", "l'an deux mil trois"."""

from __future__ import annotations

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.dates.numeric import _SPACES_ONE, GLUED_HOUR
from factcheck.extraction.dates.scanner import TokenView
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.lexicon import NthWeekday, SeasonWeekday
from factcheck.extraction.numbers import ARTICLE_ONES, NUMBER_WORDS, read_number


class Days(TokenView):
    def weekday(self, k: int, strict: bool) -> Item | None:
        start, w, direc, strict_day = k, k, 0, False
        word = self.tok(k)
        if word in self.w.deictic or word in self.w.before_past or word in self.w.before_future:
            w = k + 1
            direc = -1 if word in self.w.before_past else 1 if word in self.w.before_future else 0
            strict_day = direc != 0
        wd = self.t.weekdays.get(self.tok(w))
        if wd is None or not self.weekday_ok(w):
            return None
        full = self.dated_weekday(w)
        if full is not None:
            full.start_token, full.weekday = start, wd
            return full
        if start == w and (self.tok(k - 1) in self.w.weekday_habit or self.habit_list(w)):
            return None  # "le lundi", "every Monday", "les vendredi, samedi et dimanche"
        if start == w and (self.tok(k - 1) in self.t.ordinals or self.tok(k - 1) in self.t.last):
            # "le premier dimanche du mois": counted, not one day (see ordinal_weekday)
            return None
        end = w + 1
        if self.tok(end) in self.w.after_past or self.tok(end) in self.w.after_future:
            direc = -1 if self.tok(end) in self.w.after_past else 1
            strict_day, end = True, end + 1
        elif start != w and self.tok(end) in S.MONTH_NOUN_LINKS and self.month_at(end + 1):
            end = self.month_at(end + 1)[1]  # type: ignore[index]  # "ce vendredi de juin"
        elif GLUED_HOUR.fullmatch(self.tok(end)):
            end += 1  # "dès dimanche 7h jusqu'à mardi 6h": the hour belongs to the day
        return Item(start, end, ItemKind.WEEKDAY, weekday=wd, direction=direc, strict=strict_day)

    def habit_list(self, w: int) -> bool:
        """Weekday w continues a list of bare weekdays that a habit word opens: "se
        disputent les vendredi, samedi et dimanche", "every Monday and Thursday"."""
        k = w - 1
        while k >= 0 and (self.tok(k) in S.LIST_JOINS or self.tok(k) in self.t.weekdays):
            k -= 1
        first = k + 1
        return first < w and self.tok(first) in self.t.weekdays and (
            self.tok(k) in self.w.weekday_habit
        )

    def dated_weekday(self, w: int) -> Item | None:
        """The date written after a weekday, one claim with it: "vendredi 13
        décembre", "Saturday, June 19", "Thursday (May 18)", "On Friday (Dec. 30)",
        "dimanche 19 et 20 septembre" (a day waiting for its month)."""
        after = w + 1
        paren = self.tok(after) == "("
        after += paren or self.tok(after) == ","
        full = self.day_month(after, strict=False) or self.word_day(after, strict=False)
        if full is None and self.w.month_day_order:
            full = self.month(after, strict=False)
        if full is None and not paren and self.tok(after)[:1].isdigit():
            full = self.day_only(after)
            if full is not None and self.tok(full.end_token) not in self.w.list_joins:
                return None  # "dimanche 7h", "mardi 13": no month to wait for
        if full is None or full.kind not in (ItemKind.DAY, ItemKind.DAY_ONLY):
            return None
        if paren:
            if self.tok(full.end_token) != ")":
                return None
            full.end_token += 1
        return full

    def weekday_ok(self, w: int) -> bool:
        if self.w.names_capitalized and not self.is_title(w):
            return False
        tail, words = self.tok(w + 1), self.w
        if tail in words.weekday_feast_tails or (
            self.is_title(w + 1) and tail in words.weekday_name_tails
        ):
            return False
        return not (self.is_title(w - 1) and self.tok(w - 1) in self.w.weekday_name_heads)

    def ordinal_weekday(self, k: int, strict: bool) -> Item | None:
        """A weekday counted in a month or season fixes a day, as a holiday does:
        "le premier lundi de septembre", "the last Sunday in October",
        "le premier dimanche du printemps"."""
        word = self.tok(k)
        n = -1 if word in self.t.last else self.t.ordinals.get(word)
        wd = self.t.weekdays.get(self.tok(k + 1))
        if n is None or wd is None or self.tok(k + 2) not in S.COUNTED_WEEKDAY_LINKS:
            return None
        if self.w.names_capitalized and not self.is_title(k + 1):
            return None
        at = k + 3 + (self.tok(k + 3) in S.DEFINITE_ARTICLES)
        if self.tok(at) == "mois" and self.tok(at + 1) in S.DE_WORDS:
            at += 2  # "le premier lundi du mois de mai"
        found = self.month_at(at)
        if found is not None:
            rule, end = NthWeekday(found[0], wd, n), found[1]
        elif self.tok(at) in self.t.seasons:
            rule, end = SeasonWeekday(self.t.seasons[self.tok(at)], wd, n), at + 1
        else:
            return None
        item = Item(k, end, ItemKind.HOLIDAY, rule=rule)
        year = self.year_at(end, strict=False)
        if year is not None:
            item.year, item.end_token = year.year, year.end_token
        return item

    def month_at(self, k: int) -> tuple[int, int] | None:
        """A month name at k: (month, end token), with an abbreviation's dot."""
        word = self.tok(k)
        month = self.t.months.get(word)
        if month is None:
            return None
        if self.w.names_capitalized and not self.is_title(k):
            return None
        end = k + 1
        if word in self.w.abbreviations:
            if self.tok(end) == "." and not self.gap(end):
                end += 1
            elif not self.tok(end)[:1].isdigit():
                return None
        return month, end

    def month(self, k: int, strict: bool) -> Item | None:
        found = self.month_at(k)
        if found is None:
            return None
        month, end = found
        if self.w.month_day_order:
            day = self.day_value(end) if self.tok(end)[:1].isdigit() else None
            # "July 16", not "May 5:30" nor "March 1,500"; "Aug. 19: Record vote" is a day.
            if (
                day is not None
                and not self.is_count(end)
                and not self.clock(end)
                and len(self.tok(end)) <= 4
                and self.gap(end) in _SPACES_ONE
            ):
                return self.finish_day(Item(k, end + 1, ItemKind.DAY, month=month, day=day))
        item = Item(k, end, ItemKind.MONTH, month=month)
        if self.tok(end) == "of" and self.tok(end + 1).isdigit():
            item.end_token = end + 1
        finished = self.finish_day(item)
        if finished is None:
            return None
        if (
            strict
            and finished.year is None
            and finished.direction == 0
            and not self.month_context(k)
            and not self.month_before_noun(k, finished.end_token)
        ):
            return None
        return finished

    def month_before_noun(self, k: int, end: int) -> bool:
        """ "the November election", "a June primary", "the May shooting": a
        month naming when an event took place, before the event's noun."""
        if self.tok(k - 1) not in self.w.month_modifier_left or end != k + 1:
            return False
        noun = self.raw(end) if end < self.n else ""
        if not noun.isalpha() or not noun.islower() or noun in self.t.units:
            return False
        return self.tok(k) not in self.w.ambiguous_months  # "the May government": a name

    def month_context(self, k: int) -> bool:
        word = self.tok(k)
        left = self.tok(k - 1)
        ambiguous = self.w.ambiguous_months.get(word)
        if ambiguous is not None:
            return left in ambiguous  # "in May", not "may be"
        homonym = self.w.homonym_months.get(self.raw(k))
        if homonym is not None and left not in homonym:
            return False  # "Mars", the planet
        return left in self.w.month_left or left in self.t.months

    def month_named(self, k: int, strict: bool) -> Item | None:
        """ "au mois de juin", "the month of June"."""
        if self.tok(k) not in S.MONTH_NOUNS:
            return None
        at = k + 1 + (self.tok(k + 1) in S.MONTH_NOUN_LINKS)
        item = self.month(at, strict=False)
        if item is None or item.kind != ItemKind.MONTH:
            return None
        item.start_token = k
        return item

    def day_month(self, k: int, strict: bool) -> Item | None:
        """15 novembre [2024], 5th of November, 1er mai 98; en: handled by month()."""
        day = self.day_value(k)
        if day is None:
            return None
        at = k + 1 + (self.tok(k + 1) == "of")
        if self.gap(k + 1) == "":
            if self.tok(at) != "-" or self.gap(at + 1) or not self.w.dashed_day_names:
                return None
            at += 1  # "le 14-Juillet", "le 1er-Mai": the day named as a holiday
        found = self.month_at(at)
        if found is None:
            return None
        month, end = found
        return self.finish_day(Item(k, end, ItemKind.DAY, month=month, day=day))

    def word_day(self, k: int, strict: bool) -> Item | None:
        """Days in words: "le vingt sept mars", "le premier mai"."""
        if self.tok(k) not in NUMBER_WORDS:
            return None
        got = read_number(self.low[k : k + 6])
        if got is None or not 1 <= got[0] <= 31:
            return None
        if got[1] == 1 and self.tok(k) in ARTICLE_ONES:
            return None  # "a June 3 performance": an article, not the first of the month
        at = k + got[1] + (self.tok(k + got[1]) == "of")
        found = self.month_at(at)
        if found is None:
            return None
        return self.finish_day(Item(k, found[1], ItemKind.DAY, month=found[0], day=got[0]))

    def finish_day(self, item: Item) -> Item | None:
        """Year and direction words after a day or month: "2024", ", 2024", "dernier"."""
        at = item.end_token + (self.tok(item.end_token) == "," and self.w.comma_before_year)
        year = self.year_at(at, strict=False, short=True, dated=True) or self.year_in_words(at)
        if year is not None:
            item.year, item.end_token = year.year, year.end_token
        elif (
            self.tok(item.end_token) in self.w.after_past
            or self.tok(item.end_token) in self.w.after_future
        ):
            item.direction = -1 if self.tok(item.end_token) in self.w.after_past else 1
            item.end_token += 1
        elif self.year_named_after(item):
            pass  # "September 12 this year", "la fin mai l'an prochain"
        if (
            item.day is not None
            and item.year is not None
            and not cal.valid(item.year, item.month, item.day)
        ):
            return None
        self.named_holiday_after(item)
        return item

    def year_named_after(self, item: Item) -> bool:
        """A relative year right after an open date is its year: "September 12
        this year", "the end of May next year", "juillet l'an dernier"."""
        hit = self.match(self.t.relative, item.end_token)
        if hit is None or hit[1][0] != "year":  # type: ignore[index]
            return False
        pub = self.doc.published
        if pub is not None:
            item.year = pub.date.year + hit[1][1]  # type: ignore[index]
        item.end_token = hit[0]
        return True

    def named_holiday_after(self, item: Item) -> None:
        """ "Lundi 21 avril (Pâques)", "April 19, Good Friday": the holiday named
        after a written date is the same day, one claim whose value is the date."""
        at = item.end_token
        paren = self.tok(at) == "("
        if not paren and self.tok(at) != ",":
            return
        hit = self.match(self.t.holidays, at + 1)
        if hit is None:
            return
        if paren:
            if self.tok(hit[0]) == ")":
                item.end_token = hit[0] + 1
        elif self.tok(hit[0]) in (",", ".", ":", ";") or hit[0] >= self.n:
            item.end_token = hit[0]

    def year_in_words(self, k: int) -> Item | None:
        """ "le vingt-sept mars deux mille vingt-deux": a year written out after a month."""
        if self.tok(k) not in NUMBER_WORDS:
            return None
        got = read_number(self.low[k : k + 12])
        if got is None or not 1000 <= got[0] <= 2099:
            return None
        return Item(k, k + got[1], ItemKind.YEAR, year=got[0])

    def year_words(self, k: int, strict: bool) -> Item | None:
        """ "l'an 2000", "l'année 2001", "L'an deux mil trois, le vingt sept mars"."""
        start = k
        if self.tok(k) == "l'":
            k += 1
        if self.tok(k) not in S.YEAR_NOUNS or start == k:
            return None
        at = k + 1
        if self.tok(at).isdigit():
            year = self.year_at(at, strict=False)
            if year is None:
                return None
            return Item(start, year.end_token, ItemKind.YEAR, year=year.year)
        got = read_number(self.low[at : at + 12])
        if got is None or not 1000 <= got[0] <= 2099:
            return None
        end = at + got[1]
        after = end + (self.tok(end) == ",")
        after += self.tok(after) == "le"
        inner = self.item(after, strict=False)
        if (
            inner is not None
            and inner.kind in (ItemKind.DAY, ItemKind.MONTH)
            and inner.year is None
        ):
            inner.start_token, inner.year = start, got[0]
            return inner
        return Item(start, end, ItemKind.YEAR, year=got[0])

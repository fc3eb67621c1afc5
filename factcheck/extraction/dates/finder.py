"""The date scanner's driver: candidates, groups of items, claims with resolved values.

A DateScanner runs over one document: the token layer
(scanner.py), the grammar (grammar.py and its rules), ranges and lists
(groups.py), the tense (tense.py), the dateline (dateline.py); each group's
value is resolved against publication (resolve.py) with the years the text
itself sets (years.py, over context.py). trace.py's TracingDateScanner is the
same scanner with every rule recording its name, for --explain.
"""

from __future__ import annotations

import datetime as dt

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import context
from factcheck.extraction.dates.dateline import Dateline
from factcheck.extraction.dates.grammar import DIGIT_PARSERS, WORD_PARSERS, Grammar
from factcheck.extraction.dates.groups import Groups
from factcheck.extraction.dates.items import Item, ItemKind, is_open
from factcheck.extraction.dates.resolve import resolve_group
from factcheck.extraction.dates.tense import Tense
from factcheck.extraction.dates.years import TextYears
from factcheck.extraction.model import Claim, Document

# No article states thousands of dates; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000
# A dated event this many years from publication frames the open dates after it.
_FAR_YEARS = 5
# A holiday next to the date of the same day: one claim.
_NAMED_DAY = {ItemKind.HOLIDAY, ItemKind.DAY}
# The longest dated event (in days) whose days can name the text's weekdays.
_EVENT_DAYS = 7
# How far (in tokens) the tense of a dated clause carries to a bare weekday.
_CARRY_TOKENS = 80


class DateScanner(Grammar, Groups, Tense, Dateline, TextYears):
    explaining = False  # TracingDateScanner: claims carry rule names and steps

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.claims: list[Claim] = []
        self.years = context.YearContext(doc.text, doc.sentences)
        self.part_years = context.YearContext(doc.text, doc.sentences)  # quarters and halves
        self.bare_weekdays: list[tuple[int, int]] = []  # (claim index, weekday)
        self.dated_weekdays: dict[int, set[str]] = {}  # weekday -> "mardi 1er juin" dates
        self.claim_kinds: list[ItemKind | None] = []  # each claim's item kind (None: a range)
        self.claim_open: list[bool] = []  # whether its year was left open by the text
        self.event_days: dict[int, set[str]] = {}  # weekday -> days of dated events
        self.open_weekdays: list[tuple[int, int, int]] = []  # (claim index, weekday, direction)
        # Weekdays of a text with no publication date: (start, end, weekday, rules).
        self.pending_weekdays: list[tuple[int, int, int, tuple[str, ...]]] = []
        self.last_tense: tuple[int, int] | None = None  # (end token, direction) of a clause
        self.year_tokens: list[tuple[int, int]] | None = None  # with no publication date
        self.carried_why = ""  # for --explain: where text_tense found the tense
        self.parsers = WORD_PARSERS[self.lang]
        self.digit_parsers = DIGIT_PARSERS

    def run(self) -> list[Claim]:
        claims = self.claims
        k = 0
        for start in self.candidates():
            if start < k:
                continue  # inside the group just read
            if len(claims) >= MAX_CLAIMS:
                break
            word = self.low[start]
            if word[0].isdigit() and not self.digit_worth(start):
                continue
            group = self.group(start)
            if not group:
                continue
            self.emit(group)
            last = group[-1][-1] if isinstance(group[-1], list) else group[-1]
            k = max(start + 1, last.end_token)
        self.tie_weekdays()
        self.name_bare_weekdays()
        self.join_named_days()
        return self.claims

    def join_named_days(self) -> None:
        """Two claims next to each other that name one date become one claim:
        a holiday and its written date ("Good Friday (29 March)", "April 19, Good
        Friday": the written date gives the value); a date and the relative year
        that gives it its year ("September 12 this year", "the end of May next
        year"); a weekday and its month ("ce vendredi de juin")."""
        claims = self.claims
        out: list[Claim] = []
        i = 0
        while i < len(claims):
            joined = self.joined_pair(i) if i + 1 < len(claims) else None
            if joined is None:
                out.append(claims[i])
                i += 1
                continue
            end, value, rule = joined
            a, b = claims[i], claims[i + 1]
            rules = (*a.rules, *b.rules, rule) if self.explaining else ()
            steps = (*a.steps, *b.steps) if self.explaining else ()
            text = self.text[a.start : end]
            out.append(Claim("date", a.start, end, text, value, 0, 0, rules, steps))
            i += 2
        self.claims = out

    def joined_pair(self, i: int) -> tuple[int, dict, str] | None:
        """(end, value, rule) when claims i and i + 1 name one date, else None."""
        a, b = self.claims[i], self.claims[i + 1]
        ka, kb = self.claim_kinds[i], self.claim_kinds[i + 1]
        gap = self.text[a.end : b.start] if b.start >= a.end else "\n\n"
        if len(gap) > 4:
            return None
        if {ka, kb} == _NAMED_DAY and "\n" not in gap and gap.strip() in ("", "(", ","):
            day = a if ka == ItemKind.DAY else b
            end = b.end + (self.text[b.end : b.end + 1] == ")" and "(" in gap)
            return end, day.value, "date.named_day"
        year = b.value.get("date", "")
        if (
            kb == ItemKind.RELATIVE
            and len(year) == 4
            and self.claim_open[i]
            and not gap.strip()
            and gap.count("\n") <= 1
        ):
            value = _with_year(a.value, int(year))
            if value is not None:
                return b.end, value, "date.year_after"
        if (
            ka == ItemKind.WEEKDAY
            and kb == ItemKind.MONTH
            and gap.strip().lower() in self.w.weekday_month_links
            and a.value.get("date", "")[:7] == b.value.get("date")
        ):
            return b.end, a.value, "date.weekday_of_month"
        return None

    def remember_event(self, value: dict) -> None:
        """The days of a short dated range ("the festival runs June 21st through the
        23rd") can name the weekdays the text ties to it."""
        start, end = value.get("start", ""), value.get("end", "")
        if len(start) != 10 or len(end) != 10:
            return
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        if 0 < (last - first).days <= _EVENT_DAYS:
            for offset in range((last - first).days + 1):
                self.add_event_day(first + dt.timedelta(days=offset))

    def add_event_day(self, day: dt.date) -> None:
        self.event_days.setdefault(day.weekday(), set()).add(day.isoformat())

    def tie_weekdays(self) -> None:
        """A weekday the text ties to a dated event takes its date ("the festival
        ... June 21st through the 23rd ... Friday night", "Good Friday ... on the
        Saturday" after "Easter Saturday"): when the text's events hold exactly
        one day of that weekday, and it agrees with the clause's tense."""
        pub = self.doc.published
        here = pub.date.isoformat() if pub is not None else None
        for index, weekday, direction in self.open_weekdays:
            days = self.event_days.get(weekday, ())
            if len(days) != 1:
                continue
            (iso,) = days
            if here is not None and (
                (direction > 0 and iso < here) or (direction < 0 and iso > here)
            ):
                continue
            self.rename(index, iso, "date.tied_weekday", "the weekday of the dated event")
        for start, end, weekday, rules in self.pending_weekdays:
            days = self.event_days.get(weekday, set()) | self.dated_weekdays.get(weekday, set())
            if len(days) == 1:
                (iso,) = days
                claim = Claim("date", start, end, self.text[start:end], {"date": iso})
                self.claims.append(claim)
                self.claim_kinds.append(ItemKind.WEEKDAY)
                self.claim_open.append(False)
                self.rename(len(self.claims) - 1, iso, "date.tied_weekday", "", rules)

    def rename(
        self, index: int, iso: str, rule: str, why: str, rules: tuple[str, ...] = ()
    ) -> None:
        """Give claim `index` the date `iso`, naming the rule when explaining."""
        old = self.claims[index]
        if old.value == {"date": iso} and not rules:
            return
        rules, steps = (*old.rules, *rules), old.steps
        if self.explaining:
            rules = (*rules, rule)
            steps = (*steps, f"{why or 'the weekday written out in the text'}: {iso}")
        self.claims[index] = Claim(
            "date", old.start, old.end, old.text, {"date": iso}, 0, 0, rules, steps
        )

    def name_bare_weekdays(self) -> None:
        """A bare "mardi" with no tense cue is the "mardi 1er juin" the text writes out."""
        for index, weekday in self.bare_weekdays:
            iso = context.dated_weekday(weekday, self.dated_weekdays, self.doc.published)
            old = self.claims[index]
            if iso is not None and old.value != {"date": iso}:
                rules, steps = old.rules, old.steps
                if self.explaining:
                    rules = (*rules, "date.bare_weekday")
                    steps = (*steps, f"the weekday is the one written out in the text: {iso}")
                self.claims[index] = Claim(
                    "date", old.start, old.end, old.text, {"date": iso}, 0, 0, rules, steps
                )

    def emit(self, group: list) -> None:
        """Claims of a group; the tense cue is read once for all its items."""
        items = [x for entry in group for x in (entry if isinstance(entry, list) else [entry])]
        # The tense is read only when the year or day is left open: most
        # claims ("hier", "en 2018") never need it.
        self.weak = False
        shared = (
            self.direction(items[0].start_token, items[-1].end_token, 0) if is_open(items) else 0
        )
        carried = 0
        weak = self.weak
        if shared:
            self.last_tense = (items[-1].end_token, shared)
        elif any(it.kind == ItemKind.WEEKDAY and not it.direction for it in items):
            carried = self.text_tense(items[0].start_token)
        pub = self.doc.published
        for entry in group:
            first, last = (entry[0], entry[-1]) if isinstance(entry, list) else (entry, entry)
            if self.is_publication_line(first.start_token):
                continue
            direction = first.direction or last.direction
            if not direction and not (weak and first.kind != ItemKind.WEEKDAY):
                direction = shared  # a weak cue orders weekdays only
            why = ""
            if not direction and first.kind == ItemKind.WEEKDAY:
                # "Je pars ce dimanche", "this Sunday": with no tense in the
                # clause the deictic names the coming one; a bare weekday takes
                # the text's tense (a forecast, the clause before).
                deictic = self.tok(first.start_token) in self.w.deictic
                direction = 1 if deictic else carried
                why = "tense.deictic: the coming one" if deictic else self.carried_why
            start = self.start(first.start_token)
            year_open = last.year is None and last.kind != ItemKind.RELATIVE
            open_year = self.explaining and year_open
            self.give_context_year(last, start, direction)
            steps: list[str] | None = None
            if self.explaining:
                steps = self.direction_steps(first, last, shared)
                if not steps and direction:
                    steps = [f"direction {direction:+d}: {why}"]
                if open_year and last.year is not None:
                    steps.append(f"the text sets the year just before: {last.year}")
            try:
                value = resolve_group(entry, pub, direction, steps)
            except (ValueError, OverflowError):  # a year beyond 1-9999 near the anchor
                value = None
            if value is None and pub is None and first is last:
                value = self.this_year(first)
            if value is None:
                if pub is None and first.kind == ItemKind.WEEKDAY and first is last:
                    end = self.end(last.end_token - 1)
                    self.pending_weekdays.append(
                        (start, end, first.weekday or 0, first.rules if self.explaining else ())
                    )
                continue
            end = self.end(last.end_token - 1)
            self.remember(entry, value, start, direction, not year_open)
            claim = Claim("date", start, end, self.text[start:end], value)
            if steps is not None:
                claim = self.explained(claim, entry, len(group), steps)
            self.claims.append(claim)
            self.claim_kinds.append(first.kind if first is last else None)
            self.claim_open.append(year_open)

    def text_tense(self, k: int) -> int:
        """The tense the text sets for a bare weekday whose clause has none:
        +1 on a forecast page, else the tense of the last dated clause of the
        same paragraph ("The vote will take place Monday. Tuesday, a second
        round"), else 0 (the weekday default, past)."""
        if self.is_forecast():
            self.carried_why = "tense.forecast: a weather page looks ahead"
            return 1
        if self.last_tense is None:
            return 0
        end, tense = self.last_tense
        if k - end > _CARRY_TOKENS or "\n" in "".join(self.parts[2 * end : 2 * k + 1 : 2]):
            return 0  # another paragraph: its own frame
        self.carried_why = "tense.carried: the tense of the dated clause before"
        return tense

    def direction_steps(self, first: Item, last: Item, shared: int) -> list[str]:
        """Where the direction of an open date came from, for --explain."""
        if first.direction or last.direction:
            return [f"direction {first.direction or last.direction:+d}: written next to the date"]
        if shared:
            return [f"direction {shared:+d}: the tense of the clause"]
        return []

    @staticmethod
    def explained(claim: Claim, entry: Item | list[Item], size: int, steps: list[str]) -> Claim:
        """The claim with the names of the rules that read it and the resolution steps."""
        items = entry if isinstance(entry, list) else [entry]
        rules = [name for item in items for name in item.rules]
        if isinstance(entry, list):
            rules.append("date.range")
        if size > 1:
            rules.append("date.list")  # items of a list share their month, year, direction
        return Claim(
            claim.kind, claim.start, claim.end, claim.text, claim.value, 0, 0,
            tuple(dict.fromkeys(rules)), tuple(steps),
        )  # fmt: skip

    def remember(
        self, entry: Item | list[Item], value: dict, start: int, direction: int, written: bool
    ) -> None:
        """Note what a claim tells later ones: its year, or the date of its weekday."""
        if isinstance(entry, list):
            self.remember_event(value)
            return  # a range sets no single year
        if entry.kind == ItemKind.PART and entry.year is not None:
            self.part_years.remember(start, entry.year, True)  # "the fourth quarter of 2023"
            return
        if "date" not in value or entry.kind == ItemKind.DECADE:
            return  # a decade sets no single year
        date = value["date"]
        if entry.kind == ItemKind.HOLIDAY and len(date) == 10:
            self.add_event_day(dt.date.fromisoformat(date))
        if entry.kind == ItemKind.WEEKDAY and not entry.direction:
            self.open_weekdays.append((len(self.claims), entry.weekday or 0, direction))
        # A year alone ("en 97", "l'an dernier") frames what follows; a dated
        # event ("en décembre 2001") is one point, and the next date may be later.
        frame = entry.kind == ItemKind.YEAR or (
            entry.shift is not None and entry.shift[0] == "year"
        )
        pub = self.doc.published
        if written and pub is not None and abs(int(date[:4]) - pub.date.year) > _FAR_YEARS:
            # A dated event years from publication frames the story: "le 15 août
            # 1636 ... reprend la ville le 14 novembre" is 1636, not this year.
            frame = True
        self.years.remember(start, int(date[:4]), frame)
        if entry.kind == ItemKind.DAY and entry.weekday is not None and len(date) == 10:
            self.dated_weekdays.setdefault(entry.weekday, set()).add(date)
        elif entry.kind == ItemKind.WEEKDAY and not entry.direction and not direction:
            self.bare_weekdays.append((len(self.claims), entry.weekday or 0))


def _with_year(value: dict, year: int) -> dict | None:
    """A value moved to `year` ("September 12" + "this year"); a range keeps its length."""
    if "date" in value:
        date = value["date"]
        if len(date) == 10 and not cal.valid(year, int(date[5:7]), int(date[8:])):
            return None  # 29 February
        return {"date": f"{year:04d}{date[4:]}"} if len(date) > 4 else None
    start, end = value.get("start", ""), value.get("end", "")
    if len(start) < 7 or len(end) < 7:
        return None
    shift = year - int(end[:4])
    return {"start": f"{int(start[:4]) + shift:04d}{start[4:]}", "end": f"{year:04d}{end[4:]}"}

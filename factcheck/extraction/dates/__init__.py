"""date claims, French and English: absolute, partial and relative dates.

One tokenizing regex pass (scanner.py), then a small hand-written grammar
(grammar.py: days.py, periods.py, numeric.py) walks the tokens that can start
a date (month and weekday names, digits, cue words); groups.py joins ranges
and lists. Words live in the lexicons (factcheck/extraction/lang/); calendar
arithmetic in calendar.py. Every value is resolved (resolve.py) against the
publication date when the text leaves the year open (see eval/GUIDELINES.md,
"date"). docs/extraction.md walks through the whole pass.
"""

from factcheck.extraction.dates.finder import MAX_CLAIMS, find

__all__ = ["MAX_CLAIMS", "find"]

"""date claims, French and English: absolute, partial and relative dates.

One tokenizing regex pass (scanner.py), then a small hand-written grammar of
named rules (grammar.py; the rules in days.py, periods.py, numeric.py) walks
the tokens that can start a date (month and weekday names, digits, cue
words); groups.py joins ranges and lists, tense.py reads the clause's tense.
Words live in the lexicons (factcheck/extraction/lang/); calendar arithmetic
in calendar.py. Every value is resolved (resolve.py) against the publication
date when the text leaves the year open (see eval/GUIDELINES.md, "date").
docs/extraction.md walks through the whole pass.
"""

from factcheck.extraction.dates.finder import MAX_CLAIMS, DateScanner
from factcheck.extraction.dates.trace import TracingDateScanner
from factcheck.extraction.model import Claim, Document


def find(doc: Document) -> list[Claim]:
    """All date claims of a document; never raises."""
    try:
        scanner = TracingDateScanner(doc) if doc.explain else DateScanner(doc)
        return scanner.run()
    except Exception:  # the pipeline does not catch: a bad date must not lose an article
        return []


__all__ = ["MAX_CLAIMS", "find"]

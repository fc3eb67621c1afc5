"""meeting_count claims (finder.py), French and English."""

from factcheck.extraction.meetings.finder import MAX_CLAIMS, find

__all__ = ["MAX_CLAIMS", "find"]

"""vote_result claims: tallies and unanimity (finder.py), French and English."""

from factcheck.extraction.votes.finder import MAX_CLAIMS, MAX_NUMBERS, find

__all__ = ["MAX_CLAIMS", "MAX_NUMBERS", "find"]

"""Claim extraction: pure Python, no Django. Text in, checkable claims out."""

from factcheck.extraction.model import Claim
from factcheck.extraction.pipeline import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "Claim", "extract"]

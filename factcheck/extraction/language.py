"""French or English, decided by lingua restricted to a few languages."""

from __future__ import annotations

from functools import cache

SUPPORTED = ("fr", "en")


@cache
def _detector():  # built lazily: importing the package must stay fast
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH
        )
        .with_low_accuracy_mode()
        .build()
    )


def detect_language(text: str) -> str:
    """Return "fr" or "en"; anything else (or nothing) falls back to English."""
    sample = text[:2000]
    if not sample.strip():
        return "en"
    found = _detector().detect_language_of(sample)
    code = found.iso_code_639_1.name.lower() if found else "en"
    return code if code in SUPPORTED else "en"

"""--explain: every claim names the rules that made it, dates say how their value was
resolved, and explaining changes nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.extraction import extract
from factcheck.extraction.dates.grammar import DIGIT_RULES, RULES, SUB_RULES

ROOT = Path(__file__).resolve().parents[2]
SEED = json.loads((ROOT / "tests" / "data" / "seed-pyongyang-washington.json").read_text("utf-8"))
# Rules that act on a whole group or claim rather than on tokens.
GROUP_RULES = {"date.range", "date.list", "date.bare_weekday"}
VOTE_RULES = {"vote.tally", "vote.lone_count", "vote.labels", "vote.failed_motion",
              "vote.unanimity", "vote.record_labels", "vote.verb_labels", "vote.no_role",
              "vote.of_total", "vote.aside", "vote.record_lines", "vote.table"}  # fmt: skip
MEETING_RULES = {"meeting.ordinal_noun", "meeting.ordinal_time", "meeting.count_times",
                 "meeting.count_nouns", "meeting.adverb"}  # fmt: skip
KNOWN = (
    {rule.name for rule in (*RULES, *DIGIT_RULES)}
    | {name for name, _ in SUB_RULES}
    | GROUP_RULES
    | VOTE_RULES
    | MEETING_RULES
)
PUBLISHED = "2024-11-20"
MIXED = (
    "Le Parlement a adopté le texte le 15 novembre par 289 voix contre 12. Hier, avant Noël, "
    "le festival s'est tenu du 3 au 5 mars. Ils se sont rencontrés à trois reprises."
)


def run_cli(stdin: bytes, *args: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.extraction", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert done.stderr == b""
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def by_text(claims: list, text: str):
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


def test_the_cli_adds_rules_and_steps_and_otherwise_prints_the_same_claims() -> None:
    stdin = b"".join(
        json.dumps({"id": name, "text": text, "published": PUBLISHED}).encode() + b"\n"
        for name, text in (("seed", SEED["text"]), ("mixed", MIXED))
    )
    plain = run_cli(stdin)
    explained = run_cli(stdin, "--explain")
    assert len(plain) == len(explained) == 2
    for doc, traced in zip(plain, explained, strict=True):
        assert [
            {k: v for k, v in claim.items() if k not in ("rules", "steps")}
            for claim in traced["claims"]
        ] == doc["claims"]
        assert all("rules" not in claim for claim in doc["claims"])
        for claim in traced["claims"]:
            assert claim["rules"], claim
            assert set(claim["rules"]) <= KNOWN, claim["rules"]
            if claim["kind"] == "date":
                assert claim["steps"] and all(isinstance(step, str) for step in claim["steps"])


def test_explaining_changes_no_claim_value_or_span() -> None:
    for text in (SEED["text"], MIXED):
        plain = extract(text, published=PUBLISHED)
        traced = extract(text, published=PUBLISHED, explain=True)
        assert [c.as_dict() for c in traced] == [c.as_dict() for c in plain]
        assert all(not c.rules and not c.steps for c in plain if c.kind == "date")


@pytest.mark.parametrize(
    ("text", "span", "rules"),
    [
        ("Les discussions reprendront le 15 novembre 2024.", "15 novembre 2024",
         ["date.digits", "date.day_month", "date.year"]),
        ("Le festival s'est tenu du 3 au 5 mars.", "du 3 au 5 mars",
         ["date.day_only", "date.day_month", "date.range"]),
        ("Hier, le ministre a démissionné.", "Hier", ["date.relative"]),
        ("The vote was held on Easter Monday.", "Easter Monday", ["date.holiday"]),
        ("The talks ended on Nov. 5, 2024.", "Nov. 5, 2024", ["date.month", "date.year"]),
        ("Il a été élu il y a deux ans.", "il y a deux ans",
         ["date.relative_count", "date.counted"]),
    ],
)  # fmt: skip
def test_a_date_names_the_rules_that_read_it(text: str, span: str, rules: list[str]) -> None:
    claim = by_text(extract(text, published=PUBLISHED, explain=True), span)
    assert set(rules) <= set(claim.rules), claim.rules


def test_a_date_says_how_its_year_was_chosen() -> None:
    claims = extract("Le texte a été adopté le 15 novembre.", published=PUBLISHED, explain=True)
    claim = by_text(claims, "15 novembre")
    assert claim.value == {"date": "2024-11-15"}
    assert any("tense" in step for step in claim.steps)  # "a été adopté": past
    assert any("publication 2024-11-20" in step and "2024-11-15" in step for step in claim.steps)
    relative = by_text(extract("Hier, il pleuvait.", published=PUBLISHED, explain=True), "Hier")
    assert any("shift" in step and "2024-11-19" in step for step in relative.steps)


def test_a_range_start_taking_its_years_from_the_end_is_a_step() -> None:
    text = "Le festival a eu lieu du 27 décembre au 3 janvier."
    claims = extract(text, published="2025-02-01", explain=True)
    claim = by_text(claims, "du 27 décembre au 3 janvier")
    assert claim.value == {"start": "2024-12-27", "end": "2025-01-03"}
    assert any("range start takes the end's year: 2024" in step for step in claim.steps)


def test_votes_and_meetings_name_their_rules() -> None:
    claims = extract(MIXED, published=PUBLISHED, explain=True)
    assert by_text(claims, "289 voix contre 12").rules == ("vote.tally",)
    assert by_text(claims, "à trois reprises").rules == ("meeting.count_times",)
    rejected = extract("The amendment was rejected 40-58 in the Senate.", explain=True)
    assert "vote.failed_motion" in by_text(rejected, "40-58").rules
    unanimous = extract("Le texte a été adopté à l'unanimité.", explain=True)
    assert by_text(unanimous, "à l'unanimité").rules == ("vote.unanimity",)


def test_a_bare_weekday_named_by_a_written_date_says_so() -> None:
    text = "Maceo Parker à Besançon mardi.\n\nEn concert mardi 26 novembre au grand Kursaal."
    claim = by_text(extract(text, published=PUBLISHED, explain=True), "mardi")
    assert claim.value == {"date": "2024-11-26"}
    assert "date.bare_weekday" in claim.rules
    assert any("written out" in step for step in claim.steps)

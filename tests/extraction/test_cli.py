"""The JSONL command line, run as a real subprocess: order kept, bad lines reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = json.loads((ROOT / "tests" / "data" / "seed-pyongyang-washington.json").read_text("utf-8"))


def run_cli(stdin: bytes) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.extraction"],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert done.stderr == b""
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def line(doc: object) -> bytes:
    return json.dumps(doc).encode("ascii") + b"\n"  # ASCII escapes carry lone surrogates


def test_documents_come_out_in_order_and_a_bad_one_does_not_stop_the_others() -> None:
    english = "The Senate passed the bill 52-47 on Tuesday. Senators met three times in 2019."
    stdin = b"".join(
        [
            line({"id": "seed", "text": SEED["text"], "published": SEED["published"]}),
            line({"id": "bad-date", "text": "Le 5 novembre.", "published": "2024-13-45"}),
            line({"id": "not-text", "text": ["a", "list"]}),
            b"{this is not json\n",
            b"\n",
            b'{"id": "bad-utf8", "text": "caf\xe9"}\n',
            line({"id": "en", "text": english, "lang": "en", "published": "2019-10-22"}),
            line({"id": 7, "text": ""}),
            line([1, 2, 3]),
            line({"id": "surrogate", "text": "Paris \ud800 2019"}),
        ]
    )
    out = run_cli(stdin)
    assert [doc["id"] for doc in out] == [
        "seed", "bad-date", "not-text", None, None, "en", 7, None, "surrogate",
    ]  # fmt: skip
    failed = {i for i, doc in enumerate(out) if "error" in doc}
    assert failed == {1, 2, 3, 4, 7}
    for doc in out:
        assert set(doc) >= {"id", "lang", "claims"}
        if "error" in doc:
            assert doc["claims"] == [] and doc["error"]
    assert "published" in out[1]["error"]
    assert out[0]["lang"] == "fr" and out[5]["lang"] == "en" and out[6]["lang"] in ("fr", "en")


def test_claims_follow_the_contract() -> None:
    (doc,) = run_cli(line({"id": "seed", "text": SEED["text"], "published": "2024-11"}))
    text = SEED["text"]
    for claim in doc["claims"]:
        assert set(claim) == {
            "kind", "start", "end", "text", "value", "sentence_start", "sentence_end",
        }  # fmt: skip
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["sentence_start"] <= claim["start"] < claim["end"] <= claim["sentence_end"]


def test_empty_input_gives_empty_output() -> None:
    assert run_cli(b"") == []

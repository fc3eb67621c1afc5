"""Extraction benchmark: quality on the eval sets, speed, import time, peak memory.

    .venv/bin/python bench/extraction.py [--eval-dir DIR] [--seconds 3]
    .venv/bin/python bench/extraction.py --compare OLD_TREE   # speed A/B, output identity

--compare checks this tree against another checkout of the repository (`git
archive REV | tar -x -C /tmp/old`): first that both CLIs give byte-identical
output (plain and --explain) on every eval and tests/extraction text, then
the best CPU time on the same 5 KB article in alternating fresh processes,
and, when valgrind is installed, the instructions per article, which other
jobs on a shared machine do not change.

The eval folder (dev.jsonl, fr-timebank/, score.py) is not in the repository:
--eval-dir, else $EVAL_DIR, else the first shared/eval found beside the
checkout or one level up (a git worktree under wt/).

Quality runs our JSONL CLI (`python -m factcheck.extraction`) on the gold
documents, without their "lang" so detection is exercised too, and scores the
predictions with the eval folder's own score.py. Speed, import time and memory
are measured in this process or in fresh subprocesses, each figure printed
beside its target (DESIGN.md). A script, not a test: it reports, it never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: import the working tree

from factcheck.extraction import extract  # noqa: E402
from factcheck.extraction.language import detect_language  # noqa: E402

MIN_F1 = 0.95  # value F1 per kind and per language (dev, FR-TimeBank, our corpora)
CORPUS = ROOT / "tests" / "extraction" / "corpus"  # our own annotated real paragraphs
MIN_ARTICLES_PER_SECOND = 500
MAX_IMPORT_SECONDS = 0.5
MAX_PEAK_MB = 100
ARTICLE_BYTES = 5_000
PUBLISHED = "2024-11"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir())
    parser.add_argument("--seconds", type=float, default=3.0, help="per speed measurement")
    parser.add_argument("--compare", type=Path, help="another tree of the repository: speed A/B")
    args = parser.parse_args()
    eval_dir = args.eval_dir if args.eval_dir.is_absolute() else (ROOT / args.eval_dir)
    dev, score_py = eval_dir / "dev.jsonl", eval_dir / "score.py"
    if args.compare is not None:
        trees = [ROOT, args.compare.resolve()]
        same_output(eval_dir, trees)
        compare(five_kb_article(dev), trees)
        return 0
    quality(score_py, dev)
    timebank = eval_dir / "fr-timebank" / "fr-timebank.jsonl"
    quality(score_py, timebank, "--kinds", "date", "--split-ranges")
    quality(score_py, CORPUS / "dates.jsonl", "--kinds", "date")
    quality(score_py, CORPUS / "votes_meetings.jsonl", "--kinds", "vote_result,meeting_count")
    quality(score_py, CORPUS / "all_kinds.jsonl")
    article = five_kb_article(dev)
    speed(article, args.seconds)
    import_time()
    peak_memory(article)
    return 0


def default_eval_dir() -> Path:
    if os.environ.get("EVAL_DIR"):
        return Path(os.environ["EVAL_DIR"])
    candidates = [ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval"]
    return next((path for path in candidates if path.is_dir()), candidates[0])


# -- quality ------------------------------------------------------------------


def quality(score_py: Path, gold: Path, *options: str) -> None:
    """Score our CLI's predictions for `gold` with score.py: its table, value F1 per kind and
    language against the target, then the errors counted by class (missed, spurious, wrong
    value) so that a change shows where it helped."""
    heading(f"quality: {gold}" + (f", {' '.join(options)}" if options else ""))
    if not gold.exists() or not score_py.exists():
        print(f"  missing: {gold if not gold.exists() else score_py}")
        return
    predictions = run_cli(gold)
    if predictions is None:
        return
    docs = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    langs = sorted({doc.get("lang", "?") for doc in docs})
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(predictions, "utf-8")
        command = [str(score_py), str(gold), str(pred), *options]
        table = run_python(command, b"")
        errors = run_python([*command, "--show-errors"], b"", stream="stderr")
        by_lang = {}
        for lang in langs:
            subset = Path(tmp) / f"gold-{lang}.jsonl"
            subset.write_text(
                "".join(json.dumps(doc) + "\n" for doc in docs if doc.get("lang", "?") == lang),
                "utf-8",
            )
            report = run_python([str(score_py), str(subset), str(pred), *options, "--json"], b"")
            by_lang[lang] = json.loads(report) if report else {}
    if table is None or errors is None:
        return
    print(table.rstrip())
    for lang, report in by_lang.items():
        for kind, row in report.items():
            if kind != "overall" and row.get("gold"):
                ok = verdict(row["value_f1"] >= MIN_F1)
                print(f"  {lang} {kind:<14} value F1 {row['value_f1']:.3f}  "
                      f"target >= {MIN_F1:.2f}  {ok}")  # fmt: skip
    print_error_classes(errors, {doc["id"]: doc.get("lang", "?") for doc in docs})


def print_error_classes(show_errors: str, lang_of: dict[str, str]) -> None:
    """score.py --show-errors lines (id, class, kind, text, gold, predicted) counted."""
    counts: dict[tuple[str, str, str], int] = {}
    for line in show_errors.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and fields[0] in lang_of:
            key = (fields[2], lang_of[fields[0]], fields[1])
            counts[key] = counts.get(key, 0) + 1
    print("  errors by class:")
    for kind, lang, error in sorted(counts):
        print(f"    {kind:<14} {lang}  {error:<12} {counts[kind, lang, error]:4d}")


def run_cli(gold: Path) -> str | None:
    """Our predictions for every gold document, through the real JSONL command line."""
    lines = []
    for raw in gold.read_text("utf-8").splitlines():
        if raw.strip():
            doc = json.loads(raw)
            lines.append(json.dumps({k: doc.get(k) for k in ("id", "text", "published")}))
    out = run_python(["-m", "factcheck.extraction"], "\n".join(lines).encode("utf-8"))
    for doc in map(json.loads, (out or "").splitlines()):
        if "error" in doc:
            print(f"  error on {doc['id']}: {doc['error']}")
    return out


# -- speed --------------------------------------------------------------------


def five_kb_article(dev: Path) -> str:
    """Dev texts joined as paragraphs until the article weighs about 5 KB of UTF-8."""
    texts = [json.loads(line)["text"] for line in dev.read_text("utf-8").splitlines() if line]
    article = ""
    for text in texts * 10:  # a tiny dev file is repeated rather than giving a short article
        if len(article.encode("utf-8")) >= ARTICLE_BYTES:
            break
        article += text + "\n\n"
    return article


def speed(article: str, seconds: float) -> None:
    size = len(article.encode("utf-8"))
    heading(f"speed: one {size}-byte article, {seconds:g} s of CPU time each")
    extract(article, published=PUBLISHED)  # warm up: compiled regexes, caches
    for label, lang in (("lang given", "fr"), ("lang detected", None)):
        work = partial(extract, article, lang=lang, published=PUBLISHED)
        rate = per_second(work, seconds)
        print(f"  {label:<14} {rate:8.0f} articles/s  target >= {MIN_ARTICLES_PER_SECOND}  "
              f"{verdict(rate >= MIN_ARTICLES_PER_SECOND)}")  # fmt: skip
    detect = per_second(lambda: detect_language(article), min(seconds, 1.0))
    print(f"  detection alone {1e6 / detect:7.0f} µs/article (stop-word count)")
    headline = "Macron rencontre Biden à Washington"  # too few function words: lingua decides
    detect_language(headline)  # loads lingua's models once
    fallback = per_second(lambda: detect_language(headline), min(seconds, 1.0))
    print(f"  lingua fallback {1e6 / fallback:7.0f} µs/headline (rare: few function words)")


def per_second(work: Callable[[], Any], seconds: float) -> float:
    """Calls per second of CPU time (one core), over about `seconds` of it."""
    count, began = 0, time.process_time()
    deadline = began + seconds
    while (now := time.process_time()) < deadline:
        work()
        count += 1
    return count / (now - began)


COMPARE_PROBE = """
import json, sys, time
from factcheck.extraction.pipeline import extract
article = sys.stdin.read()
extract(article, published="2024-11")
best = {}
for label, lang in (("lang given", "fr"), ("lang detected", None)):
    runs = []
    for _ in range(5):
        began = time.process_time()
        for _ in range(50):
            extract(article, lang=lang, published="2024-11")
        runs.append((time.process_time() - began) / 50 * 1000)
    best[label] = min(runs)
print(json.dumps(best))
"""


def same_output(eval_dir: Path, trees: list[Path]) -> None:
    """Both trees' CLI output over every text we hold, with and without --explain."""
    heading("output identity: this tree's CLI against the other's")
    sources = [eval_dir / "dev.jsonl", eval_dir / "fr-timebank" / "fr-timebank.jsonl"]
    sources += sorted((ROOT / "tests" / "extraction").glob("**/*.jsonl"))
    lines = []
    for source in filter(Path.exists, sources):
        for number, raw in enumerate(source.read_text("utf-8").splitlines()):
            doc = json.loads(raw) if raw.strip() else {}
            if isinstance(doc.get("text"), str):
                base = {"id": f"{source.name}:{number}", "text": doc["text"]}
                lines.append({**base, "lang": doc.get("lang"), "published": doc.get("published")})
                lines.append({**base, "id": base["id"] + "#detected"})  # no lang, no date
    stdin = "".join(json.dumps(line) + "\n" for line in lines).encode("utf-8")
    for options in ([], ["--explain"]):
        outputs = [cli_output(tree, stdin, options) for tree in trees]
        same = outputs[0] == outputs[1] and outputs[0] is not None
        print(f"  {len(lines)} documents{' --explain' if options else ''}: "
              f"{'identical' if same else 'DIFFERENT'}")  # fmt: skip


def cli_output(tree: Path, stdin: bytes, options: list[str]) -> bytes | None:
    env = {**subprocess_env(), "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "factcheck.extraction", *options]
    done = subprocess.run(command, input=stdin, capture_output=True, cwd=tree, env=env)
    return done.stdout if done.returncode == 0 else None


def compare(article: str, trees: list[Path], rounds: int = 3) -> None:
    """Best CPU ms per article for each tree, in alternating fresh processes."""
    heading(f"speed A/B: one {len(article.encode('utf-8'))}-byte article, best CPU time")
    best: dict[Path, dict[str, float]] = {tree: {} for tree in trees}
    for _ in range(rounds):
        for tree in trees:
            done = subprocess.run(
                [sys.executable, "-c", COMPARE_PROBE],
                input=article.encode("utf-8"),
                capture_output=True,
                cwd=tree,
                env={**subprocess_env(), "PYTHONPATH": str(tree)},
            )
            if done.returncode != 0:
                print(f"  {tree}: FAILED {done.stderr.decode('utf-8', 'replace')[-300:]}")
                return
            for label, ms in json.loads(done.stdout).items():
                best[tree][label] = min(ms, best[tree].get(label, ms))
    for tree, figures in best.items():
        shown = (f"{label} {ms:.3f} ms ({1000 / ms:.0f}/s)" for label, ms in figures.items())
        print(f"  {tree}: {'  '.join(shown)}")
    if shutil.which("valgrind"):
        heading("instructions per article (valgrind cachegrind, lang given)")
        for tree in trees:
            print(f"  {tree}: {instructions(tree, article) / 1e6:.2f} M")


INSTRUCTIONS_PROBE = """
import sys
from factcheck.extraction.pipeline import extract
article = sys.stdin.read()
extract(article, lang="fr", published="2024-11")
for _ in range(int(sys.argv[1])):
    extract(article, lang="fr", published="2024-11")
"""


def instructions(tree: Path, article: str, count: int = 20) -> float:
    """Instructions one extraction costs: a run of `count` less a run of none."""
    totals = []
    for runs in (0, count):
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
                   "--cachegrind-out-file=/dev/null", sys.executable, "-c", INSTRUCTIONS_PROBE,
                   str(runs)]  # fmt: skip
        env = {**subprocess_env(), "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            command, input=article.encode("utf-8"), capture_output=True, cwd=tree, env=env
        )
        found = re.search(rb"I\s+refs:\s+([\d,]+)", done.stderr)
        totals.append(int(found.group(1).replace(b",", b"")) if found else 0)
    return (totals[1] - totals[0]) / count


# -- import time and memory ---------------------------------------------------

IMPORT_PROBE = """
import time
began = time.perf_counter()
import factcheck.extraction
print(time.perf_counter() - began)
"""

MEMORY_PROBE = """
import resource, sys
from factcheck.extraction import extract
article = sys.stdin.read()
for _ in range(20):
    extract(article, published="2024-11")
if sys.argv[1] == "lingua":
    extract("Macron rencontre Biden à Washington", published="2024-11")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # KiB on Linux
"""


def import_time() -> None:
    heading("import time of factcheck.extraction (fresh interpreter, 5 runs)")
    outputs = [probe(IMPORT_PROBE) for _ in range(5)]
    if None in outputs:
        return
    runs = [float(out) for out in outputs if out is not None]
    best, median = min(runs), statistics.median(runs)
    print(f"  median {median:.3f} s, best {best:.3f} s  target < {MAX_IMPORT_SECONDS}  "
          f"{verdict(median < MAX_IMPORT_SECONDS)}")  # fmt: skip


def peak_memory(article: str) -> None:
    heading("peak memory (ru_maxrss of a process that imports and extracts)")
    for label, mode in (("articles only", "plain"), ("lingua loaded too", "lingua")):
        out = probe(MEMORY_PROBE, mode, stdin=article)
        if out is None:
            return
        peak = float(out)
        ok = verdict(peak < MAX_PEAK_MB)
        print(f"  {label:<18} {peak:6.1f} MB  target < {MAX_PEAK_MB}  {ok}")


def probe(code: str, *argv: str, stdin: str = "") -> str | None:
    """The probe's stdout, or None (after printing why) when it fails."""
    return run_python(["-c", code, *argv], stdin.encode("utf-8"))


def run_python(argv: list[str], stdin: bytes, stream: str = "stdout") -> str | None:
    done = subprocess.run(
        [sys.executable, *argv],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(),
    )
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
        print(f"  FAILED (exit {done.returncode}): {last}")
        return None
    return getattr(done, stream).decode("utf-8")  # score.py prints its errors on stderr


# -- helpers ------------------------------------------------------------------


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def heading(title: str) -> None:
    print(f"\n== {title}")


def verdict(ok: bool) -> str:
    return "ok" if ok else "BELOW TARGET"


if __name__ == "__main__":
    sys.exit(main())

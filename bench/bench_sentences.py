"""Sentence splitting: accuracy on a blind, hand-annotated set of news prose.

Run: ``.venv/bin/python bench/bench_sentences.py``. Prints a markdown report and writes
it to ``bench/results/sentences.md``; ``--errors`` also lists every missed and every
spurious boundary of the project's splitter.

Data: ``tests/fixtures/sentence_blind.yaml`` (paragraphs of composed news prose with
their gold sentences; its header gives the annotation conventions), written before the
splitter's rules were read and since used to improve them, and
``tests/fixtures/sentence_heldout.yaml``, written before the splitter was changed and
never used to tune it. Scored: the
sentence boundaries *inside* a paragraph (the paragraph's own end is given to every
method, so counting it would only inflate the figures).

Methods, on the same paragraphs in the same run:

- ours: ``analysis.text.split_sentences``; a boundary is the end of every span but the
  last, compared by character offset with the gold ends.
- naive regex: split after ``[.!?]`` followed by white space (``re.split`` on
  ``(?<=[.!?])\\s+``), what a user writes by hand; scored by offset like ours.
- textstat 0.7.13: ``textstat.sentence_count`` gives a count only, so it is scored by
  count per paragraph: predicted internal boundaries = count - 1, true positives =
  min(predicted, gold). That is an upper bound (it credits every boundary it counts
  as being in the right place).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.text import split_sentences  # noqa: E402

FIXTURES = {
    "blind (tuned on since)": ROOT / "tests" / "fixtures" / "sentence_blind.yaml",
    "held-out": ROOT / "tests" / "fixtures" / "sentence_heldout.yaml",
}
OUT = ROOT / "bench" / "results" / "sentences.md"
_NAIVE = re.compile(r"(?<=[.!?])\s+")


def load(path: Path) -> list[dict]:
    """Paragraphs with their text, gold internal boundary offsets and id."""
    out = []
    for p in yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]:
        sep = "\n" if p.get("join") == "newline" else " "
        text, gold = "", []
        for i, s in enumerate(p["sentences"]):
            if i:
                gold.append(len(text))
                text += sep
            text += s
        out.append({"id": p["id"], "text": text, "gold": gold, "n": len(p["sentences"])})
    return out


def ours(text: str) -> list[int]:
    return [e for _, e in split_sentences(text)[:-1]]


def naive(text: str) -> list[int]:
    return [m.start() for m in _NAIVE.finditer(text.strip())]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_offsets(paras: list[dict], split) -> dict:
    tp = fp = fn = exact = 0
    errors = []
    for p in paras:
        pred, gold = set(split(p["text"])), set(p["gold"])
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        exact += pred == gold
        for kind, offs in (("missed", gold - pred), ("spurious", pred - gold)):
            for o in sorted(offs):
                errors.append((p["id"], kind, p["text"][max(0, o - 40) : o + 30]))
    return {"prf": _prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, "exact": exact,
            "errors": errors}


def score_counts(paras: list[dict], count) -> dict:
    tp = fp = fn = exact = 0
    for p in paras:
        pred = max(0, count(p["text"]) - 1)
        g = len(p["gold"])
        tp += min(pred, g)
        fp += max(0, pred - g)
        fn += max(0, g - pred)
        exact += pred == g
    return {"prf": _prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, "exact": exact}


def main() -> None:
    import textstat

    lines = [
        "# Sentence splitting benchmark",
        "",
        "Boundaries inside paragraphs, scored by character offset (textstat gives only "
        "a count, scored per paragraph as an upper bound). See the script's docstring.",
        "",
        "| set | method | scored by | precision | recall | F1 | paragraphs exactly right |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    sizes = []
    errors = []
    for label, path in FIXTURES.items():
        paras = load(path)
        sizes.append(f"{label}: `{path.relative_to(ROOT)}`, {len(paras)} paragraphs, "
                     f"{sum(p['n'] for p in paras)} sentences, "
                     f"{sum(len(p['gold']) for p in paras)} boundaries inside paragraphs")
        rows = [
            ("ours (`split_sentences`)", score_offsets(paras, ours), "offsets"),
            ("naive regex `[.!?]\\s+`", score_offsets(paras, naive), "offsets"),
            ("textstat 0.7.13 `sentence_count`",
             score_counts(paras, textstat.sentence_count), "count (upper bound)"),
        ]
        for name, r, how in rows:
            p, rc, f = r["prf"]
            lines.append(f"| {label} | {name} | {how} | {p:.3f} | {rc:.3f} | {f:.3f} | "
                         f"{r['exact']}/{len(paras)} |")
        errors += rows[0][1]["errors"]
    lines += [""] + [f"- {s}" for s in sizes]
    report = "\n".join(lines) + "\n"
    print(report)
    if "--errors" in sys.argv:
        for pid, kind, ctx in errors:
            print(f"{kind:8} {pid:22} …{ctx!r}…")
    if "--no-write" not in sys.argv:
        OUT.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()

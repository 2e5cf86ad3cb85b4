"""Benchmark of topic detection: speed and accuracy, tiered lexicon vs keyword lists.

Run: ``.venv/bin/python bench/bench_topics.py``. Prints a markdown report and writes it to
``bench/results/topics.md``.

* Speed: time to decide every sentence and compute the shares of a 1,000-word article
  (the text layer's sentences are computed once beforehand, as in the pipeline), with
  the 3 default topics and with 6, 12 and 24 topics (copies of the defaults) to show
  the cost is linear in the number of topics. Median and best of repeated runs.
* Baselines, what a user would otherwise write: a keyword list per topic (every core and
  weak term of the same file, flattened, no tiers, no exclusions), counted per sentence
  (a) as substrings of the lower-cased text, ``sum(s.lower().count(k) for k in kws)``,
  and (b) as whole words with one case-insensitive regular expression.
* Accuracy: sentence- and article-level precision, recall and F1 against the hand
  labels of ``tests/fixtures/topic_blind`` (composed and labelled before the lexicon was
  read; its first-run figures are in ``docs/topics.md``), ``tests/fixtures/topic_set``
  (composed for this project by the lexicon's author) and the seed article
  (``tests/fixtures/seed_topics.yaml``). Article level: the tiered lexicon's ``present``,
  a baseline's "any sentence matched", against the article's hand label.
* Themes on Reuters-21578 (ModApte training split only; ``bench/reuters.py``): ``present``
  and ``theme`` against the documents' Reuters labels (trade: TOPICS ``trade``; Russia
  and Taiwan: PLACES ``ussr``/``taiwan``), on the *tune* part the theme rule was tuned on
  and on the *dev* part held out from tuning. Skipped with a note when the corpus has
  not been extracted into ``data/external/reuters21578/``. First-run figures (before
  tuning) are in ``docs/topics.md``; these rows are the current code's.
* The optional semantic second opinion is measured where its extra is installed;
  otherwise its rows of the previous results file are kept, marked as such.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from analysis.article import parse_text  # noqa: E402
from analysis.evaluation import score_topics  # noqa: E402
from analysis.topics import (  # noqa: E402
    TopicSet,
    build_topic,
    load_labelled_set,
    load_topics,
    sentence_topics,
    topic_proportions,
)

SEED = ROOT / "data" / "articles" / "aljazeera-2022-03-18-biden-xi-call-russia.txt"
RESULTS = ROOT / "bench" / "results" / "topics.md"


def keyword_lists(topics: TopicSet) -> dict[str, list[str]]:
    """The flat keyword list a user would write: every term of the topic, lower-cased."""
    return {
        t.id: sorted({k.rstrip("*").strip().lower() for k in t.core + tuple(w for w, _ in t.weak)})
        for t in topics
    }


def baseline_substring(article, kws: dict[str, list[str]]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for s in article.sentences:
        low = s.text.lower()
        for tid, words in kws.items():
            if sum(low.count(k) for k in words) > 0:
                out.setdefault(s.index, []).append(tid)
    return out


def compile_word_baseline(kws: dict[str, list[str]]) -> dict[str, re.Pattern]:
    return {
        tid: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
        for tid, words in kws.items()
    }


def baseline_words(article, pats: dict[str, re.Pattern]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for s in article.sentences:
        for tid, pat in pats.items():
            if pat.search(s.text):
                out.setdefault(s.index, []).append(tid)
    return out


def thousand_word_article():
    """The seed's body paragraphs, repeated and cut to 1,000 words (+/- one sentence)."""
    seed = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    paras = [b.text for b in seed.body]
    out, n = [], 0
    while n < 1000:
        for p in paras:
            if n >= 1000:
                break
            out.append(p)
            n += len(p.split())
    article = parse_text("Benchmark article\n\n" + "\n\n".join(out) + "\n", id="bench")
    _ = article.sentences  # the text layer, computed once as in the pipeline
    return article


def many_topics(base: TopicSet, k: int) -> TopicSet:
    topics = []
    for i in range(k):
        t = base.topics[i % len(base.topics)]
        topics.append(
            build_topic(f"{t.id}_{i}", t.label, t.description, t.core, t.weak, t.exclude)
        )
    return TopicSet(tuple(topics), f"{k} topics")


def median_ms(fn, repeat: int) -> float:
    return timings_ms(fn, repeat)[0]


def timings_ms(fn, repeat: int) -> tuple[float, float]:
    """Median and best of ``repeat`` timed runs (after one warm-up), in ms. The best is
    the least disturbed by other processes on a shared machine (Python's ``timeit``
    documentation recommends the minimum for that reason)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def evaluate(items, predict, ids):
    gold, pred = [], []
    for la in items:
        found = predict(la.article)
        gold.append(la.labels)
        pred.append([set(found.get(i, [])) for i in range(len(la.labels))])
    return score_topics(gold, pred, ids, gold_about=[la.about for la in items])


def previous_semantic_rows() -> dict[str, list[str]]:
    """The semantic rows of the previous results file, by section heading, to keep when
    the extra is not installed here (they are marked as carried over)."""
    if not RESULTS.exists():
        return {}
    out: dict[str, list[str]] = {}
    heading = ""
    for line in RESULTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line
        elif line.startswith("| lexicon + semantic") or line.startswith("Lexicon + semantic"):
            out.setdefault(heading, []).append(line)
    return out


def evaluate_present(items, topics):
    """Sentence-level from the decided sentences; article-level from ``present``."""
    gold, pred, pred_about = [], [], []
    for la in items:
        result = topic_proportions(la.article, topics)
        found = sentence_topics(result)
        gold.append(la.labels)
        pred.append([set(found.get(i, [])) for i in range(len(la.labels))])
        pred_about.append({t for t in topics.ids if result[t]["present"]})
    return score_topics(
        gold, pred, topics.ids, gold_about=[la.about for la in items], pred_about=pred_about
    )


def seed_item():
    from analysis.topics import LabelledArticle

    a = parse_text(SEED.read_text(encoding="utf-8"), id="seed")
    spec = yaml.safe_load(
        (ROOT / "tests" / "fixtures" / "seed_topics.yaml").read_text(encoding="utf-8")
    )
    labels = [set() for _ in a.sentences]
    for e in spec["sentences"]:
        pos = a.text.index(e["starts"])
        for s in a.sentences:
            if s.start <= pos < s.end:
                labels[s.index] |= set(e["topics"])
    return LabelledArticle("seed", a, labels, set().union(*labels))


def reuters_rows(topics: TopicSet) -> list[str]:
    """Markdown rows: present and theme against Reuters-21578 labels on tune and dev."""
    import reuters

    lines = ["", "## Themes on Reuters-21578 (ModApte training split; test never read)", ""]
    try:
        runs = {split: reuters.run(split, topics) for split in reuters.SPLITS}
    except FileNotFoundError as exc:
        return lines + [f"Not measured: {exc}"]
    lines += [
        "Gold: trade = TOPICS `trade`; Russia = PLACES `ussr`; Taiwan = PLACES `taiwan` "
        "(see docs/topics.md for the mapping and its caveats). *tune*: the part the theme "
        "rule was tuned on; *dev*: NEWID a multiple of 5, held out from tuning. These "
        "are the current code's figures (after tuning); the first-run figures, before "
        "any change made on Reuters, are in docs/topics.md.",
        "",
        "| part | documents | decision | topic | precision | recall | F1 | tp/fp/fn |",
        "|---|---:|---|---|---:|---:|---:|---|",
    ]
    for split, (docs, results) in runs.items():
        sc = reuters.score(docs, results)
        for key in ("present", "theme"):
            for tid, v in sc[key].items():
                lines.append(
                    f"| {split} | {len(docs)} | {key} | {tid} | {v['precision']:.3f} | "
                    f"{v['recall']:.3f} | {v['f1']:.3f} | {v['tp']}/{v['fp']}/{v['fn']} |"
                )
    return lines


def main() -> str:
    topics = load_topics()
    kws = keyword_lists(topics)
    pats = compile_word_baseline(kws)
    article = thousand_word_article()
    n_words = sum(len(s.words) for s in article.sentences)

    lines = ["# Topic detection benchmark", ""]
    lines += [
        f"Article: the seed's body repeated to {n_words} words, {len(article.sentences)} "
        "sentences (text layer computed beforehand). Median and best of repeated runs, "
        f"Python {sys.version.split()[0]}.",
        "",
        "## Speed, 3 default topics",
        "",
        "| method | ms per article, median | best |",
        "|---|---:|---:|",
    ]
    t_lex = timings_ms(lambda: topic_proportions(article, topics), 300)

    def cold() -> None:
        topics.index.memo.clear()
        topic_proportions(article, topics)

    t_cold = timings_ms(cold, 100)
    t_sub = timings_ms(lambda: baseline_substring(article, kws), 300)
    t_word = timings_ms(lambda: baseline_words(article, pats), 300)
    lines += [
        "| tiered lexicon (`topic_proportions`, decisions + shares + evidence) | "
        f"{t_lex[0]:.2f} | {t_lex[1]:.2f} |",
        "| tiered lexicon, cold (word memo emptied before each run) | "
        f"{t_cold[0]:.2f} | {t_cold[1]:.2f} |",
        f"| baseline: keyword list, substring count | {t_sub[0]:.2f} | {t_sub[1]:.2f} |",
        f"| baseline: keyword list, whole-word regex | {t_word[0]:.2f} | {t_word[1]:.2f} |",
        "",
        "## Linear in the number of topics (tiered lexicon)",
        "",
        "| topics | ms per article, median | best | best ms per topic |",
        "|---:|---:|---:|---:|",
    ]
    for k in (3, 6, 12, 24):
        ts = many_topics(topics, k)
        med, best = timings_ms(lambda ts=ts: topic_proportions(article, ts), 100)
        lines.append(f"| {k} | {med:.2f} | {best:.2f} | {best / k:.3f} |")

    previous = previous_semantic_rows()
    blind = load_labelled_set(ROOT / "tests" / "fixtures" / "topic_blind")
    composed = load_labelled_set(ROOT / "tests" / "fixtures" / "topic_set")
    heldout = load_labelled_set(ROOT / "tests" / "fixtures" / "topic_heldout")
    sets = [
        (
            f"held-out set ({len(heldout)} articles, "
            f"{sum(len(x.labels) for x in heldout)} sentences, composed blind 2026-11-28)",
            heldout,
        ),
        (
            f"blind set ({len(blind)} articles, "
            f"{sum(len(x.labels) for x in blind)} sentences)",
            blind,
        ),
        (
            f"composed set ({len(composed)} articles, "
            f"{sum(len(x.labels) for x in composed)} sentences)",
            composed,
        ),
        ("seed article (30 sentences)", [seed_item()]),
    ]
    methods = [
        ("tiered lexicon", lambda a: sentence_topics(topic_proportions(a, topics))),
        ("keyword list, substring", lambda a: baseline_substring(a, kws)),
        ("keyword list, whole word", lambda a: baseline_words(a, pats)),
    ]
    try:  # the optional semantic extra, where installed
        from analysis.topic_semantic import load_model, semantic_proportions

        model = load_model()
        methods.append(
            (
                "lexicon + semantic",
                lambda a: sentence_topics(semantic_proportions(a, topics, model=model)),
            )
        )
        t_sem = median_ms(lambda: semantic_proportions(article, topics, model=model), 10)
        lines += ["", f"Lexicon + semantic second opinion (CPU): {t_sem:.1f} ms per article."]
        semantic = True
    except Exception as exc:  # noqa: BLE001 - not installed: say so and go on
        semantic = False
        lines += [
            "",
            f"Semantic second opinion not measured in this run ({type(exc).__name__}: "
            f"{exc}). Its rows below, marked *(previous run)*, are kept from the previous "
            "results file: they were measured with the lexicon and rules of that run, not "
            "the current ones.",
        ]
        for old in previous.get("## Linear in the number of topics (tiered lexicon)", []):
            if "(previous run)" not in old:
                old = old.replace("semantic second opinion", "semantic (previous run)", 1)
            lines.append(old)
    for name, items in sets:
        lines += [
            "",
            f"## Accuracy on the {name}",
            "",
            "| method | level | topic | precision | recall | F1 |",
            "|---|---|---|---:|---:|---:|",
        ]
        for mname, predict in methods:
            if mname == "tiered lexicon":
                sc = evaluate_present(items, topics)
            else:
                sc = evaluate(items, predict, topics.ids)
            levels = ("sentence", "article") if len(items) > 1 else ("sentence",)
            for level in levels:
                for tid in [*topics.ids, "micro"]:
                    v = sc[level][tid]
                    lines.append(
                        f"| {mname} | {level} | {tid} | {v['precision']:.2f} | "
                        f"{v['recall']:.2f} | {v['f1']:.2f} |"
                    )
        if not semantic:
            key = f"## Accuracy on the {name}"
            for old in previous.get(key, []):
                if "(previous run)" not in old:
                    old = old.replace("semantic |", "semantic *(previous run)* |", 1)
                lines.append(old)
    lines += reuters_rows(topics)
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(main())

"""The Reuters-21578 loader of ``bench/reuters.py``: only ModApte training documents
are ever parsed or stored, the reserved test split can never be loaded, and the gold
labels map as documented. The SGML below is made up for the test (no corpus text)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "reuters.py"
_spec = importlib.util.spec_from_file_location("reuters", _PATH)
reuters = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reuters)

SGML = b"""<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="10">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>trade</D></TOPICS>
<PLACES><D>usa</D><D>japan</D></PLACES>
<TEXT>&#2;
<TITLE>MADE-UP TRAINING STORY</TITLE>
<DATELINE>    WASHINGTON, Feb 26 - </DATELINE><BODY>A made-up first paragraph
about tariffs &lt;and&gt; duties.
    A second paragraph.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="11">
<DATE>27-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>SENTINEL-TOPIC</D></TOPICS>
<TEXT><TITLE>SENTINEL TEST TITLE</TITLE><BODY>SENTINEL TEST BODY</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="12">
<TEXT><BODY>SENTINEL UNLABELLED BODY</BODY></TEXT>
</REUTERS>
"""


def test_only_modapte_training_documents_are_parsed(monkeypatch):
    seen = []
    real = reuters._parse
    monkeypatch.setattr(reuters, "_parse", lambda attrs, doc: seen.append(doc) or real(attrs, doc))
    docs = list(reuters.documents(SGML))
    assert [d["newid"] for d in docs] == [10]
    # the test and TOPICS="NO" documents were never handed to the parser
    assert len(seen) == 1 and "SENTINEL" not in seen[0]
    d = docs[0]
    assert d["date"] == "1987-02-26" and d["topics"] == ["trade"]
    assert d["places"] == ["usa", "japan"] and d["title"] == "MADE-UP TRAINING STORY"
    assert "tariffs <and> duties" in d["body"] and "Reuter" not in d["body"]


def test_extract_stores_no_test_text_and_splits_by_newid(tmp_path):
    src = tmp_path / "src" / "data"
    src.mkdir(parents=True)
    for name in reuters.FILES:
        (src / name).write_bytes(SGML if name == "reut2-000.sgm" else b"")
    dest = tmp_path / "out"
    counts = reuters.extract(tmp_path / "src", "data", dest)
    assert counts == {"tune": 0, "dev": 1}  # NEWID 10 is a multiple of 5: dev
    stored = "".join(p.read_text() for p in dest.iterdir())
    assert "SENTINEL" not in stored
    assert [d["newid"] for d in reuters.load_split("dev", dest)] == [10]
    assert sorted(p.name for p in dest.iterdir()) == ["dev.jsonl", "tune.jsonl"]


@pytest.mark.parametrize("split", ["test", "TEST", "train", "../test", ""])
def test_the_test_split_and_unknown_names_are_refused(split, tmp_path):
    with pytest.raises(ValueError, match="never read"):
        reuters.load_split(split, tmp_path)


def test_missing_data_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="extract"):
        reuters.load_split("tune", tmp_path)


def test_gold_mapping_trade_from_topics_countries_from_places():
    doc = {"topics": ["trade"], "places": ["usa", "ussr", "taiwan"]}
    assert reuters.gold_about(doc) == {"trade", "russia", "taiwan"}
    # strict: a country only when the story has at most two places
    assert reuters.gold_about_strict(doc) == {"trade"}
    assert reuters.gold_about({"topics": ["grain"], "places": ["ussr"]}) == {"russia"}


def test_score_counts_present_and_theme_by_hand():
    docs = [{"topics": ["trade"], "places": []}, {"topics": [], "places": ["ussr"]}]
    res = [
        {"trade": {"present": True, "theme": True}, "russia": {"present": True, "theme": False},
         "taiwan": {"present": False, "theme": False}},
        {"trade": {"present": True, "theme": False}, "russia": {"present": True, "theme": True},
         "taiwan": {"present": False, "theme": False}},
    ]
    sc = reuters.score(docs, res)
    # trade present: tp 1 (doc 0), fp 1 (doc 1); theme: tp 1, fp 0
    assert sc["present"]["trade"]["precision"] == 0.5
    assert sc["theme"]["trade"]["precision"] == 1.0
    # russia present: fp doc 0, tp doc 1; theme: tp doc 1 only
    assert (sc["present"]["russia"]["tp"], sc["present"]["russia"]["fp"]) == (1, 1)
    assert sc["theme"]["micro"]["tp"] == 2 and sc["theme"]["micro"]["fn"] == 0
    json.dumps(sc)

"""The PolNeAR loader of ``bench/polnear.py``: the reserved test split can never be
loaded, and a content span cut by its own attribution is scored as one quote per piece
(the project's annotation convention). No corpus text is needed or shipped."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "polnear.py"
_spec = importlib.util.spec_from_file_location("polnear", _PATH)
polnear = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(polnear)


@pytest.mark.parametrize("split", ["test", "TEST", "../test", "train/../test", ""])
def test_the_test_split_is_refused_before_any_file_is_touched(split, tmp_path):
    with pytest.raises(ValueError):
        polnear.load_split(split, tmp_path)


def test_missing_train_data_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="extract"):
        polnear.load_split("train", tmp_path)


def test_a_content_span_is_cut_where_its_source_or_cue_stands_between_fragments():
    # “I feel bad,” she said. “I don't see him …”: fragments 0-13 and 25-45, the source
    # at 15-18 and the cue at 19-23 between them (offsets made up for the test)
    assert polnear.split_at_attribution([(0, 13), (25, 45)], [(15, 18), (19, 23)]) == [
        [(0, 13)], [(25, 45)]]
    # counter-example: fragments split only by a line break stay one quote
    assert polnear.split_at_attribution([(0, 13), (14, 40)], [(50, 53)]) == [
        [(0, 13), (14, 40)]]

"""analysis/evaluation.py: the attribution measures, computed by hand on small lists."""

from __future__ import annotations

from analysis.evaluation import (
    distinct_voices,
    pooled_attribution,
    prf,
    score_attribution,
    score_quotes,
)

GOLD = [
    {"start": 0, "end": 10, "speaker": "Jane Smith", "kind": "direct"},
    {"start": 20, "end": 30, "speaker": "Tom Reed", "kind": "mixed"},
    {"start": 40, "end": 50, "speaker": "Tom Reed", "kind": "indirect"},
    {"start": 60, "end": 70, "speaker": "officials", "kind": "indirect"},
]
PRED = [
    {"start": 0, "end": 10, "speaker": "Smith", "kind": "direct"},      # right
    {"start": 21, "end": 30, "speaker": "Jane Smith", "kind": "mixed"},  # wrong speaker
    {"start": 40, "end": 49, "speaker": "Reed", "kind": "indirect"},     # right
    {"start": 80, "end": 90, "speaker": "Reed", "kind": "direct"},       # spurious
]


def test_precision_over_no_predictions_is_one_by_convention():
    assert prf(0, 0, 3)["precision"] == 1.0 and prf(0, 0, 3)["f1"] == 0.0
    assert score_quotes([], GOLD)["precision"] == 1.0


def test_score_attribution_by_hand():
    s = score_attribution(PRED, GOLD)
    # 3 matches (0-10, 20-30, 40-50); speakers right for 2 of them
    assert (s["matched"], s["speaker_ok"], s["speaker_accuracy"]) == (3, 2, 0.667)
    # direct and mixed only: gold 2, predicted 3, right 1 -> P 1/3, R 1/2, F1 0.4
    assert (s["quote_speaker_tp"], s["quote_speaker_predicted"], s["quote_speaker_gold"]) \
        == (1, 3, 2)
    assert s["quote_speaker_f1"] == 0.4
    # indirect gold: 40-50 found, 60-70 missed
    assert (s["reported_found"], s["reported_gold"], s["reported_recall"]) == (1, 2, 0.5)
    # voices: gold Jane Smith, Tom Reed, officials; predicted Smith, Jane Smith, Reed
    assert (s["voices_gold"], s["voices_predicted"]) == (3, 2)


def test_pooled_figures_sum_counts_before_the_ratios():
    a = score_attribution(PRED, GOLD)
    b = score_attribution([], GOLD)  # nothing found in a second article
    p = pooled_attribution([a, b])
    # speaker 2 right of 3 matched; q+s: tp 1, predicted 3, gold 4 -> P 1/3, R 1/4
    assert p["speaker_accuracy"] == 0.667
    assert p["quote_speaker_f1"] == round(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4), 3)
    assert p["reported_recall"] == 0.25
    # voices within 25%: 2 of 3 (a) is outside, 0 of 3 (b) is outside
    assert p["voices_within_25"] == 0.0


def test_distinct_voices_merge_a_surname_with_the_full_name():
    assert distinct_voices(["Jane Smith", "Smith", None, "Tom Reed", "Mr. Reed"]) == 2

"""The benchmark's scoring on tiny cases checked by hand."""

from __future__ import annotations

import pytest

from benchmarks.documents import Document, Gold, Span, count_tokens
from benchmarks.metrics import (
    Tally,
    expected_calibration_error,
    f_beta,
    labelled_fixes,
    per_thousand,
    pr_curve,
    reliability_bins,
    score_document,
    score_documents,
    spans_touch,
    total,
)
from benchmarks.system import Edit

TEXT = "President Voldimi Zelensky met Marcorubio."
#           0123456789012345678901234567890123456789012
ZELENSKY = Gold(
    10,
    26,
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    "first_name_garbled",
    wikipedia="Volodymyr Zelenskyy",
)
RUBIO = Gold(31, 41, ("Marco Rubio",), "joined", entity_id="Q324546")
DOCUMENT = Document("d", TEXT, "g", golds=(ZELENSKY, RUBIO))


def edit(start: int, end: int, new: str, confidence: float | None = None, **entity: str) -> Edit:
    return Edit(start, end, TEXT[start:end], new, confidence, **entity)


def test_offsets_of_the_example_are_right() -> None:
    assert TEXT[10:26] == "Voldimi Zelensky"
    assert TEXT[31:41] == "Marcorubio"


@pytest.mark.parametrize(
    "fix",
    [
        edit(10, 17, "Volodymyr"),  # the given name only
        edit(10, 26, "Volodymyr Zelensky"),  # the whole name
        edit(10, 26, "Volodymyr Zelenskyy"),  # another accepted spelling
        edit(0, 26, "President Volodymyr Zelensky"),  # wider than the gold span
    ],
)
def test_a_fix_is_right_whatever_span_it_covers(fix: Edit) -> None:
    tally = score_document(DOCUMENT, [fix]).tally
    assert (tally.fixes, tally.right_fixes, tally.found, tally.golds) == (1, 1, 1, 2)


def test_two_fixes_that_together_repair_one_name_are_both_right() -> None:
    fixes = [edit(10, 17, "Volodymyr"), edit(18, 26, "Zelenskyy")]
    tally = score_document(DOCUMENT, fixes).tally
    assert (tally.right_fixes, tally.found) == (2, 1)


def test_a_wrong_repair_is_a_wrong_fix_and_a_miss() -> None:
    tally = score_document(DOCUMENT, [edit(10, 17, "Vladimir")]).tally
    assert (tally.fixes, tally.right_fixes, tally.false_fixes, tally.found) == (1, 0, 0, 0)
    assert tally.missed_by_category == {"first_name_garbled": 1, "joined": 1}


def test_a_fix_overlapping_no_gold_span_is_a_false_fix() -> None:
    tally = score_document(DOCUMENT, [edit(0, 9, "Presidential")]).tally
    assert (tally.fixes, tally.right_fixes, tally.false_fixes) == (1, 0, 1)


def test_an_insertion_inside_a_glued_name_is_scored() -> None:
    text = "From Ukraine to NATOsecurity guarantees"
    gold = Gold(16, 28, ("NATO security",), "glued")
    document = Document("d", text, "g", golds=(gold,))
    assert score_document(document, [Edit(20, 20, "", " ")]).tally.found == 1
    assert score_document(document, [Edit(20, 20, "", "-")]).tally.found == 0


def test_precision_recall_and_f05_by_hand() -> None:
    # 3 fixes: one right (Rubio), one wrong (Zelensky), one false; 2 golds, 1 found.
    fixes = [edit(0, 9, "Presidente"), edit(10, 17, "Vladimir"), edit(31, 41, "Marco Rubio")]
    tally = score_document(DOCUMENT, fixes).tally
    assert tally.precision == pytest.approx(1 / 3)
    assert tally.recall == pytest.approx(1 / 2)
    # F0.5 = 1.25 P R / (0.25 P + R) = 1.25 * 1/6 / (1/12 + 1/2) = 5/14
    assert tally.f05 == pytest.approx(5 / 14)


def test_f_beta_edge_cases() -> None:
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(None, 0.5) is None
    assert f_beta(1.0, 1.0) == pytest.approx(1.0)
    assert f_beta(1.0, 0.5) == pytest.approx(1.25 * 0.5 / (0.25 + 0.5))


def test_no_fixes_on_broken_names_scores_zero_not_undefined() -> None:
    tally = score_document(DOCUMENT, []).tally
    assert tally.precision is None and tally.recall == 0.0 and tally.f05 == 0.0


def test_false_fixes_per_thousand_clean_tokens() -> None:
    clean = Document("c", "One two three, four.", "clean", clean=True)  # 6 tokens
    assert count_tokens(clean.text) == 6
    tally = score_document(clean, [Edit(0, 3, "One", "Ona")]).tally
    assert (tally.clean_tokens, tally.clean_false_fixes) == (6, 1)
    assert tally.false_fixes_per_1k == pytest.approx(1000 / 6)
    assert per_thousand(3, 1500) == pytest.approx(2.0)
    assert per_thousand(3, 0) is None


def test_changed_valid_variants_are_counted() -> None:
    text = "Lech Walesa spoke in Kiev."
    document = Document(
        "v", text, "valid variant", protected=(Span(0, 11, "accents_dropped"), Span(21, 25, "alias"))
    )
    tally = score_document(document, [Edit(5, 11, "Walesa", "Wałęsa")]).tally
    assert (tally.variants, tally.variants_changed, tally.false_fixes) == (2, 1, 1)


def test_entity_accuracy_compares_ids_and_wikipedia_titles() -> None:
    right_entity = [
        edit(10, 17, "Volodymyr", wikipedia="Volodymyr_Zelenskyy"),
        edit(31, 41, "Marco Rubio", entity_id="Q999"),
    ]
    tally = score_document(DOCUMENT, right_entity).tally
    assert (tally.entity_checked, tally.entity_right) == (2, 1)
    assert tally.entity_accuracy == 0.5


def test_tallies_add_up() -> None:
    one = Tally(fixes=1, right_fixes=1, golds=2, found=1)
    two = Tally(fixes=3, false_fixes=3, clean_tokens=100, clean_false_fixes=3)
    both = one + two
    assert (both.fixes, both.right_fixes, both.golds, both.clean_false_fixes) == (4, 1, 2, 3)
    assert both.precision == 0.25


def test_expected_calibration_error_by_hand() -> None:
    # Bin 0.9: two fixes, one right -> |0.5 - 0.9| = 0.4; bin 0.3: one fix, wrong -> 0.3.
    labelled = [(0.9, True), (0.9, False), (0.3, False)]
    assert expected_calibration_error(labelled) == pytest.approx(2 / 3 * 0.4 + 1 / 3 * 0.3)
    assert expected_calibration_error([(1.0, True), (0.55, True)]) == pytest.approx(0.45 / 2)
    assert expected_calibration_error([]) is None


def test_reliability_bins_put_confidence_one_in_the_top_bin() -> None:
    assert reliability_bins([(1.0, True), (0.95, False)]) == [(0.975, 0.5, 2)]


def test_pr_curve_rethresholds_one_run() -> None:
    fixes = [edit(10, 17, "Volodymyr", 0.9), edit(31, 41, "Marco Rubio", 0.6), edit(0, 9, "Presidente", 0.2)]
    points = pr_curve([DOCUMENT], [fixes], [0.0, 0.5, 0.8, 0.95])
    assert [(p.fixes, p.right_fixes, p.found) for p in points] == [(3, 2, 2), (2, 2, 2), (1, 1, 1), (0, 0, 0)]
    assert points[1].precision == 1.0 and points[2].recall == 0.5
    assert points[0] + points[0] == type(points[0])(0.0, 6, 4, 4, 4)


def test_score_documents_labels_each_fix() -> None:
    scores = score_documents([DOCUMENT], [[edit(10, 17, "Volodymyr", 0.8), edit(0, 9, "Presidente", 0.4)]])
    assert labelled_fixes(scores) == [(0.8, True), (0.4, False)]
    assert total(scores).fixes == 2


def test_spans_touch() -> None:
    assert spans_touch(0, 5, 4, 8)
    assert not spans_touch(0, 5, 5, 8)  # adjacent, not overlapping
    assert spans_touch(5, 5, 0, 5)  # an insertion at the edge touches
    assert not spans_touch(9, 9, 0, 5)

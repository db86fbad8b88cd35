"""Every case in tests/cases/*.yaml, run with the bundled corrector (adding a case needs no code).

A case is `{text, expect}` (the whole corrected text) or `{text, unchanged: true}`, with a
`note` saying what it tests. `in_the_wild`, `synthetic` and `negative` must pass;
`known_failures` holds what the engine still gets wrong, with the right answer, and runs under
`xfail(strict=True)`: a case that starts passing fails the run until it is moved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import namefix

CASES = Path(__file__).resolve().parent / "cases"
KNOWN_FAILURES = "known_failures"
FILES = ("in_the_wild", "synthetic", "negative", KNOWN_FAILURES)
KEYS = {"text", "expect", "unchanged", "note"}


def read_cases() -> dict[str, list[dict[str, Any]]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for path in sorted(CASES.glob("*.yaml"))
    }


def expected_text(case: dict[str, Any]) -> str:
    return str(case["text"]) if case.get("unchanged") else str(case["expect"])


def parameters() -> list[Any]:
    out = []
    for stem, cases in read_cases().items():
        for number, case in enumerate(cases, 1):
            marks = []
            if stem == KNOWN_FAILURES:
                marks.append(pytest.mark.xfail(strict=True, reason=f"known failure: {case.get('note')}"))
            out.append(pytest.param(case, id=f"{stem}-{number}", marks=marks))
    return out


@pytest.mark.parametrize("case", parameters())
def test_case(bundled: namefix.Corrector, case: dict[str, Any]) -> None:
    text = case["text"]
    result = bundled.correct(text)
    assert result.text == expected_text(case), f"{case.get('note')}\n{result.explain()}"
    if case.get("unchanged"):
        assert not result.fixes


def test_case_files_are_well_formed() -> None:
    """Only the four files, each case with text and exactly one of expect / unchanged, and
    no text twice (a case cannot both pass and be a known failure)."""
    files = read_cases()
    assert set(files) == set(FILES)
    seen: dict[str, str] = {}
    for stem, cases in files.items():
        assert isinstance(cases, list) and cases, stem
        for number, case in enumerate(cases, 1):
            where = f"{stem}.yaml case {number}"
            assert isinstance(case, dict) and set(case) <= KEYS, where
            assert isinstance(case.get("text"), str) and case["text"], where
            assert ("expect" in case) != bool(case.get("unchanged")), f"{where}: expect or unchanged"
            assert case["text"] not in seen, f"{where} repeats {seen.get(case['text'])}"
            seen[case["text"]] = where
            if stem == KNOWN_FAILURES:
                assert "expect" in case and case.get("note"), f"{where}: the right answer and why it fails"
            elif stem == "negative":
                assert case.get("unchanged") is True, where
            else:
                assert case["expect"] != case["text"], f"{where}: a positive case must change something"


def test_there_are_enough_cases() -> None:
    files = read_cases()
    positive = len(files["in_the_wild"]) + len(files["synthetic"])
    assert positive >= 40 and len(files["negative"]) >= 40

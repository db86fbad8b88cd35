from __future__ import annotations

import dataclasses

import pytest

from namefix import Correction, Entity, Fix, Reason, apply_fixes

RUBIO = Entity("curated:person/marco-rubio", "Marco Rubio", "person", "US", 0.85)


def fix(start: int, end: int, original: str, replacement: str, confidence: float = 0.9) -> Fix:
    return Fix(start, end, original, replacement, confidence, RUBIO, Reason.JOINED)


def test_apply_fixes_splices_and_keeps_the_rest() -> None:
    text = "Secretary Marcorubio said, and Marcorubio left."
    fixes = [fix(31, 41, "Marcorubio", "Marco Rubio"), fix(10, 20, "Marcorubio", "Marco Rubio")]
    assert apply_fixes(text, fixes) == "Secretary Marco Rubio said, and Marco Rubio left."


def test_apply_fixes_refuses_overlap_and_mismatch() -> None:
    text = "Secretary Marcorubio"
    with pytest.raises(ValueError, match="overlap"):
        apply_fixes(text, [fix(10, 20, "Marcorubio", "x"), fix(15, 20, "rubio", "y")])
    with pytest.raises(ValueError, match="does not match"):
        apply_fixes(text, [fix(0, 5, "Marco", "x")])
    with pytest.raises(TypeError):
        apply_fixes(b"bytes", [])  # type: ignore[arg-type]


def test_fix_is_frozen_and_validated() -> None:
    f = fix(0, 10, "Marcorubio", "Marco Rubio")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 3  # type: ignore[misc]
    with pytest.raises(ValueError):
        fix(0, 10, "Marcorubio", "Marco Rubio", confidence=1.5)
    with pytest.raises(ValueError):
        fix(5, 2, "", "")


def test_correction_explains_and_rethresholds() -> None:
    text = "Marcorubio and Marcorubio"
    fixes = (fix(0, 10, "Marcorubio", "Marco Rubio", 0.95), fix(15, 25, "Marcorubio", "Marco Rubio", 0.4))
    result = Correction(text, apply_fixes(text, fixes), fixes)
    assert str(result) == "Marco Rubio and Marco Rubio"
    assert result.explain().count("\n") == 1 and "joined" in result.explain()
    strict = result.above(0.5)
    assert strict.text == "Marco Rubio and Marcorubio" and len(strict.fixes) == 1
    assert not Correction("x", "x")

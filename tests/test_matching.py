"""The string tests the matcher relies on."""

from __future__ import annotations

import pytest

from namefix.matching import typing_slip


@pytest.mark.parametrize(
    ("written", "meant"),
    [("tolkein", "tolkien"), ("ceasar", "caesar"), ("carribean", "caribbean"), ("cincinatti", "cincinnati")],
)
def test_typing_slips_are_swaps_and_doublings(written: str, meant: str) -> None:
    assert typing_slip(written, meant)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("walz", "waltz"), ("hegses", "hegseth"), ("tolkien", "tolkien"), ("tloiken", "tolkien")],
)
def test_other_differences_are_no_slips(written: str, meant: str) -> None:
    assert not typing_slip(written, meant)

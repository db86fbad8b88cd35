"""The Bloom filter in front of the compiled index: never a false "absent"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namefix.bloom import BloomFilter

WORDS = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "lmnrst"] + ["łódź", "zelenskyy", "kyiv"]


@given(st.sets(st.text(min_size=1, max_size=12), min_size=1, max_size=200))
def test_every_key_put_in_is_found(keys: set[str]) -> None:
    bloom = BloomFilter.of(keys, len(keys))
    assert all(item in bloom for item in keys)
    assert bloom.present(sorted(keys)) == sorted(keys)


def test_a_stored_filter_reads_back_with_its_own_settings() -> None:
    bloom = BloomFilter.of(WORDS, len(WORDS))
    again = BloomFilter.from_bytes(bloom.to_bytes())
    assert again.present(WORDS) == WORDS
    assert again.to_bytes() == bloom.to_bytes()


def test_absent_keys_are_mostly_rejected() -> None:
    keys = [f"name{i}" for i in range(20_000)]
    bloom = BloomFilter.of(keys, len(keys))
    strangers = [f"other{i}" for i in range(20_000)]
    assert len(bloom.present(strangers)) < 0.01 * len(strangers)


def test_a_broken_filter_is_refused() -> None:
    with pytest.raises(ValueError):
        BloomFilter.from_bytes(b"\x00" * 9)

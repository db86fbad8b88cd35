"""`correct_many`: order kept, lazy, the same on one core or several, errors by position."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

import namefix
from namefix.batch import correct_many
from namefix.corrector import Corrector
from tests.conftest_cli_helpers import MINI, use_session_cache

TEXTS = [
    "Secretary Marcorubio met jd vance.",
    "Nothing to fix here.",
    "Pete Hegseth spoke. Later Hegseht left.",
    "",
    "Volodymyr Zelenskyy and Donald Trunp.",
]


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from use_session_cache(tmp_path_factory)


@pytest.fixture(scope="module")
def corrector(_cache: Path) -> Corrector:
    return namefix.Corrector(MINI, include_default=False)


def test_one_job_equals_correct(corrector: Corrector) -> None:
    results = list(correct_many(TEXTS, corrector=corrector))
    assert results == [corrector.correct(text) for text in TEXTS]
    assert results[0].text == "Secretary Marco Rubio met JD Vance."


def test_processes_give_the_same_results_in_order(corrector: Corrector) -> None:
    texts = TEXTS * 9
    one = list(correct_many(texts, corrector=corrector))
    two = list(correct_many(texts, corrector=corrector, jobs=2, chunksize=2))
    assert two == one
    assert [result.original for result in two] == texts


def test_min_confidence_is_passed_on(corrector: Corrector) -> None:
    texts = ["Later Hegseht left with Pete Hegseth."] * 6
    loose = list(correct_many(texts, corrector=corrector, min_confidence=0.0, jobs=2, chunksize=2))
    strict = list(correct_many(texts, corrector=corrector, min_confidence=0.99, jobs=2, chunksize=2))
    assert all(result.fixes for result in loose)
    assert all(fix.confidence >= 0.99 for result in strict for fix in result.fixes)
    assert strict == [corrector.correct(text, min_confidence=0.99) for text in texts]


@pytest.mark.parametrize("jobs", [1, 2])
def test_lazy_on_an_endless_input(corrector: Corrector, jobs: int) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"Report {i}: Marcorubio spoke."

    results = correct_many(endless(), corrector=corrector, jobs=jobs, chunksize=4)
    first = list(itertools.islice(results, 10))
    results.close()  # type: ignore[attr-defined]
    assert [result.text for result in first] == [f"Report {i}: Marco Rubio spoke." for i in range(10)]
    assert consumed <= 10 + 4 * (2 * jobs + 2)  # a bounded read-ahead, never the whole input


@pytest.mark.parametrize("jobs", [1, 2])
def test_non_str_item_raises_with_its_position_after_earlier_results(corrector: Corrector, jobs: int) -> None:
    texts: list[object] = [*TEXTS, "jd vance", 42, "never reached"]
    seen = []
    with pytest.raises(TypeError, match="item 6 of texts is int, not str"):
        for result in correct_many(texts, corrector=corrector, jobs=jobs, chunksize=2):  # type: ignore[arg-type]
            seen.append(result.text)
    assert seen == [corrector.correct(text).text for text in [*TEXTS, "jd vance"]]


def test_a_failing_input_keeps_what_came_before(corrector: Corrector) -> None:
    def failing() -> Iterator[str]:
        yield from ["Marcorubio"] * 7
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in correct_many(failing(), corrector=corrector, jobs=2, chunksize=3):
            seen.append(result.text)
    assert seen == ["Marco Rubio"] * 7


def test_the_corrector_is_pickled_once_not_per_task(
    corrector: Corrector, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    reduce = Corrector.__reduce__

    def counting(self: Corrector) -> tuple[object, ...]:
        nonlocal calls
        calls += 1
        return reduce(self)

    monkeypatch.setattr(Corrector, "__reduce__", counting)
    results = list(correct_many(TEXTS * 8, corrector=corrector, jobs=2, chunksize=1))
    assert len(results) == 40
    assert calls == 1


def test_small_inputs_and_empty_input(corrector: Corrector) -> None:
    assert list(correct_many([], corrector=corrector, jobs=2)) == []
    assert [r.text for r in correct_many(iter(["jd vance"]), corrector=corrector, jobs=4)] == ["JD Vance"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"jobs": 0}, ValueError),
        ({"jobs": 1.5}, ValueError),
        ({"chunksize": 0}, ValueError),
        ({"min_confidence": 2}, ValueError),
        ({"corrector": "mini.yaml"}, TypeError),
    ],
)
def test_bad_arguments_fail_at_once(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        correct_many(["text"], **kwargs)  # type: ignore[arg-type]


def test_pandas_column(corrector: Corrector) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    frame["fixed"] = [result.text for result in correct_many(frame["text"], corrector=corrector)]
    assert frame.loc[0, "fixed"] == "Secretary Marco Rubio met JD Vance."
    mapped = frame["text"].map(lambda text: corrector.correct(text).text)
    assert list(mapped) == list(frame["fixed"])


@pytest.mark.slow
def test_default_corrector_is_the_bundled_one() -> None:
    [result] = correct_many(["Secretary of State Marcorubio"])
    assert result == namefix.correct("Secretary of State Marcorubio")

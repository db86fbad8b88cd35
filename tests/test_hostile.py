"""Hostile and odd input: every str is handled, anything else is refused, and time and memory
grow no faster than the input.

Timing tests compare the same input at 1x and 8x in one run (a ratio, never an absolute
limit): linear growth gives about 8, quadratic growth 64; they fail above 16.
"""

from __future__ import annotations

import gc
import random
import time
import tracemalloc
from collections.abc import Callable

import pytest

import namefix

from .conftest import MINI

SIZE_RATIO_LIMIT = 16


@pytest.fixture
def fresh_mini() -> namefix.Corrector:
    """A mini corrector of its own: its memos start empty and nothing else fills them."""
    return namefix.Corrector(MINI, include_default=False)


def assert_consistent(text: str, result: namefix.Correction) -> None:
    """Offsets match the text and the fixes replay to the output (cheap enough for 10 MB)."""
    assert result.original is text or result.original == text
    assert all(text[fix.start : fix.end] == fix.original for fix in result.fixes)
    growth = sum(len(fix.replacement) - (fix.end - fix.start) for fix in result.fixes)
    assert len(result.text) == len(text) + growth
    assert namefix.apply_fixes(text, result.fixes) == result.text


# --------------------------------------------------------------------------------------
# Inputs that carry nothing to fix


@pytest.mark.parametrize(
    "text", ["", " ", "\n", "\t\r\n", "\u00a0\u2003\u3000", "\n" * 10_000, " " * 100_000]
)
def test_empty_and_whitespace_only_input_is_returned_as_is(
    mini_corrector: namefix.Corrector, bundled: namefix.Corrector, text: str
) -> None:
    for corrector in (mini_corrector, bundled):
        result = corrector.correct(text)
        assert result.text == text and result.fixes == ()
        assert not result and str(result) == text


def news_document(size: int, seed: int = 1) -> str:
    """At least `size` characters of varied news sentences; about one in twelve carries a
    garbled name of the mini gazetteer (so fixes of one entity stay a small share)."""
    rng = random.Random(seed)
    subjects = ["The minister", "A spokesman", "Officials in Bremen", "The committee", "Analysts"]
    verbs = ["said", "warned", "argued", "confirmed", "denied", "suggested"]
    objects = [
        "the talks would resume next week",
        "the budget was not final",
        "spending on defence would rise by {n} percent",
        "the agreement covered {n} separate items",
        "nothing had been decided about the {n} troops",
    ]
    names = [
        "Pete Hegseth",
        "Marco Rubio",
        "JD Vance",
        "Volodymyr Zelenskyy",
        "NATO",
        "Ukraine",
        "Mike Waltz",
    ]
    garbles = ["Pete Hegses", "Marcorubio", "jd vance", "Volodmia Zelensky", "NATOsecurity", "Mike Waltzz"]
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = (
            f"{rng.choice(subjects)} {rng.choice(verbs)} on day {rng.randrange(1, 400)} that "
            f"{rng.choice(objects).format(n=rng.randrange(2, 90))}, according to {rng.choice(names)}."
        )
        if rng.random() < 1 / 12:
            sentence = sentence.replace("according to", f"after talks with {rng.choice(garbles)} and")
        parts.append(sentence)
        parts.append("\n" if rng.random() < 0.2 else " ")
        length += len(sentence) + 1
    return "".join(parts)


@pytest.mark.slow
def test_a_ten_megabyte_document(mini_corrector: namefix.Corrector) -> None:
    text = news_document(10 * 2**20)
    result = mini_corrector.correct(text)
    assert_consistent(text, result)
    assert len(text) >= 10 * 2**20
    assert len(result.fixes) > 1000
    assert "Marco Rubio" in result.text and "Marcorubio" not in result.text


ONE_MEGABYTE_TOKENS: dict[str, Callable[[], str]] = {
    "lower": lambda: "a" * 2**20,
    "repeated-name": lambda: "Hegseth" * (2**20 // 7),
    "upper": lambda: "X" * 2**20,
    "mixed-case": lambda: "".join(random.Random(2).choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", k=2**20)),
    "cyrillic": lambda: "Ж" * 2**20,
    "url": lambda: "https://example.com/" + "a/" * 2**19,
}


@pytest.mark.parametrize("kind", list(ONE_MEGABYTE_TOKENS))
def test_a_single_one_megabyte_token(mini_corrector: namefix.Corrector, kind: str) -> None:
    token = ONE_MEGABYTE_TOKENS[kind]()
    text = f"Secretary Marcorubio said {token} was garbage."
    result = mini_corrector.correct(text)
    assert_consistent(text, result)
    assert result.text.startswith("Secretary Marco Rubio said ")
    assert token in result.text


def test_a_single_one_megabyte_token_with_the_bundled_gazetteer(bundled: namefix.Corrector) -> None:
    text = "Hegseth" * (2**20 // 7)
    assert bundled.correct(text).text == text


def test_a_hundred_thousand_capitalised_words_in_a_row(mini_corrector: namefix.Corrector) -> None:
    """A title-case run (a table, a headline list) of known words and names, with the
    garbles kept rare: a run of many unknown words is the quadratic case below."""
    rng = random.Random(3)
    words = ["The", "Senate", "House", "Committee", "Report", "Federal", "National", "Union", "Court"]
    words += ["Office", "Bremen", "Ukraine"]
    names = ["Pete Hegseth", "Marco Rubio", "Mike Waltz", "Donald Trump"]
    run = []
    for i in range(100_000):
        run.append("Marcorubio" if i % 10_000 == 5_000 else rng.choice(words + names))
    text = " ".join(run) + "."
    result = mini_corrector.correct(text)
    assert_consistent(text, result)
    assert result.text.count("Marco Rubio") >= text.count("Marcorubio")


# --------------------------------------------------------------------------------------
# Odd characters


ODD_TEXTS = {
    "cyrillic": ("Президент Volodmia Zelensky встретился с Marcorubio в Брюсселе.", ["Marco Rubio"]),
    "arabic": ("التقى Marcorubio مع Pete Hegses في الرياض يوم الثلاثاء.", ["Marco Rubio"]),
    "cjk": ("国务卿 Marcorubio 和 Pete Hegseth 周二在华盛顿会面。", ["Marco Rubio"]),
    "cjk-glued": ("国务卿Marcorubio和国防部长Pete Hegses周二在华盛顿会面。", []),
    "mixed-in-word": ("Marcoрубио and Hegsesの met.", []),
    "combining": ("Pete He\u0301gses and Marco\u0308rubio met Zelen\u0301sky.", []),
    "zero-width": ("Pete\u200b Hegses met Marco\u200dRubio and Mar\u200ccorubio.", []),
    "bidi": ("\u202ePete Hegses\u202c met \u2067Marcorubio\u2069 in \u200fKyiv.", []),
    "nul": ("Pete Hegses\x00 met\x00Marcorubio\x00\x00.", []),
    "bom-and-separators": ("\ufeffPete Hegses\u2028met Marcorubio\u2029today.", []),
    "control-characters": ("\x1b[31mPete Hegses\x1b[0m met \x07Marcorubio\x7f.", []),
    "fullwidth": ("Ｐｅｔｅ Ｈｅｇｓｅｓ met Marcorubio.", ["Marco Rubio"]),
    "private-use": ("\ue000Pete Hegses\uf8ff met Marcorubio \U0010fffd.", []),
    "emoji": ("Pete Hegses 👍🏽 met Marcorubio 🇺🇦 in Kyiv 👨\u200d👩\u200d👧.", ["Marco Rubio"]),
}


@pytest.mark.parametrize("name", list(ODD_TEXTS))
def test_mixed_scripts_and_control_characters(bundled: namefix.Corrector, name: str) -> None:
    text, expected = ODD_TEXTS[name]
    result = bundled.correct(text)
    assert_consistent(text, result)
    for spelling in expected:
        assert spelling in result.text, result.explain()


def test_lone_surrogates_from_undecodable_bytes(bundled: namefix.Corrector) -> None:
    raw = b"\xff\xfeSecretary Marcorubio\xed\xa0\x80 met Pete Hegses \xc3( in Bremen\x80."
    text = raw.decode("utf-8", "surrogateescape")
    result = bundled.correct(text)
    assert_consistent(text, result)
    assert "Marco Rubio" in result.text
    # the undecodable bytes come back exactly as they were
    encoded = result.text.encode("utf-8", "surrogateescape")
    assert encoded.startswith(b"\xff\xfeSecretary Marco Rubio\xed\xa0\x80 met ")
    assert encoded.endswith(b" \xc3( in Bremen\x80.")


def test_every_lone_surrogate(mini_corrector: namefix.Corrector) -> None:
    text = "Marcorubio " + "".join(chr(code) for code in range(0xD800, 0xE000)) + " Marcorubio"
    result = mini_corrector.correct(text)
    assert_consistent(text, result)
    assert result.text.count("Marco Rubio") == 2


# --------------------------------------------------------------------------------------
# Arguments that are not text


NOT_TEXT = [b"Marcorubio", bytearray(b"x"), None, 42, 4.2, ["Marcorubio"], ("x",), {"x": 1}, memoryview(b"x")]


@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda value: type(value).__name__)
def test_non_text_arguments_raise_type_error(mini_corrector: namefix.Corrector, value: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: namefix.correct(value),  # type: ignore[arg-type]
        lambda: mini_corrector.correct(value),  # type: ignore[arg-type]
        lambda: namefix.lookup(value),  # type: ignore[arg-type]
        lambda: mini_corrector.lookup(value),  # type: ignore[arg-type]
        lambda: mini_corrector.gazetteer.lookup(value),  # type: ignore[arg-type]
        lambda: namefix.apply_fixes(value, []),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()


class TextLike(str):
    """A str subclass is a str: it is accepted."""


def test_str_subclasses_are_accepted(mini_corrector: namefix.Corrector) -> None:
    assert mini_corrector.correct(TextLike("Secretary Marcorubio")).text == "Secretary Marco Rubio"


@pytest.mark.parametrize(
    "threshold", [-1, 2, -0.0001, 1.0001, float("nan"), float("inf"), "x", "0.5", True, False, None]
)
def test_bad_min_confidence_is_refused(
    mini_corrector: namefix.Corrector, bundled: namefix.Corrector, threshold: object
) -> None:
    if threshold is None:  # None means "the default", not an error
        assert mini_corrector.correct("Marcorubio", min_confidence=threshold).text == "Marco Rubio"
        return
    calls: list[Callable[[], object]] = [
        lambda: mini_corrector.correct("Marcorubio", min_confidence=threshold),  # type: ignore[arg-type]
        lambda: namefix.correct("Marcorubio", min_confidence=threshold),  # type: ignore[arg-type]
        lambda: namefix.Corrector(mini_corrector.gazetteer, min_confidence=threshold),  # type: ignore[arg-type]
        lambda: namefix.Config(min_confidence=threshold),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises((ValueError, TypeError)):
            call()


# --------------------------------------------------------------------------------------
# Time and memory


def best_time(corrector: namefix.Corrector, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        corrector.correct(text)
        best = min(best, time.perf_counter() - started)
    return best


def size_ratio(corrector: namefix.Corrector, small: str, large: str, large_repeats: int = 3) -> float:
    """Time of `large` over time of `small`, each the best of a few runs after a warm-up
    (the best run is the one least disturbed by the rest of the machine)."""
    corrector.correct(small)
    corrector.correct(large)
    return best_time(corrector, large, large_repeats) / best_time(corrector, small, 3)


def news_like(repeats: int) -> str:
    """News text with a garble or two per paragraph, `repeats` paragraphs long (~300 bytes each)."""
    paragraph = (
        "Defense Secretary Pete Hegses met Marcorubio in Bremen on Tuesday, officials said. "
        "The talks with President Volodymyr Zelenskyy covered NATO spending, 42 other items "
        "and a plan that the Wall Street Journal first reported last month.\n"
    )
    variants = [paragraph.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")]
    return "".join(variants[i % 3] for i in range(repeats))


def test_time_grows_linearly_with_the_mini_gazetteer(fresh_mini: namefix.Corrector) -> None:
    ratio = size_ratio(fresh_mini, news_like(20), news_like(160))
    assert ratio < SIZE_RATIO_LIMIT, f"8x the input took {ratio:.1f}x the time"


def test_time_grows_linearly_with_the_bundled_gazetteer(bundled: namefix.Corrector) -> None:
    ratio = size_ratio(bundled, news_like(10), news_like(80))
    assert ratio < SIZE_RATIO_LIMIT, f"8x the input took {ratio:.1f}x the time"


def test_time_grows_linearly_with_clean_text(fresh_mini: namefix.Corrector) -> None:
    clean = news_document(40_000).replace("Marcorubio", "Marco Rubio")
    ratio = size_ratio(fresh_mini, clean, clean * 8)
    assert ratio < SIZE_RATIO_LIMIT, f"8x the input took {ratio:.1f}x the time"


def test_time_grows_linearly_with_many_fixes_of_one_name(fresh_mini: namefix.Corrector) -> None:
    small = "jd vance, " * 700
    ratio = size_ratio(fresh_mini, small, small * 8, large_repeats=2)
    assert ratio < SIZE_RATIO_LIMIT, f"8x the input took {ratio:.1f}x the time"


def test_time_grows_linearly_in_a_run_of_unknown_capitalised_words(fresh_mini: namefix.Corrector) -> None:
    small = "Kalabo Dorvin Tesmar Hegses Wubrin " * 100
    ratio = size_ratio(fresh_mini, small, small * 8, large_repeats=2)
    assert ratio < SIZE_RATIO_LIMIT, f"8x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize("which", ["mini", "bundled"])
def test_memory_does_not_grow_with_repeated_calls(which: str, request: pytest.FixtureRequest) -> None:
    """Memory held after the first few calls (memos filled) stays put over the next 25."""
    if which == "mini":
        corrector = namefix.Corrector(MINI, include_default=False)
    else:
        corrector = namefix.Corrector(request.getfixturevalue("bundled").gazetteer)
    text = news_document(50_000)
    checkpoints = {4: 0, 16: 0, 29: 0}
    tracemalloc.start()
    try:
        for call in range(30):
            corrector.correct(text)
            if call in checkpoints:
                gc.collect()
                checkpoints[call] = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    settled, middle, last = checkpoints.values()
    assert last - settled < 256 * 1024, f"memory kept climbing: {checkpoints}"
    assert middle - settled < 256 * 1024, f"memory kept climbing: {checkpoints}"

"""Invariants of `correct` on any text: offsets, replay, order, determinism, idempotence.

Two kinds of input: arbitrary Unicode (every category, lone surrogates, combining marks,
zero-width and bidi controls, NUL), and news-style sentences about real people and places
with random damage (letters dropped, swapped, inserted, case lost, a space removed, OCR
confusions), which is what makes the engine actually propose fixes.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import namefix
from namefix.results import KINDS

from .conftest import MINI

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never flips on a lucky draw
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# --------------------------------------------------------------------------------------
# Inputs

#: People with the title news text puts before them, and places.
PEOPLE = [
    "Defense Secretary Pete Hegseth",
    "President Volodymyr Zelenskyy",
    "Marco Rubio",
    "Vice President JD Vance",
    "Polish Defence Minister Władysław Kosiniak-Kamysz",
    "National Security Adviser Mike Waltz",
    "Prime Minister Keir Starmer",
    "German Chancellor Friedrich Merz",
    "French President Emmanuel Macron",
    "Israeli Prime Minister Benjamin Netanyahu",
    "Minnesota Governor Tim Walz",
    "Polish Prime Minister Donald Tusk",
    "President Donald Trump",
    "Commission President Ursula von der Leyen",
    "Russian President Vladimir Putin",
    "NATO Secretary General Mark Rutte",
    "envoy Steve Witkoff",
    "Turkish President Recep Tayyip Erdoğan",
    "Brazilian President Luiz Inácio Lula da Silva",
    "Saudi Crown Prince Mohammed bin Salman",
]
PLACES = ["Kyiv", "Brussels", "Warsaw", "Geneva", "Riyadh", "Istanbul", "Łódź", "Kharkiv", "Washington"]
TEMPLATES = [
    "{person} said on Tuesday that talks would resume in {place} next week.",
    "In a statement, {person} told reporters the agreement was not yet final.",
    "{person} met {other} in {place} on Thursday, according to two officials.",
    "Asked about the ceasefire, {person} declined to comment.",
    "“We will not give up,” {person} said after arriving in {place}.",
    "The talks, hosted by {person}, ended without a joint communiqué.",
    "Officials close to {other} said {person} had been briefed on the plan.",
    "{person}'s office confirmed the call with {other} late on Monday.",
]

LETTERS = "abcdefghijklmnopqrstuvwxyz"
OCR_CONFUSIONS = [("m", "rn"), ("d", "cl"), ("w", "vv"), ("O", "0"), ("l", "1"), ("I", "l")]


def damage(name: str, operation: str, where: int, letter: str) -> str:
    """`name` with one kind of damage applied at (a position derived from) `where`."""
    if not name:
        return name
    at = where % len(name)
    if operation == "drop":
        return name[:at] + name[at + 1 :]
    if operation == "swap" and at + 1 < len(name):
        return name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    if operation == "insert":
        return name[:at] + letter + name[at:]
    if operation == "double":
        return name[:at] + name[at] + name[at:]
    if operation == "lower":
        return name.lower()
    if operation == "join":
        spaces = [i for i, char in enumerate(name) if char == " "]
        if spaces:
            cut = spaces[where % len(spaces)]
            return name[:cut] + name[cut + 1 :]
    if operation == "ocr":
        for wrong, read in OCR_CONFUSIONS[where % len(OCR_CONFUSIONS) :] + OCR_CONFUSIONS:
            if wrong in name:
                return name.replace(wrong, read, 1)
    return name


OPERATIONS = ["drop", "swap", "insert", "double", "lower", "join", "ocr"]
damages = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 10_000), st.sampled_from(LETTERS)), max_size=3
)


@st.composite
def damaged_sentences(draw: st.DrawFn) -> str:
    """One to three news sentences whose names carry random damage."""
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        template = draw(st.sampled_from(TEMPLATES))
        person, other = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(PEOPLE))
        for operation, where, letter in draw(damages):
            person = damage(person, operation, where, letter)
        for operation, where, letter in draw(damages):
            other = damage(other, operation, where, letter)
        sentences.append(template.format(person=person, other=other, place=draw(st.sampled_from(PLACES))))
    return draw(st.sampled_from([" ", "\n", "\n\n", "  "])).join(sentences)


#: Characters that break naive tokenisers: combining marks, zero-width and bidi controls,
#: NUL, BOM, line and paragraph separators, a lone surrogate.
ODD_CHARACTERS = [
    "\u0301", "\u0308", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d",
    "\u200f", "\u2066", "\u2069", "\x00", "\u2028", "\u2029", "\r", "\t", "\udcff",
]  # fmt: skip
NAME_PIECES = ["Pete Hegses", "Marcorubio", "jd vance", "Zelensky", "NATOsecurity", "Kosiniak", "Bremen", " "]
any_text = st.one_of(
    st.text(),
    st.text(st.characters(categories=["Cs", "Mn", "Cf", "Cc", "Lu", "Ll", "Zs"])),
    st.binary().map(lambda data: data.decode("utf-8", "surrogateescape")),
    st.lists(st.one_of(st.sampled_from(ODD_CHARACTERS + NAME_PIECES), st.text(max_size=4))).map("".join),
)


def deterministic_texts(count: int, seed: int = 20250601) -> list[str]:
    """A fixed list of damaged sentences, the same in every process."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        person, other = rng.choice(PEOPLE), rng.choice(PEOPLE)
        for _ in range(rng.randint(0, 2)):
            person = damage(person, rng.choice(OPERATIONS), rng.randrange(10_000), rng.choice(LETTERS))
        texts.append(rng.choice(TEMPLATES).format(person=person, other=other, place=rng.choice(PLACES)))
    return texts


# --------------------------------------------------------------------------------------
# The invariants


def assert_well_formed(text: str, result: namefix.Correction) -> None:
    """Everything a caller may rely on in any `Correction`."""
    assert result.original == text
    previous_end = 0
    for fix in result.fixes:
        assert 0 <= fix.start <= fix.end <= len(text), f"{fix} is outside the text"
        assert fix.original == text[fix.start : fix.end], f"{fix} does not match its span"
        assert fix.start >= previous_end, f"{fix} overlaps or precedes the fix before it"
        assert 0.0 <= fix.confidence <= 1.0, f"{fix} has a confidence outside [0, 1]"
        assert fix.replacement != fix.original, f"{fix} changes nothing"
        assert isinstance(fix.reason, namefix.Reason) and fix.entity.kind in KINDS
        previous_end = fix.end
    assert namefix.apply_fixes(text, result.fixes) == result.text
    assert_untouched_outside_fixes(text, result)


def assert_untouched_outside_fixes(text: str, result: namefix.Correction) -> None:
    """Walk both texts: every character between fixes is the same, byte for byte."""
    source = target = 0
    for fix in (*result.fixes, None):
        stop = len(text) if fix is None else fix.start
        gap = text[source:stop].encode("utf-8", "surrogatepass")
        written = result.text[target : target + stop - source].encode("utf-8", "surrogatepass")
        assert written == gap, f"text between fixes changed near offset {source}"
        target += stop - source
        if fix is not None:
            assert result.text[target : target + len(fix.replacement)] == fix.replacement
            target += len(fix.replacement)
            source = fix.end
    assert target == len(result.text)


# --------------------------------------------------------------------------------------
# Tests


@PROPERTY_SETTINGS
@given(text=any_text)
def test_any_text_gives_a_well_formed_correction(mini_corrector: namefix.Corrector, text: str) -> None:
    result = mini_corrector.correct(text)
    assert_well_formed(text, result)
    assert mini_corrector.correct(text) == result


@PROPERTY_SETTINGS
@given(text=any_text)
def test_any_text_with_the_bundled_gazetteer(bundled: namefix.Corrector, text: str) -> None:
    assert_well_formed(text, bundled.correct(text))


@PROPERTY_SETTINGS
@given(text=damaged_sentences())
def test_damaged_sentences_give_a_well_formed_correction(bundled: namefix.Corrector, text: str) -> None:
    result = bundled.correct(text)
    assert_well_formed(text, result)
    assert bundled.correct(text) == result, "the same input gave a different output"


percentages = st.integers(0, 100).map(lambda percent: percent / 100)


@PROPERTY_SETTINGS
@given(text=damaged_sentences(), threshold=percentages)
def test_every_fix_kept_reaches_the_threshold(
    bundled: namefix.Corrector, text: str, threshold: float
) -> None:
    """Thresholds in steps of 0.01 (see the two tests below for the rest)."""
    result = bundled.correct(text, min_confidence=threshold)
    assert_well_formed(text, result)
    assert all(fix.confidence >= threshold for fix in result.fixes), result.explain()


@PROPERTY_SETTINGS
@given(text=damaged_sentences(), threshold=st.floats(0.0, 1.0))
@example(
    text="VicePresident JD Vance said on Tuesday that talks would resume in Kyiv next week.", threshold=1e-300
)
def test_every_fix_kept_reaches_any_float_threshold(
    bundled: namefix.Corrector, text: str, threshold: float
) -> None:
    result = bundled.correct(text, min_confidence=threshold)
    assert all(fix.confidence >= threshold for fix in result.fixes), result.explain()


@PROPERTY_SETTINGS
@given(text=damaged_sentences(), threshold=percentages)
@example(
    text="Officials close to Defense Secretary Pete Hegseth said Maco Ruybio had been briefed on the plan.",
    threshold=0.52,
)
@example(
    text="saudi crown prince mohammed bin sallman met Turkish President Recep Tayyip Erdoğan in Riyadh "
    "on Thursday, according to two officials.",
    threshold=0.9,
)
def test_rethresholding_agrees_with_correcting_at_the_threshold(
    bundled: namefix.Corrector, text: str, threshold: float
) -> None:
    """`Correction.above` exists so callers can re-threshold without matching again."""
    loose = bundled.correct(text, min_confidence=0.0)
    assert bundled.correct(text, min_confidence=threshold) == loose.above(threshold)


#: Inputs on which a second pass still fixes something (found by the test below).
# Sentences where one fix changes what its neighbours are: the corrector reads the text again
# with its fixes applied, until nothing new is fixed, so that one call does what two would.
REREAD = [
    # splitting "PresidentUrsula" makes "Cmission" a word before a title (it is then read as the
    # place Mission, which is wrong: "Commission" is no entity; but every call reads it the same)
    "Cmission PresidentUrsula von der Leyen said on Tuesday that talks would resume in Kyiv next week.",
    # the garbled surname and the glued title
    "In a statement, PresidentDonald Trhump told reporters the agreement was not yet final.",
    "“We will not give up,” minnesota governor timw alz said after arriving in Brussels.",
    # "Vladimir Putin" fixed is context for the word before the title
    "Asked about the ceasefire, Russina President Vluadimir Putin declined to comment.",
    # a chain: "Prince" then "Salman", and only then "Sudi"
    "Defense Secretary Pete Hegseth met Sudi Crown Pirnce Mohammed bin Slman in Kyiv on Thursday, "
    "according to two officials.",
    # "TayyipErdoğan" fixed on its own; "Rcep" must still be fixed beside it
    "Turkish President Rcep TayyipErdoğan said on Tuesday that talks would resume in Kyiv next week.",
]


@PROPERTY_SETTINGS
@given(text=damaged_sentences())
@example(text=REREAD[0])
@example(text=REREAD[1])
@example(text=REREAD[2])
@example(text=REREAD[3])
@example(text=REREAD[4])
@example(text=REREAD[5])
def test_correcting_twice_changes_nothing_more(bundled: namefix.Corrector, text: str) -> None:
    once = bundled.correct(text)
    twice = bundled.correct(once.text)
    assert not twice.fixes, (
        f"not idempotent: {text!r}\n -> {once.text!r}\n -> {twice.text!r}\n{twice.explain()}"
    )


def test_a_fix_that_only_a_second_reading_finds_is_made_in_one_call(bundled: namefix.Corrector) -> None:
    result = bundled.correct(REREAD[5])
    assert result.text.startswith("Turkish President Recep Tayyip Erdoğan said")
    # both broken words are fixed, as two fixes or as one over both
    assert " ".join(fix.original for fix in result.fixes) == "Rcep TayyipErdoğan"


@PROPERTY_SETTINGS
@given(text=any_text)
@example(text="PETE 0EST:PETE HEGS")
@example(text="BREMN;jd vanceBREMEN")  # the case fix touches the split glue: one fix over both
def test_correcting_twice_changes_nothing_more_on_any_text(
    mini_corrector: namefix.Corrector, text: str
) -> None:
    once = mini_corrector.correct(text)
    twice = mini_corrector.correct(once.text)
    assert not twice.fixes, f"not idempotent: {text!r} -> {once.text!r} -> {twice.text!r}"


def fix_rows(fixes: tuple[namefix.Fix, ...]) -> list[list[object]]:
    """Fixes as JSON-able rows (the child process below writes the same)."""
    return [[f.start, f.end, f.replacement, f.confidence, f.entity.id, str(f.reason)] for f in fixes]


_DUMP_SCRIPT = """
import json, sys
import namefix
def fix_rows(fixes):
    return [[f.start, f.end, f.replacement, f.confidence, f.entity.id, str(f.reason)] for f in fixes]
texts = json.load(sys.stdin)
json.dump([fix_rows(namefix.correct(text).fixes) for text in texts], sys.stdout)
"""


def test_same_output_across_processes_and_hash_seeds(bundled: namefix.Corrector) -> None:
    texts = deterministic_texts(150)

    def run(seed: str) -> object:
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        finished = subprocess.run(
            [sys.executable, "-c", _DUMP_SCRIPT],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=environment,
            timeout=300,
            check=True,
        )
        return json.loads(finished.stdout)

    first, second = run("1"), run("2")
    assert first == second
    here = [fix_rows(bundled.correct(text).fixes) for text in texts]
    assert here == first
    assert sum(map(len, first)) > 20, "the texts should give the engine something to fix"


@pytest.mark.parametrize("which", ["mini", "bundled"])
def test_threads_sharing_a_corrector_agree_with_one_thread(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Four threads on one fresh corrector over a fresh index (cold memos, so the threads race
    to fill them) give what one thread gives."""
    files = [MINI] if which == "mini" else request.getfixturevalue("bundled").gazetteer.files

    def fresh() -> namefix.Corrector:
        return namefix.Corrector(namefix.Gazetteer(files))

    texts = deterministic_texts(200, seed=7) * 3
    alone = fresh()
    sequential = [alone.correct(text) for text in texts]
    shared = fresh()
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(shared.correct, texts))
    assert concurrent == sequential

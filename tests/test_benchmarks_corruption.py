"""Each error model is seeded and produces its own kind of error."""

from __future__ import annotations

import random
import re

import pytest
from rapidfuzz.distance import OSA

from benchmarks.corruption import (
    ERROR_MODELS,
    OCR_CONFUSIONS,
    accents_dropped,
    case_loss,
    first_name_garbled,
    joined,
    keyboard_typo,
    machine_translation,
    ocr_confusion,
    phonetic_respelling,
    phonetic_variants,
    seeded,
    speech_to_text,
)

NAMES = [
    "Pete Hegseth",
    "Volodymyr Zelensky",
    "Marco Rubio",
    "Massachusetts",
    "Władysław Kosiniak-Kamysz",
    "Philadelphia",
    "Cartesian",
    "Benjamin Netanyahu",
]
SEEDS = range(25)
TEXT = "In an interview with the Wall Street Journal Vance said the option remained."
VANCE = (TEXT.index("Vance"), TEXT.index("Vance") + len("Vance"))


@pytest.mark.parametrize("model", ERROR_MODELS, ids=lambda m: m.name)
def test_same_seed_same_output(model) -> None:
    for seed in SEEDS:
        first = model.corrupt(TEXT, *VANCE, seeded(seed, model.name))
        again = model.corrupt(TEXT, *VANCE, seeded(seed, model.name))
        assert first == again


@pytest.mark.parametrize("model", ERROR_MODELS, ids=lambda m: m.name)
def test_models_change_something_or_decline(model) -> None:
    for name in NAMES:
        text = f"Yesterday {name} spoke."
        start = text.index(name)
        for seed in SEEDS:
            result = model.corrupt(text, start, start + len(name), random.Random(seed))
            if result is not None:
                assert result.corrupted != text[result.start : result.end]


def _outputs(model, name: str) -> list[str]:
    found = [model(name, random.Random(seed)) for seed in SEEDS]
    return [f for f in found if f is not None]


@pytest.mark.parametrize("name", NAMES)
def test_keyboard_typo_is_one_edit_away(name: str) -> None:
    outputs = _outputs(keyboard_typo, name)
    assert outputs
    assert all(OSA.distance(name, typo) == 1 for typo in outputs)


def test_phonetic_respelling_applies_one_rule() -> None:
    for name in ("Philadelphia", "Hegseth", "Massachusetts"):
        for respelled in _outputs(phonetic_respelling, name):
            assert respelled in phonetic_variants(name)
    assert "Filadelphia" in phonetic_variants("Philadelphia")
    assert "Hegset" in phonetic_variants("Hegseth")


def test_ocr_uses_a_confusion_pair() -> None:
    for name in NAMES:
        for misread in _outputs(ocr_confusion, name):
            assert any(
                name[: m.start()] + read + name[m.start() + len(printed) :] == misread
                for printed, read in OCR_CONFUSIONS
                for m in re.finditer(re.escape(printed), name)
            ), misread
    assert ocr_confusion("XYZ", random.Random(0)) is None


def test_case_loss_lower_cases() -> None:
    assert case_loss("JD Vance", random.Random(0)) == "jd vance"
    assert case_loss("jd vance", random.Random(0)) is None


def test_joined_removes_the_spaces() -> None:
    outputs = _outputs(joined, "Marco Rubio")
    assert set(outputs) == {"Marcorubio", "MarcoRubio"}
    assert joined("Hegseth", random.Random(0)) is None


def test_glued_runs_the_name_into_its_neighbour() -> None:
    glued = next(m for m in ERROR_MODELS if m.name == "glued")
    results = {glued.corrupt(TEXT, *VANCE, random.Random(seed)) for seed in SEEDS}
    spans = {(r.start, r.end, r.corrupted) for r in results if r}
    assert (TEXT.index("Journal"), VANCE[1], "JournalVance") in spans
    assert (VANCE[0], TEXT.index("said") + 4, "Vancesaid") in spans
    for start, end, corrupted in spans:
        assert " " not in corrupted and corrupted == TEXT[start:end].replace(" ", "")


def test_first_name_garbled_keeps_the_surname() -> None:
    for name in ("Volodymyr Zelensky", "Pete Hegseth", "Marco Rubio"):
        for garbled in _outputs(first_name_garbled, name):
            first, _, rest = garbled.partition(" ")
            assert rest == name.partition(" ")[2]
            assert first.lower() != name.partition(" ")[0].lower()
    assert first_name_garbled("Hegseth", random.Random(0)) is None


def test_speech_to_text_splits_joins_or_respells() -> None:
    for name in ("Volodymyr Zelensky", "Hyster-Yale", "Bernstein"):
        for heard in _outputs(speech_to_text, name):
            assert heard != name
            assert heard.count(" ") != name.count(" ") or heard.lower() != name.lower()


def test_machine_translation_truncates_and_respells() -> None:
    outputs = _outputs(machine_translation, "Pete Hegseth")
    assert outputs
    for garbled in outputs:
        assert garbled.lower() != "pete hegseth"
        pairs = zip(garbled.split(), ["Pete", "Hegseth"], strict=True)
        assert all(word[:2] == original[:2] for word, original in pairs)  # the start survives
    assert machine_translation("Ann", random.Random(0)) is None  # nothing long enough to truncate


def test_accents_dropped_is_plain_ascii() -> None:
    assert accents_dropped("Władysław Kosiniak-Kamysz") == "Wladyslaw Kosiniak-Kamysz"
    assert accents_dropped("Lech Wałęsa") == "Lech Walesa"
    assert accents_dropped("Marco Rubio") is None

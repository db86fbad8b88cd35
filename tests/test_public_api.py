"""The public surface: what `import namefix` promises, and how its values behave."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

import namefix
from namefix import Config, Correction, Corrector, Entity, Fix, Reason

from .conftest import MINI

TEXT = "Defense Secretary Pete Hegses met Marcorubio and jd vance in Bremen."


def test_everything_in_all_exists() -> None:
    assert len(set(namefix.__all__)) == len(namefix.__all__)
    for name in namefix.__all__:
        assert getattr(namefix, name) is not None, name
    for name in ("correct", "lookup", "apply_fixes", "Corrector", "Correction", "Fix", "Entity", "Config"):
        assert name in namefix.__all__
    assert issubclass(namefix.GazetteerError, namefix.NamefixError)
    assert issubclass(namefix.GazetteerError, ValueError)
    assert isinstance(namefix.__version__, str)


def test_importing_builds_nothing() -> None:
    """The default corrector is built on first use, never at import time."""
    script = "import namefix; print(namefix.default_corrector.cache_info().currsize)"
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert finished.stdout.strip() == "0"


def test_correction_prints_explains_and_rethresholds(mini_corrector: Corrector) -> None:
    result = mini_corrector.correct(TEXT, min_confidence=0.0)
    assert isinstance(result, Correction) and result
    assert str(result) == result.text and result.original == TEXT
    assert "Marco Rubio" in result.text and "JD Vance" in result.text
    lines = result.explain().splitlines()
    assert len(lines) == len(result.fixes)
    for line, fix in zip(lines, result.fixes, strict=True):
        assert repr(fix.original) in line and repr(fix.replacement) in line and str(fix.reason) in line
    confident = result.above(0.9)
    assert all(fix.confidence >= 0.9 for fix in confident.fixes)
    assert set(confident.fixes) <= set(result.fixes)
    assert confident.text == namefix.apply_fixes(TEXT, confident.fixes)
    nothing = result.above(1.0 + 1e-9)
    assert nothing.text == TEXT and not nothing and nothing.explain() == ""
    assert Correction("x", "x") == Correction("x", "x", ())


def test_fix_is_frozen_hashable_and_comparable(mini_corrector: Corrector) -> None:
    first = mini_corrector.correct(TEXT).fixes[0]
    assert isinstance(first, Fix) and isinstance(first.entity, Entity) and isinstance(first.reason, Reason)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.replacement = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.entity.name = "x"  # type: ignore[misc]
    copy = dataclasses.replace(first)
    assert copy == first and hash(copy) == hash(first) and len({first, copy}) == 1
    assert {first: 1}[copy] == 1
    assert dataclasses.replace(first, confidence=0.1) != first
    assert not hasattr(first, "__dict__")  # slotted
    assert str(first.reason) == first.reason.value and Reason(first.reason.value) is first.reason


def test_entity_reads_well(bundled: Corrector) -> None:
    entity = namefix.lookup("kyiv")
    assert entity is not None
    assert str(entity) == f"{entity.name} ({entity.kind}, {entity.id})"
    assert 0.0 <= entity.prominence <= 1.0


def test_corrector_pickles_and_gives_the_same_results(mini_corrector: Corrector, bundled: Corrector) -> None:
    texts = [TEXT, "Nothing here.", "Pete Hegseth spoke. Later Hegseht left.", ""]
    for corrector in (mini_corrector, Corrector(MINI, include_default=False, min_confidence=0.8), bundled):
        restored = pickle.loads(pickle.dumps(corrector))
        assert isinstance(restored, Corrector)
        assert restored.config == corrector.config
        assert [restored.correct(t) for t in texts] == [corrector.correct(t) for t in texts]


def test_results_pickle(mini_corrector: Corrector) -> None:
    result = mini_corrector.correct(TEXT)
    assert pickle.loads(pickle.dumps(result)) == result


def test_min_confidence_keeps_only_confident_fixes(bundled: Corrector) -> None:
    loose = namefix.correct(TEXT, min_confidence=0.0)
    strict = namefix.correct(TEXT, min_confidence=0.99)
    assert len(strict.fixes) < len(loose.fixes)
    assert all(fix.confidence >= 0.99 for fix in strict.fixes)
    assert strict.text == namefix.apply_fixes(TEXT, strict.fixes)
    default = namefix.correct(TEXT)
    assert all(fix.confidence >= Config().min_confidence for fix in default.fixes)
    assert default == bundled.correct(TEXT)


def test_config_defaults_validation_and_replace() -> None:
    config = Config()
    assert 0.0 <= config.min_confidence <= 1.0 and config.use_context and config.use_document
    assert config.kinds == frozenset(namefix.results.KINDS) and config.max_mention_words >= 1
    stricter = dataclasses.replace(config, min_confidence=0.97)
    assert stricter.min_confidence == 0.97 and stricter.kinds == config.kinds
    assert config == Config() and stricter != config  # replace makes a new object
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.min_confidence = 0.1  # type: ignore[misc]
    assert Config(kinds={"person"}).kinds == frozenset({"person"})  # any iterable becomes a frozenset
    assert hash(Config()) == hash(Config())
    bad = [
        {"min_confidence": 1.5},
        {"min_confidence": "high"},
        {"use_context": 1},
        {"use_document": "yes"},
        {"kinds": {"planet"}},
        {"max_mention_words": 0},
        {"max_mention_words": 2.5},
    ]
    for fields in bad:
        with pytest.raises((ValueError, TypeError)):
            Config(**fields)
        with pytest.raises((ValueError, TypeError)):
            dataclasses.replace(config, **fields)
    assert set(Config.field_names()) == {field.name for field in dataclasses.fields(Config)}


def test_config_reaches_the_corrector(mini_corrector: Corrector) -> None:
    people_only = Corrector(mini_corrector.gazetteer, config=Config(kinds={"person"}))
    assert people_only.correct("They met Marcorubio in Ukrain.").text == "They met Marco Rubio in Ukrain."
    assert mini_corrector.correct("They met Marcorubio in Ukrain.").text == "They met Marco Rubio in Ukraine."
    with pytest.raises(TypeError):
        Corrector(mini_corrector.gazetteer, config={"min_confidence": 0.5})  # type: ignore[arg-type]
    assert Corrector(mini_corrector.gazetteer, min_confidence=0.9).config.min_confidence == 0.9


def test_lookup_folds_spellings(bundled: Corrector) -> None:
    kyiv = namefix.lookup("Kyiv")
    assert kyiv is not None and kyiv.kind == "place"
    for spelling in ["kiev", "KIEV", "Kyiv", " kyiv "]:
        assert namefix.lookup(spelling) == kyiv, spelling
    assert namefix.lookup("lodz") == namefix.lookup("Łódź") is not None
    assert namefix.lookup("WLADYSLAW KOSINIAK KAMYSZ").name == "Władysław Kosiniak-Kamysz"
    assert bundled.lookup("Kiev") == kyiv
    assert namefix.lookup("nonexistentname xyz") is None
    assert namefix.lookup("") is None and namefix.lookup("   ") is None and namefix.lookup("!!!") is None


def test_kinds_limit_glued_fixes_too(mini_corrector: Corrector) -> None:
    people_only = Corrector(mini_corrector.gazetteer, config=Config(kinds={"person"}))
    result = people_only.correct("Leaders discussed NATOsecurity and Marcorubio.")
    assert {fix.entity.kind for fix in result.fixes} == {"person"}, result.explain()


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("Perth, AustraliaOn Monday the premier announced new limits.", "Australian Monday"),
        ("Analysts expect Agence France-Presseto raise its forecast.", "France-Presse raise"),
        ("President Emmanuel Macron spoke. Macronis expected in Bonn.", "Macron expected"),
    ],
)
def test_a_fix_never_loses_a_common_word(bundled: Corrector, text: str, lost: str) -> None:
    """A word glued on ("on", "to", "is") is split off or left, never cut away."""
    result = bundled.correct(text)
    assert lost not in result.text, result.explain()


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Born in England, he studied at the University of Cambridge. He got a Ph.D. in"
            " Linguistics from the University of Michga in 1961.",
            "Cambridge",
        ),
        (
            "She took her first degree at the University of Cambridge and her doctorate at the"
            " University of Helsines.",
            "Cambridge",
        ),
        ("Ministers agreed that NATis must guard the sea lanes and the pipelines.", "Nazis"),
    ],
)
def test_a_garble_is_not_read_as_another_name(bundled: Corrector, text: str, wrong: str) -> None:
    """A garble that neither looks nor sounds like "Cambridge" is left alone, however well the
    rest of the name ("University of") matches and however often the document names it; a
    word that begins with capitals is an acronym, not a name written without them."""
    result = bundled.correct(text)
    assert all(fix.replacement != wrong for fix in result.fixes), result.explain()

"""The systems as the benchmark sees them: peers on a tiny gazetteer, namefix's adapter,
evaluation and the report (no full benchmark run)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import namefix
from benchmarks import plots, report
from benchmarks.datasets import Dataset
from benchmarks.documents import Document, Gold
from benchmarks.evaluate import at_threshold, evaluate, pick_documents
from benchmarks.namefix_system import edit_from_fix
from benchmarks.names import GazetteerSetup, NameRecord
from benchmarks.peers import PEERS
from benchmarks.peers.rapidfuzz_scan import capitalised_runs
from benchmarks.peers.words import WordSystem, match_case, name_tokens
from benchmarks.system import Edit

RECORDS = [
    NameRecord("Q1", "Pete Hegseth", "person", ("Peter Hegseth",), 0.9),
    NameRecord("Q2", "Marco Rubio", "person", (), 0.9),
    NameRecord("Q3", "Kyiv", "place", ("Kiev",), 0.9),
]
SETUP = GazetteerSetup("tiny", (), True, RECORDS)
TEXT = "Defense Secretary Pete Hegses met Marco Rubyo in Kiev."


def peer(name: str):
    factory = next(f for f in PEERS if f.name == name)
    if factory.unavailable():
        pytest.skip(factory.unavailable())
    return factory


def test_match_case_and_name_tokens() -> None:
    assert match_case("Hegses", "hegseth") == "Hegseth"
    assert match_case("NATO", "nato") == "NATO"
    assert match_case("paris", "Paris") == "Paris"
    assert name_tokens(RECORDS) == {"Pete", "Peter", "Hegseth", "Marco", "Rubio", "Kyiv", "Kiev"}


def test_word_system_replaces_unknown_words_only() -> None:
    system = WordSystem("fake", {"Hegses": "Hegseth"}.get, 3, "")
    assert system.correct(TEXT) == [Edit(23, 29, "Hegses", "Hegseth")]


def test_capitalised_runs() -> None:
    spans = [TEXT[s:e] for s, e in capitalised_runs(TEXT)]
    assert spans == ["Defense Secretary Pete Hegses", "Marco Rubyo", "Kiev"]


def test_flashtext_rewrites_known_aliases_only() -> None:
    system = peer("flashtext").build(SETUP)
    assert [(e.original, e.replacement) for e in system.correct(TEXT)] == [("Kiev", "Kyiv")]


def test_rapidfuzz_fixes_close_capitalised_runs() -> None:
    system = peer("rapidfuzz").build(SETUP)
    assert [(e.original, e.replacement) for e in system.correct(TEXT)] == [("Marco Rubyo", "Marco Rubio")]


def test_hunspell_uses_the_names_as_a_personal_dictionary() -> None:
    system = peer("hunspell").build(SETUP)
    try:
        edits = system.correct(TEXT)
    finally:
        system.close()
    assert ("Hegses", "Hegseth") in {(e.original, e.replacement) for e in edits}
    assert all(TEXT[e.start : e.end] == e.original for e in edits)


def test_namefix_fixes_become_edits() -> None:
    entity = namefix.Entity("Q1", "Pete Hegseth", "person", "US", 0.9, "Pete Hegseth")
    fix = namefix.Fix(23, 29, "Hegses", "Hegseth", 0.8, entity, namefix.Reason.FUZZY)
    assert edit_from_fix(fix) == Edit(23, 29, "Hegses", "Hegseth", 0.8, "Q1", "Pete Hegseth", "fuzzy")


class Scripted:
    """A stand-in for namefix that returns fixed edits, for the evaluation and report tests."""

    name = "namefix"
    names_seen = 3
    detail = "test"

    def correct(self, text: str) -> list[Edit]:
        start = text.find("Hegses")
        return (
            [Edit(start, start + 6, "Hegses", "Hegseth", 0.9)]
            if start >= 0
            else [Edit(0, 1, text[0], "x", 0.3)]
        )

    def close(self) -> None:
        pass


def dataset() -> Dataset:
    broken = Document("b", TEXT, "person", golds=(Gold(23, 29, ("Hegseth",), "machine_translation"),))
    clean = Document("c", "A clean sentence.", "spelled right", clean=True)
    return Dataset("tiny", "Tiny", "tests", "CC0", SETUP, (broken, clean))


def test_evaluate_scores_at_the_threshold_and_keeps_the_curve() -> None:
    run = evaluate(dataset(), Scripted(), threshold=0.5, max_chars=None)
    assert (run.overall.right_fixes, run.overall.fixes, run.overall.clean_false_fixes) == (1, 1, 0)
    assert run.labelled == [(0.9, True), (0.3, False)]
    assert run.curve[0].fixes == 2 and run.ece == pytest.approx((0.1 + 0.3) / 2)
    assert at_threshold([Edit(0, 1, "a", "b", None)], 0.9) == [Edit(0, 1, "a", "b", None)]


def test_pick_documents_caps_text_with_a_seeded_sample() -> None:
    documents = [Document(str(n), "x" * 100, "g", clean=True) for n in range(10)]
    picked = pick_documents(documents, 350, "seed")
    assert len(picked) == 3 and picked == pick_documents(documents, 350, "seed")
    assert pick_documents(documents, None, "seed") == documents


def test_report_and_plots_render(tmp_path: Path) -> None:
    data = dataset()
    results = report.Results(
        machine={"date": "today", "platform": "test", "cpus": 2, "python": "3.11"},
        profile="test",
        namefix_version="0",
        threshold=0.5,
        datasets=[data],
        runs=[evaluate(data, Scripted(), threshold=0.5, max_chars=None)],
        build_seconds={},
        speed=None,
        notes=["a note"],
        seconds=1.0,
    )
    text = report.markdown(results, {})
    assert "| **namefix** | 100.0% | 100.0% | 100.0% |" in text and "a note" in text
    assert results.as_dict()["headline"]["namefix"]["precision"] == 1.0
    if importlib.util.find_spec("matplotlib"):
        figures = plots.draw_all(results, tmp_path)
        assert "Reliability diagram" in figures and (tmp_path / "pr_curve.png").is_file()


def test_the_command_line_maps_to_options(tmp_path: Path) -> None:
    from benchmarks.cli import parse
    from benchmarks.profiles import QUICK_RUN

    options = parse(
        ["--quick", "--data", str(tmp_path), "--only", "codespell", "speed", "--systems", "namefix"]
    )
    assert (
        options.profile is QUICK_RUN
        and options.sample == tmp_path.parent / "samples" / "garbled-news-article.txt"
    )
    assert options.wants("codespell") and not options.wants("gum_clean")
    assert options.systems == frozenset({"namefix"})
    assert parse(["--data", str(tmp_path)]).wants("earnings21")  # the full run has it, quick does not
    assert not parse(["--quick"]).wants("earnings21")

"""The benchmark's datasets: our annotation of the sample article, our sentences, the loaders."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from benchmarks.corruption import ERROR_MODELS, seeded
from benchmarks.datasets import marked, name_errors, sample_article
from benchmarks.datasets.corrupted import (
    Judge,
    Target,
    _role_title,
    break_names,
    most_named_person,
    swap_variants,
)
from benchmarks.datasets.gum import read as read_gum
from benchmarks.names import GazetteerSetup, NameIndex, NameRecord, fold, read_records, write_gazetteer
from benchmarks.sizes import FULL, label_of, sized_setup
from benchmarks.synthetic import synthetic_records
from benchmarks.templates import TEMPLATES, category_of

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
HEGSETH = NameRecord(
    "curated:person/pete-hegseth", "Pete Hegseth", "person", ("Peter Hegseth",), 0.9, "Pete Hegseth"
)
ZELENSKY = NameRecord(
    "Q3881", "Volodymyr Zelensky", "person", ("Volodymyr Zelenskyy", "Wolodymyr Selenskyj"), 0.95
)
KYIV = NameRecord("Q1899", "Kyiv", "place", ("Kiev", "Kyjiv"), 0.9, "Kyiv")
RECORDS = [HEGSETH, ZELENSKY, KYIV]
SETUP = GazetteerSetup("test", (), True, RECORDS)


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def test_annotation_is_well_formed() -> None:
    _, errors = sample_article.read_annotation()
    golds = [error.gold for error in errors]
    assert len(golds) == 16
    assert all(
        error.text and len(error.text) == g.end - g.start for error, g in zip(errors, golds, strict=True)
    )
    ordered = sorted(golds, key=lambda g: g.start)
    assert all(a.end < b.start for a, b in itertools.pairwise(ordered)), "spans overlap"


@pytest.mark.data
def test_annotation_offsets_match_the_article() -> None:
    text = shared("samples", "garbled-news-article.txt").read_text(encoding="utf-8")
    _, errors = sample_article.read_annotation()
    assert sample_article.check(text, errors) == []
    dataset = sample_article.load(shared("samples", "garbled-news-article.txt"), SETUP)
    assert dataset.notes == ()  # the article is the annotated version


def test_pairs_are_set_in_sentences_wrong_and_right(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "wrong\tright\tcategory\nHegses\tHegseth\tperson\nKeiv\tKyiv|Kiev\tplace\n", encoding="utf-8"
    )
    pairs = name_errors.read_pairs(path)
    assert pairs[1] == name_errors.Pair("Keiv", ("Kyiv", "Kiev"), "place")
    documents = name_errors.pair_documents("t", pairs, seed=1, per_pair=2, entity_of=lambda pair: None)
    broken = [d for d in documents if d.golds]
    right = [d for d in documents if d.clean]
    assert len(broken) == len(right) == 4
    for document in broken:
        gold = document.golds[0]
        assert document.text[gold.start : gold.end] in ("Hegses", "Keiv")
        assert document.group in ("person", "place")
    assert all("Hegses" not in d.text and "Keiv" not in d.text for d in right)
    again = name_errors.pair_documents("t", pairs, seed=1, per_pair=2, entity_of=lambda pair: None)
    assert again == documents


def test_user_records_become_a_loadable_gazetteer(tmp_path: Path) -> None:
    pairs = [
        name_errors.Pair("Bernstine", ("Bernstein",), "person"),
        name_errors.Pair("Danaher", ("Danaher",), "org"),
        name_errors.Pair("Danahar", ("Danaher",), "person"),
    ]
    records = name_errors.user_records(pairs, "earnings21")
    assert [(r.id, r.kind) for r in records] == [
        ("earnings21:bernstein", "person"),
        ("earnings21:danaher", "org"),
        ("earnings21:danaher-person", "person"),
    ]
    path = write_gazetteer(tmp_path / "user.yaml", records, source="test", license="CC0")
    assert read_records([path]) == records


def test_templates_cover_every_category() -> None:
    assert category_of("demonym", "Zionists") == "demonym_plural"
    assert category_of("demonym", "Spanish") == "demonym"
    assert category_of("other-proper", "Cartesian") == "other"
    assert all(t.count("{name}") == 1 for templates in TEMPLATES.values() for t in templates)


def test_marked_texts_parse_into_golds_and_protected_spans(tmp_path: Path) -> None:
    document = marked.parse(
        "Pete [[Hegses => Hegseth]] flew to [[Kiev]] with [[jd vance => JD Vance | J.D. Vance]].", "m"
    )
    assert document.text == "Pete Hegses flew to Kiev with jd vance."
    hegseth, vance = document.golds
    assert document.text[hegseth.start : hegseth.end] == "Hegses" and hegseth.accepted == ("Hegseth",)
    assert vance.accepted == ("JD Vance", "J.D. Vance")
    assert document.text[document.protected[0].start : document.protected[0].end] == "Kiev"
    path = tmp_path / "mine.txt"
    path.write_text("# a comment\nFirst [[Hegses => Hegseth]].\n---\nA clean text.\n", encoding="utf-8")
    documents = marked.load(path, SETUP).documents
    assert [d.clean for d in documents] == [False, True]


def test_break_names_shifts_gold_spans_into_the_broken_text() -> None:
    text = "Officials said Pete Hegseth met Volodymyr Zelensky in Kyiv on Monday."
    targets = [
        Target(text.index(r.name), text.index(r.name) + len(r.name), r.spellings, r, r.wikipedia)
        for r in RECORDS
    ]
    judge = Judge(NameIndex(RECORDS), frozenset())
    for model in ERROR_MODELS:
        broken, golds = break_names(text, targets, model, seeded(3, model.name), judge, limit=3)
        assert golds, model.name
        for gold in golds:
            assert broken[gold.start : gold.end] not in gold.accepted
            assert gold.error_type == model.name
        assert broken == break_names(text, targets, model, seeded(3, model.name), judge, limit=3)[0]


def test_corruptions_that_are_valid_spellings_are_refused() -> None:
    text = "They met in Kyiv."
    target = Target(12, 16, KYIV.spellings, KYIV)
    judge = Judge(NameIndex(RECORDS), frozenset({"kyiv"}))
    case_loss = next(m for m in ERROR_MODELS if m.name == "case_loss")
    assert break_names(text, [target], case_loss, seeded(0), judge, limit=1) == (text, ())


def test_valid_variants_are_protected_spans() -> None:
    text = "Zelensky's rival, Władysław Kosiniak-Kamysz, and Volodymyr Zelensky spoke."
    polish = NameRecord("Q1", "Władysław Kosiniak-Kamysz", "person")
    start = text.index("Volodymyr")
    targets = [
        Target(text.index("Władysław"), text.index("Władysław") + len(polish.name), polish.spellings, polish),
        Target(start, start + len(ZELENSKY.name), ZELENSKY.spellings, ZELENSKY),
    ]
    varied, spans = swap_variants(text, targets, seeded(0), limit=2)
    assert "Wladyslaw Kosiniak-Kamysz" in varied
    assert {(varied[s.start : s.end], s.label) for s in spans} >= {
        ("Wladyslaw Kosiniak-Kamysz", "accents_dropped")
    }


def test_name_index_folds_case_and_accents() -> None:
    index = NameIndex(RECORDS)
    assert "KIEV" in index and "kyjiv" in index and "Kiew" not in index
    assert index.records_for("Kyiv")[0] is KYIV
    assert fold("Wałęsa") == "wałesa"


def test_synthetic_names_are_seeded_and_sized(tmp_path: Path) -> None:
    first = list(synthetic_records(50, seed=7))
    assert first == list(synthetic_records(50, seed=7))
    assert len({r.id for r in first}) == 50 and all(r.name[0].isupper() for r in first)
    bundled = GazetteerSetup("bundled", (), True, RECORDS)
    grown = sized_setup(bundled, 10, tmp_path, seed=1)
    assert grown.size == 10 and grown.include_default and len(read_records(grown.paths)) == 7
    subset = sized_setup(bundled, 2, tmp_path, seed=1)
    assert not subset.include_default and [r.id for r in subset.records] == [
        "Q3881",
        "curated:person/pete-hegseth",
    ]
    assert sized_setup(bundled, FULL, tmp_path, seed=1) is bundled
    assert label_of(1_000_000, 3) == "1M" and label_of(10_000, 3) == "10k" and label_of(FULL, 3) == "full (3)"


@pytest.mark.data
def test_gum_reads_with_splits() -> None:
    documents = read_gum(shared("data", "gum"))
    assert len(documents) == 108
    assert {d.split for d in documents} == {"dev", "test"}
    first = documents[0]
    assert all(first.text[m.start : m.end] == m.text for m in first.mentions)


@pytest.mark.data
def test_name_error_files_read() -> None:
    pairs = name_errors.read_pairs(shared("data", "name-errors", "codespell.tsv"))
    assert len(pairs) == 147 and all(p.right and p.category for p in pairs)


def test_a_capped_peer_gets_the_users_own_names_first() -> None:
    own = NameRecord("earnings21:bernstein", "Bernstein", "person", prominence=0.1)
    setup = GazetteerSetup("bundled + user", (), True, [*RECORDS, own], own=(own,))
    assert [r.id for r in setup.most_prominent(2)] == ["earnings21:bernstein", "Q3881"]
    assert len(setup.most_prominent(None)) == 4


def test_the_most_named_person_is_garbled_at_every_mention() -> None:
    text = "Pete Hegseth spoke. Hegseth flew to Kyiv. Later Hegseth met Volodymyr Zelensky."
    mentions = [("Pete Hegseth", 0, HEGSETH), ("Hegseth", 20, HEGSETH), ("Hegseth", 48, HEGSETH)]
    mentions.append(("Volodymyr Zelensky", 60, ZELENSKY))
    targets = [Target(at, at + len(name), record.spellings, record) for name, at, record in mentions]
    assert [text[t.start : t.end] for t in targets] == [name for name, _, _ in mentions]
    assert most_named_person(targets) == targets[:3]
    assert most_named_person(targets[1:]) == []  # twice is not enough


def test_titles_are_written_as_reporters_write_them() -> None:
    def titled(title: str) -> str | None:
        return _role_title(NameRecord("x", "Kristi Noem", "person", roles=({"title": title},)))

    assert titled("Secretary of Homeland Security") == "Homeland Security Secretary"
    assert titled("Prime Minister of Poland") == "Prime Minister"
    assert titled("Senator") is None  # no office of anything: no title

"""The spaCy tokenizer wrapper, on a real blank English pipeline (no model download)."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import namefix  # noqa: E402
from namefix.integrations.spacy import (  # noqa: E402
    SPAN_KEY,
    NamefixTokenizer,
    annotate,
    make_doc,
    register_extensions,
)
from tests.conftest_cli_helpers import MINI, use_session_cache  # noqa: E402

TEXT = "Secretary Marcorubio met jd vance in Bremen."


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from use_session_cache(tmp_path_factory)


@pytest.fixture(scope="module")
def corrector(_cache: Path) -> namefix.Corrector:
    return namefix.Corrector(MINI, include_default=False)


@pytest.fixture
def nlp(corrector: namefix.Corrector) -> object:
    nlp = spacy.blank("en")
    nlp.tokenizer = NamefixTokenizer(nlp.tokenizer, corrector)
    return nlp


def test_doc_holds_the_corrected_text_and_the_fixes(nlp: object, corrector: namefix.Corrector) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    assert doc.text == "Secretary Marco Rubio met JD Vance in Bremen."
    assert doc._.namefix_original == TEXT
    assert doc._.namefix_fixes == corrector.correct(TEXT).fixes
    assert namefix.apply_fixes(doc._.namefix_original, doc._.namefix_fixes) == doc.text
    spans = doc.spans[SPAN_KEY]
    assert [(s.text, s.label_, s.kb_id_) for s in spans] == [
        ("Marco Rubio", "person", "curated:person/marco-rubio"),
        ("JD Vance", "person", "curated:person/jd-vance"),
    ]
    assert [token.text for token in spans[0]] == ["Marco", "Rubio"]


def test_nothing_to_fix(nlp: object) -> None:
    doc = nlp("Plain words only.")  # type: ignore[operator]
    assert doc._.namefix_fixes == () and len(doc.spans[SPAN_KEY]) == 0
    assert doc._.namefix_original == "Plain words only."


def test_fixes_survive_serialisation(nlp: object) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    again = spacy.tokens.Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert again._.namefix_fixes == doc._.namefix_fixes
    assert [(s.text, s.kb_id_) for s in again.spans[SPAN_KEY]] == [
        (s.text, s.kb_id_) for s in doc.spans[SPAN_KEY]
    ]
    docs = list(spacy.tokens.DocBin(docs=[doc], store_user_data=True).get_docs(doc.vocab))
    assert docs[0]._.namefix_fixes == doc._.namefix_fixes


def test_make_doc_and_pipe(corrector: namefix.Corrector, nlp: object) -> None:
    plain = spacy.blank("en")
    assert make_doc(plain, "jd vance", corrector=corrector).text == "JD Vance"
    assert make_doc(nlp, "Marcorubio").text == "Marco Rubio"  # the wrapper's own corrector
    texts = ["Marcorubio spoke.", "Nothing.", "jd vance"]
    assert [doc.text for doc in nlp.pipe(texts)] == ["Marco Rubio spoke.", "Nothing.", "JD Vance"]  # type: ignore[attr-defined]


def test_wrapping_twice_corrects_once(corrector: namefix.Corrector, nlp: object) -> None:
    twice = NamefixTokenizer(nlp.tokenizer, corrector)  # type: ignore[attr-defined]
    assert twice.tokenizer is nlp.tokenizer.tokenizer  # type: ignore[attr-defined]


def test_extensions_register_idempotently() -> None:
    register_extensions()
    register_extensions()
    assert spacy.tokens.Doc.has_extension("namefix_fixes")


def test_annotate_refuses_a_doc_of_other_text(corrector: namefix.Corrector) -> None:
    doc = spacy.blank("en")("something else")
    with pytest.raises(ValueError, match="not the corrected text"):
        annotate(doc, corrector.correct(TEXT))


def test_tokenizer_pickles_and_saves(nlp: object, tmp_path: Path) -> None:
    tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))  # type: ignore[attr-defined]
    assert tokenizer("jd vance").text == "JD Vance"
    nlp.to_disk(tmp_path / "pipeline")  # type: ignore[attr-defined]
    assert (tmp_path / "pipeline" / "tokenizer").exists()


def test_config_tokenizer_round_trips(tmp_path: Path) -> None:
    config = {
        "nlp": {
            "tokenizer": {
                "@tokenizers": "namefix.Tokenizer.v1",
                "gazetteer": [str(MINI)],
                "include_default": False,
            }
        }
    }
    nlp = spacy.blank("en", config=config)
    assert nlp("Secretary Marcorubio").text == "Secretary Marco Rubio"
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.tokenizer, NamefixTokenizer)
    doc = loaded("jd vance")
    assert doc.spans[SPAN_KEY][0].kb_id_ == "curated:person/jd-vance"


def test_pipe_in_several_processes_keeps_the_fixes(nlp: object) -> None:
    texts = [TEXT] * 6 + ["Nothing."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))  # type: ignore[attr-defined]
    assert [doc.text for doc in docs] == [nlp(text).text for text in texts]  # type: ignore[operator]
    assert docs[0]._.namefix_original == TEXT
    assert docs[0].spans[SPAN_KEY][0].kb_id_ == "curated:person/marco-rubio"
    assert docs[0]._.namefix_fixes[0].replacement == "Marco Rubio"
    assert docs[-1]._.namefix_fixes == ()

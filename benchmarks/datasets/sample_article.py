"""The garbled news article that defines the problem, scored with our committed annotation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..documents import Document, Gold
from ..names import GazetteerSetup
from . import Dataset

__all__ = ["ANNOTATION", "AnnotatedError", "load", "read_annotation"]

ANNOTATION = Path(__file__).resolve().parent.parent / "annotations" / "sample_article.yaml"
SOURCE = "../shared/samples/garbled-news-article.txt (a real news article garbled by machine translation)"
LICENSE = "article: read at run time, not redistributed; annotation: ours (CC0 1.0)"


@dataclass(frozen=True, slots=True)
class AnnotatedError:
    """One entry of the annotation: where, what it says there, and how it should read."""

    gold: Gold
    text: str


def read_annotation(path: Path = ANNOTATION) -> tuple[str, list[AnnotatedError]]:
    """The article's expected sha256 and its annotated errors, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [
        AnnotatedError(
            Gold(
                start=entry["start"],
                end=entry["end"],
                accepted=tuple(entry["accepted"]),
                error_type=entry["type"],
                wikipedia=entry.get("wikipedia"),
            ),
            entry["text"],
        )
        for entry in data["errors"]
    ]
    return data["sha256"], errors


def check(text: str, errors: list[AnnotatedError]) -> list[str]:
    """Problems with the annotation against this text (empty when every span matches)."""
    return [
        f"{error.gold.start}:{error.gold.end} should read {error.text!r}, "
        f"found {text[error.gold.start : error.gold.end]!r}"
        for error in errors
        if text[error.gold.start : error.gold.end] != error.text
    ]


def load(article: Path, setup: GazetteerSetup) -> Dataset:
    """The article as one document; fails loudly if it no longer matches the annotation."""
    raw = article.read_bytes()
    text = raw.decode("utf-8")
    expected_hash, errors = read_annotation()
    problems = check(text, errors)
    if problems:
        raise ValueError(f"{article} does not match {ANNOTATION.name}: " + "; ".join(problems))
    notes: tuple[str, ...] = ()
    if hashlib.sha256(raw).hexdigest() != expected_hash:
        notes = ("the article differs from the annotated version outside the annotated spans",)
    document = Document(
        id="garbled-news-article",
        text=text,
        group="article",
        golds=tuple(error.gold for error in errors),
    )
    return Dataset(
        name="sample_article",
        title="Sample article (machine-translation garbles)",
        source=SOURCE,
        license=LICENSE,
        setup=setup,
        documents=(document,),
        notes=notes,
    )

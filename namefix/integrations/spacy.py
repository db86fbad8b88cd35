"""spaCy: a `Doc` of the corrected text, with the fixes attached.

A spaCy `Doc` cannot change its text once made, so correction happens in the tokenizer:

    >>> import spacy  # doctest: +SKIP
    >>> from namefix.integrations.spacy import NamefixTokenizer
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = NamefixTokenizer(nlp.tokenizer)
    >>> doc = nlp("Secretary Marcorubio met jd vance.")
    >>> doc.text
    'Secretary Marco Rubio met JD Vance.'
    >>> [(span.text, span.label_) for span in doc.spans["namefix"]]
    [('Marco Rubio', 'person'), ('JD Vance', 'person')]

Every `Doc` it makes carries:

- `doc._.namefix_original`: the text as given;
- `doc._.namefix_fixes`: the `Fix` objects, with offsets into `doc._.namefix_original`
  (as everywhere in namefix; `namefix.apply_fixes(doc._.namefix_original, fixes) == doc.text`);
- `doc.spans["namefix"]`: one span per fix, in the same order, over the corrected name in
  `doc.text`, with `label_` the entity kind and `kb_id_` the entity id.

The fixes are stored as plain data (`doc._.namefix_fix_data`) so that `Doc.to_bytes`,
`DocBin` and `nlp.pipe(n_process=…)` keep them. In a spaCy config the tokenizer is
`@tokenizers = "namefix.Tokenizer.v1"` (see `create_tokenizer`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError as exc:  # pragma: no cover - exercised only without spaCy
    raise ImportError(
        "namefix.integrations.spacy needs spaCy; install it with: pip install 'namefix[spacy]'"
    ) from exc

from ..corrector import Corrector
from ..results import Correction, Entity, Fix, Reason

__all__ = ["SPAN_KEY", "NamefixTokenizer", "annotate", "create_tokenizer", "make_doc", "register_extensions"]

#: The key of the corrected names in `doc.spans`.
SPAN_KEY = "namefix"

FixData = list[Any]


def register_extensions() -> None:
    """Add the `doc._.namefix_*` attributes; safe to call any number of times."""
    if not Doc.has_extension("namefix_original"):
        Doc.set_extension("namefix_original", default=None)
    if not Doc.has_extension("namefix_fix_data"):
        Doc.set_extension("namefix_fix_data", default=None)
    if not Doc.has_extension("namefix_fixes"):
        Doc.set_extension("namefix_fixes", getter=_fixes_of)


class NamefixTokenizer:
    """Wraps a spaCy tokenizer: corrects the text, tokenizes the result, attaches the fixes.

    `corrector` defaults to the one `namefix.correct` uses (built on first use). Anything
    else (`to_disk`, `from_bytes`, `vocab`, …) is the wrapped tokenizer's, so `nlp.to_disk`
    keeps working.
    """

    def __init__(
        self,
        tokenizer: Callable[[str], Doc],
        corrector: Corrector | None = None,
        *,
        min_confidence: float | None = None,
    ) -> None:
        if isinstance(tokenizer, NamefixTokenizer):
            tokenizer = tokenizer.tokenizer  # never correct twice
        self.tokenizer: Callable[[str], Doc] = tokenizer
        self.corrector = corrector
        self.min_confidence = min_confidence
        register_extensions()

    def __call__(self, text: str) -> Doc:
        corrector = self.corrector
        if corrector is None:
            from .. import default_corrector

            corrector = self.corrector = default_corrector()
        correction = corrector.correct(text, min_confidence=self.min_confidence)
        return annotate(self.tokenizer(correction.text), correction)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        tokenizer = self.__dict__.get("tokenizer")  # absent while unpickling
        if tokenizer is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(tokenizer, name)

    def __repr__(self) -> str:
        return f"NamefixTokenizer({self.tokenizer!r}, {self.corrector!r})"


def make_doc(
    nlp: Language, text: str, *, corrector: Corrector | None = None, min_confidence: float | None = None
) -> Doc:
    """A `Doc` of the corrected `text` made by `nlp`'s own tokenizer (no pipeline components:
    run `nlp(doc)` after, or set `nlp.tokenizer = NamefixTokenizer(nlp.tokenizer)`)."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, NamefixTokenizer):
        corrector = corrector or tokenizer.corrector
        min_confidence = tokenizer.min_confidence if min_confidence is None else min_confidence
    return NamefixTokenizer(tokenizer, corrector, min_confidence=min_confidence)(text)


def annotate(doc: Doc, correction: Correction) -> Doc:
    """Attach `correction` to `doc`, a Doc of `correction.text`: the extensions and spans."""
    if doc.text != correction.text:
        raise ValueError("the Doc's text is not the corrected text of this correction")
    register_extensions()
    doc._.namefix_original = correction.original
    doc._.namefix_fix_data = [_fix_data(fix) for fix in correction.fixes]
    spans = []
    for start, end, fix in _corrected_offsets(correction.fixes):
        span = doc.char_span(start, end, label=fix.entity.kind, kb_id=fix.entity.id, alignment_mode="expand")
        if span is None:  # pragma: no cover - a name is never blank, so it always covers a token
            raise ValueError(f"no tokens under the fix {fix}")
        spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


def create_tokenizer(
    gazetteer: Sequence[str] | None = None,
    include_default: bool = True,
    min_confidence: float | None = None,
) -> Callable[[Language], NamefixTokenizer]:
    """The spaCy config form: `[nlp.tokenizer] @tokenizers = "namefix.Tokenizer.v1"`, with
    optional `gazetteer = ["my.yaml"]`, `include_default` and `min_confidence`."""

    def make(nlp: Language) -> NamefixTokenizer:
        default = spacy.util.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        corrector = None
        if gazetteer or not include_default:
            corrector = Corrector(list(gazetteer or []), include_default=include_default)
        return NamefixTokenizer(default, corrector, min_confidence=min_confidence)

    return make


spacy.util.registry.tokenizers.register("namefix.Tokenizer.v1", func=create_tokenizer)


def _corrected_offsets(fixes: Sequence[Fix]) -> Iterator[tuple[int, int, Fix]]:
    """Where each replacement lands in the corrected text (fixes are in text order)."""
    shift = 0
    for fix in sorted(fixes, key=lambda f: f.start):
        start = fix.start + shift
        yield start, start + len(fix.replacement), fix
        shift += len(fix.replacement) - (fix.end - fix.start)


def _fix_data(fix: Fix) -> FixData:
    entity = fix.entity
    return [
        fix.start, fix.end, fix.original, fix.replacement, fix.confidence, fix.reason.value,
        [entity.id, entity.name, entity.kind, entity.country, entity.prominence, entity.wikipedia],
    ]  # fmt: skip


def _fixes_of(doc: Doc) -> tuple[Fix, ...]:
    data = doc._.namefix_fix_data or ()
    return tuple(
        Fix(start, end, original, replacement, confidence, Entity(*entity), Reason(reason))
        for start, end, original, replacement, confidence, reason, entity in data
    )


register_extensions()

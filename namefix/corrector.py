"""The `Corrector`: finds broken names, decides, and splices the fixes into the text.

A text is read in blocks of lines (names never span a line break). In each block every word
is classified once (memoised per corrector), windows are opened only around words that look
wrong, candidates are retrieved and aligned, and each candidate's evidence is scored. A
second, document-wide pass then settles surname-only garbles against the entities the
document names, and makes the same garble resolve the same way throughout. When a reading
fixes something, the text as it would then stand is read again (a fixed name is context for
its neighbours), until a reading adds nothing; so correcting a corrected text changes nothing.
Fixes are spliced into the untouched original; text outside them is never rebuilt.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .config import Config
from .context import expected_kind, role_support, title_words_before
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .index import FUZZY_MIN_PROMINENCE, AliasRow, Flag, Index, TokenInfo
from .matching import (
    Alignment,
    alias_words,
    align,
    ocr_readings,
    retrieve,
    retrieve_joined,
    similarity,
    typing_slip,
)
from .mentions import CASE_SEAM, NAME_CONNECTORS, Window, WordStatus, classify_word, glued_splits, windows
from .phonetic import fold, joined_key, key, phonetic_codes
from .results import Correction, Entity, Fix, Reason, apply_fixes
from .schema import Origin
from .scoring import Evidence, confidence
from .tokens import UPPER, WORD, Token, TokenList

__all__ = ["Corrector"]

_BLOCK_CHARS = 1 << 16
#: No name (and so no fix) is longer than this many characters.
_LONGEST_NAME = 200
_HOT = attrgetter("hot")
_NAME_KEY = attrgetter("name_key")
_PERSON_WORD = attrgetter("person_word")
#: Distinct words remembered before the memo starts afresh.
_STATUS_CACHE = 300_000
#: Words longer than this are never names (and would make fuzzy keys explode).
_MAX_WORD = 40
#: Most candidates aligned word by word per window (the rest are ranked out in C first).
_ALIGN_LIMIT = 10
#: Rows aligned per distinct spelling (namesakes: many places share one name).
_ROWS_PER_SPELLING = 2
#: Alignments weaker than this are not worth scoring.
_MIN_ALIGNMENT = 0.62
#: A changed word less like the name's word than this must at least sound like it.
_MIN_WORD_LIKENESS = 0.5
#: Two-letter words common enough to be read as glued to a name ("is", "to", "on").
_GLUE_WORD_ZIPF = 5.5
#: Words this common ("on", "the", "new") are never swallowed into a name by a fix.
_FUNCTION_WORD_ZIPF = 6.0
#: A reading of another entity this close (in alignment score) to the best is kept as well.
_RIVAL_MARGIN = 0.05
#: A common word of another language with at least this share of its neighbours in that
#: language too is text in it, left as written ("Etudes sur la Phonologie Chinoise").
_FOREIGN_PASSAGE = 0.33
#: Short words a name run together into one word may hold inside ("Gameofthrones").
_INNER_SHORT_WORDS = NAME_CONNECTORS | {"in", "at"}
#: Readings of one text at most (each further one only when the last fixed something new).
_MOST_READINGS = 4
_URLISH = re.compile(r"[@/\\_#.:]\S")


@dataclass(slots=True)
class _Proposal:
    start: int
    end: int
    replacement: str
    confidence: float
    entity: int
    reason: Reason
    evidence: Evidence | None = None
    name_key: str = ""  # glued words: the name part, looked for elsewhere in the document


@dataclass(slots=True)
class _Pending:
    """An unknown capitalised word no candidate explained: left for the document pass."""

    token: Token
    status: WordStatus
    kind_hint: str | None
    titles: tuple[str, ...]


@dataclass(slots=True)
class _Document:
    proposals: list[_Proposal] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    anchor_keys: Counter[str] = field(default_factory=Counter)
    glued: list[_Proposal] = field(default_factory=list)
    #: Folded name words written on their own ("Vance", "NATO"): support for glued words.
    name_words: Counter[str] = field(default_factory=Counter)
    #: Entity id -> folded words that earlier readings (or this one) fixed to it ("hegses"):
    #: another garble of the same name looks like them ("Hegus").
    garbles: dict[str, set[str]] = field(default_factory=dict)


class Corrector:
    """Corrects names against a gazetteer; build once, reuse, share between threads.

    `gazetteer` is a `Gazetteer`, or YAML paths added to the bundled gazetteer (unless
    `include_default=False`). `config` (or `min_confidence` alone) sets how eager it is.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | str | Path | Iterable[str | Path] | None = None,
        *,
        include_default: bool = True,
        config: Config | None = None,
        min_confidence: float | None = None,
    ) -> None:
        if config is not None and not isinstance(config, Config):
            raise TypeError(f"config must be a namefix.Config, not {type(config).__name__}")
        config = config or Config()
        if min_confidence is not None:
            config = dataclasses.replace(config, min_confidence=min_confidence)
        self.config = config
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        elif gazetteer is None and include_default:
            self.gazetteer = default_gazetteer()
        else:
            self.gazetteer = load_gazetteer(gazetteer, include_default=include_default)
        self.index: Index = self.gazetteer.index
        self._statuses: dict[str, WordStatus] = {}
        self._aligned = lru_cache(maxsize=50_000)(self._align_candidates)

    def __repr__(self) -> str:
        return f"<Corrector {self.gazetteer!r} min_confidence={self.config.min_confidence}>"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as "the same files and settings": a worker process reopens the compiled
        index from the cache instead of receiving it."""
        return (_rebuild, (self.gazetteer.files, self.gazetteer.lexicon_dir is not None, self.config))

    def lookup(self, name: str) -> Entity | None:
        """The entity a correct spelling names (see `Gazetteer.lookup`)."""
        return self.gazetteer.lookup(name)

    # ----------------------------------------------------------------------------------
    # The whole text

    def correct(self, text: str, *, min_confidence: float | None = None) -> Correction:
        """Fix the broken names in `text`; everything else is kept byte for byte."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        threshold = self.config.min_confidence if min_confidence is None else min_confidence
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
            raise ValueError("min_confidence must be a number in [0, 1]")
        fixes = self._decide(text, self._proposals(text), threshold)
        return Correction(text, apply_fixes(text, fixes), tuple(fixes))

    def candidates(self, text: str) -> list[tuple[Fix, Evidence | None]]:
        """Every fix considered for `text`, before overlaps are settled, with its evidence.

        For calibration and debugging; `correct` is what to use otherwise.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return [(self._fix(text, p), p.evidence) for p in self._proposals(text)]

    def _proposals(self, text: str) -> list[_Proposal]:
        """Every fix worth considering, the text read again while a reading fixes something new.

        A fixed name is context for its neighbours ("Sudi Crown Pirnce Mohammed bin Slman":
        once "Prince" and "Salman" stand there, "Sudi" is plainly "Saudi") and a split glue
        opens a mention ("PresidentDonald"). So the text as the last reading would leave it
        (at the corrector's own threshold, whatever a call asks for) is read again, and what
        that reading proposes replaces or joins the earlier proposals (see `_carry_back`).
        Correcting a corrected text then changes nothing more.
        """
        proposals = self._read(text)
        read: list[Fix] = []
        garbles: dict[str, set[str]] = {}
        for _ in range(_MOST_READINGS - 1):
            settled = self._decide(text, proposals, self.config.min_confidence)
            if settled == read:
                break  # this reading fixed nothing the last one had not
            read = settled
            revised = apply_fixes(text, settled)
            for fix in settled:
                _note_garble(garbles, fix.entity.id, fix.original, fix.replacement)
            carried, taken_in = _carry_back(
                settled, revised, self._read(revised, garbles), self.config.min_confidence
            )
            replaced = taken_in | {(p.start, p.end, p.replacement) for p in carried}
            proposals = [p for p in proposals if (p.start, p.end, p.replacement) not in replaced]
            proposals += carried
        return proposals

    def _read(self, text: str, garbles: Mapping[str, set[str]] | None = None) -> list[_Proposal]:
        """One reading of the text: every block scanned, then the document pass. `garbles`
        are the words earlier readings fixed, by entity (evidence for the document pass)."""
        document = _Document(garbles={entity: set(words) for entity, words in (garbles or {}).items()})
        for start, end in _blocks(text):
            self._scan_block(text, start, end, document)
        if self.config.use_document:
            self._document_pass(text, document)
        else:
            document.proposals.extend(document.glued)
        kept = [p for p in document.proposals if not self._loses_a_word(text[p.start : p.end], p.replacement)]
        _whole_names_first(kept)
        return _as_the_text_writes(text, kept)

    def _loses_a_word(self, original: str, replacement: str) -> bool:
        """Whether a fix would lose something that was written: a common word or a word at a
        change of case cut off ("Macronis" -> "Macron", "JournalVance" -> "Journal"), a
        function word swallowed at either edge ("AustraliaOn", "Australlia On" ->
        "Australian"), or a final digit read as nothing ("Player0" -> "Player"). Such text was
        glued on or is simply the next word, not part of a misspelling."""
        written, new = original.lower(), replacement.lower()
        if original[-1:].isdigit() and len(new) < len(written):
            return True  # "Player0" -> "Player": a digit read as nothing, not as a letter
        if len(written) == len(original) and len(written) >= len(new) + 2:
            rest, cut = "", 0
            if written.startswith(new):
                rest, cut = original[len(new) :], len(new)
            elif written.endswith(new):
                cut = len(written) - len(new)
                rest = original[:cut]
            if rest.isalpha():
                status = self._status(rest)
                at_seam = bool(CASE_SEAM.match(original, cut))  # "JournalVance": a word of its own
                if status.strength == 1.0 and (at_seam or status.info.zipf >= _GLUE_WORD_ZIPF - 1.0):
                    return True
        pieces: list[str] = []
        for word in original.split():
            parts = [part for part in CASE_SEAM.split(word) if part]
            glued = len(parts) > 1 and all(self._status(part).strength == 1.0 for part in parts)
            pieces += parts if glued else [word]  # "AustraliaOn" is glued; "BeIgium" is not
        if len(pieces) < 2:
            return False
        kept = {key(word) for word in WORD.findall(replacement)}
        for edge in (pieces[0], pieces[-1]):
            if edge.isalpha() and key(edge) not in kept:
                status = self._status(edge)
                if status.strength == 1.0 and status.info.zipf >= _FUNCTION_WORD_ZIPF:
                    return True
        return False

    def _fix(self, text: str, proposal: _Proposal) -> Fix:
        return Fix(
            start=proposal.start,
            end=proposal.end,
            original=text[proposal.start : proposal.end],
            replacement=proposal.replacement,
            confidence=round(min(1.0, max(0.0, proposal.confidence)), 4),
            entity=self.index.entity(proposal.entity).entity,
            reason=proposal.reason,
        )

    def _status(self, word: str) -> WordStatus:
        """What one word is (memoised per corrector)."""
        status = self._statuses.get(word)
        if status is None:
            self._classify_many([word])
            status = self._statuses[word]
        return status

    def _classify_many(self, words: Sequence[str]) -> None:
        if len(self._statuses) > _STATUS_CACHE:
            self._statuses.clear()  # bounded memory for endless streams of new words
        keys = [key(word[:_MAX_WORD]) for word in words]
        # with the stems a plural is checked against ("Obamas", "Joneses"; see `knownness`)
        stems = [k[:-1] for k in keys if k.endswith("s")] + [k[:-2] for k in keys if k.endswith("es")]
        self.index.prefetch(keys + stems)
        for word in words:
            self._statuses[word] = self._classify(word)

    def _classify(self, word: str) -> WordStatus:
        if len(word) > _MAX_WORD:
            return WordStatus(
                key(word[:_MAX_WORD]), "other", TokenInfo(0.0, 0, 0.0, 0.0), True, False, False, False
            )
        return classify_word(word, self.index.word)

    # ----------------------------------------------------------------------------------
    # One block

    def _scan_block(self, text: str, start: int, end: int, document: _Document) -> None:
        words = WORD.findall(text, start, end)
        known = self._statuses
        new = [word for word in set(words) if word not in known]
        if new:
            self._classify_many(new)
        statuses = list(map(known.__getitem__, words))
        self._note_anchors(statuses, document)
        hot = list(compress(range(len(statuses)), map(_HOT, statuses)))
        if not hot:
            return  # the common case: every word valid, nothing to match
        tokens = TokenList.find(text, start, end, words)
        glued: dict[int, _Proposal] = {}
        for i in hot:
            word = statuses[i]
            if (
                word.suspicious
                and word.strength == 0.0
                and len(word.key) >= 5
                and word.info.zipf < 1.0
                and not _urlish(text, tokens, Window(i, i, "glued"))
            ):
                proposal = self._glued(text, tokens, i)
                if proposal is not None:
                    glued[i] = proposal
                    document.glued.append(proposal)
        explained: set[int] = {i for i, proposal in glued.items() if proposal.confidence >= 0.3}
        for window in windows(text, tokens, statuses, self.config.max_mention_words, hot):
            if _urlish(text, tokens, window):
                continue  # inside an address, a path or a handle
            splittable = window.first == window.last and window.first in glued
            for proposal in self._propose(text, tokens, statuses, window, splittable):
                document.proposals.append(proposal)
                if proposal.confidence >= 0.3:
                    explained.update(range(window.first, window.last + 1))
        for i in hot:
            word = statuses[i]
            if word.suspicious and word.namelike and i not in explained and len(word.key) >= 4:
                document.pending.append(
                    _Pending(
                        tokens[i], word, expected_kind(statuses, i), tuple(title_words_before(statuses, i))
                    )
                )

    def _note_anchors(self, statuses: Sequence[WordStatus], document: _Document) -> None:
        """Remember full names written correctly: they make surname-only garbles likely."""
        if not self.config.use_document:
            return
        document.name_words.update(filter(None, map(_NAME_KEY, statuses)))
        for i in compress(range(len(statuses)), map(_PERSON_WORD, statuses)):
            previous = statuses[i - 1] if i else None
            if previous is not None and previous.namelike and previous.known:
                word = statuses[i]
                document.anchor_keys[previous.key + word.key] += 1
                if i > 1 and statuses[i - 2].namelike:
                    document.anchor_keys[statuses[i - 2].key + previous.key + word.key] += 1

    # ----------------------------------------------------------------------------------
    # Candidates for one window

    def _propose(
        self,
        text: str,
        tokens: Sequence[Token],
        statuses: Sequence[WordStatus],
        window: Window,
        splittable: bool = False,
    ) -> list[_Proposal]:
        words = statuses[window.first : window.last + 1]
        if window.mode == "known" and self._inside_valid_name(statuses, window):
            return []  # "Summer Olympic" in "Summer Olympic Games"
        scored = self._aligned(window.mode, tuple(words))
        if not scored:
            return []
        if scored[0][1].joined == "".join(word.key for word in words):  # case or spacing only
            scored = _nearest_spelling_first(
                scored, text[tokens[window.first].start : tokens[window.last].end]
            )
        best: _Proposal | None = None
        best_score = 0.0
        best_folded = ""
        rival_score: float | None = None
        rival: tuple[AliasRow, Alignment, int, int, str] | None = None
        shouting = _shouting(statuses, window)
        written = [token.text for token in tokens[window.first : window.last + 1]]
        for score, row, alignment in scored[:12]:
            if not shouting and _respells_an_acronym(written, row, alignment):
                continue  # "NEMISIS" is some acronym, not the film Nemesis
            built = self._replacement(text, tokens, window, row, alignment)
            if built is None:
                continue
            if best is None:
                best = self._evaluate(text, tokens, statuses, window, row, alignment, *built)
                best_score, best_folded = score, joined_key(built[2])
            elif row.entity != best.entity and joined_key(built[2]) != best_folded:
                rival_score = score  # the best reading that names something else
                rival = (row, alignment, *built)
                break
        if best is None:
            return []
        proposals = [best]
        if rival is not None and rival_score is not None:
            best.evidence = _with(best.evidence, rival_gap=best_score - rival_score)
            if best_score - rival_score <= _RIVAL_MARGIN:
                # nearly as good a reading: kept, so that the document can decide between
                # them ("Austrlia" in a text about Sydney is Australia, not Austria)
                other = self._evaluate(text, tokens, statuses, window, *rival)
                other.evidence = _with(other.evidence, rival_gap=0.0)
                proposals.append(other)
        proposals = [
            p for p in proposals if p.evidence is None or p.evidence.foreign_passage < _FOREIGN_PASSAGE
        ]
        for proposal in proposals:
            if splittable:
                proposal.evidence = _with(proposal.evidence, splittable=1.0)
            if proposal.evidence is not None:
                proposal.confidence = confidence(proposal.evidence)
        return proposals

    def _align_candidates(
        self, mode: str, words: tuple[WordStatus, ...]
    ) -> tuple[tuple[float, AliasRow, Alignment], ...]:
        """Candidate spellings for these words, aligned and best first (memoised: a window's
        candidates depend on its words alone, not on where it stands). Empty when the words
        already are a valid spelling."""
        mention = [word.key for word in words]
        joined = "".join(mention)
        if mode == "lower":  # only whole names with the case lost: "jd vance"
            candidates = {
                row.id: row
                for row in self.index.aliases_by_joined(joined)
                if len(words) > 1
                or (row.words > 1 and _joinable(row, alias_words(row.text)))  # "marcorubio"
                or _lone_lower_case_fix(row, self.index.entity(row.entity).entity)
            }
        elif mode == "known":  # valid words only: the joined letters must be close
            candidates = retrieve_joined(self.index, joined)
        elif mode == "split" and all(word.strength == 1.0 for word in words):
            # two valid words: only a name they spell exactly when joined ("Swe Den")
            candidates = {row.id: row for row in self.index.aliases_by_joined(joined)}
        else:
            candidates = retrieve(self.index, words)
        kinds = self.config.kinds
        rows = [row for row in candidates.values() if row.kind in kinds]
        if len(rows) > _ALIGN_LIMIT:  # keep those whose letters are closest, scored in C
            rows = _closest_spellings(joined, rows)
        ocr = any(_ocr_prone(word) for word in words)
        loose = [word.suspicious or len(word.key) <= 3 for word in words]
        scored: list[tuple[float, AliasRow, Alignment]] = []
        for row in rows:
            spelling = alias_words(row.text)
            alignment = align(mention, spelling, readings=ocr, loose=loose)
            if alignment is None or alignment.score < _MIN_ALIGNMENT:
                continue
            if alignment.weakest < _MIN_WORD_LIKENESS and _swaps_a_word(mention, spelling, alignment):
                continue  # "University of Michga" is not the University of Cambridge
            if alignment.exact_share == 1.0 and alignment.merges == 0 and mode != "lower":
                if row.prominence >= FUZZY_MIN_PROMINENCE or all(word.strength == 1.0 for word in words):
                    return ()  # the window already is a valid spelling
                continue  # a minor entity's spelling ("Bernstine"): may still be a garble
            if mode == "split" and not _split_helps(mention, spelling, alignment, words[-1]):
                continue  # "Zelen sky" must join into the name; "Hegseht flew" must not
            if len(mention) < len(spelling) and alignment.merges and not _joinable(row, spelling):
                continue  # "Lapita" is not "La Pita", a village
            scored.append((alignment.score, row, alignment))
        scored.sort(key=lambda item: (-item[0], -item[1].prominence, item[1].origin, item[1].id))
        return tuple(scored)

    def _replacement(
        self, text: str, tokens: Sequence[Token], window: Window, row: AliasRow, alignment: Alignment
    ) -> tuple[int, int, str] | None:
        """The smallest span to rewrite and its new text, keeping intact words as written."""
        alias_tokens = list(WORD.finditer(row.text))
        mention_tokens = tokens[window.first : window.last + 1]
        lower_window = window.mode == "lower"
        upper_window = all(t.text.isupper() for t in mention_tokens if any(c.isalpha() for c in t.text))
        parts: list[tuple[int, int, str, bool]] = []  # start, end, new text, changed
        for group in alignment.groups:
            m0, m1 = group.mention
            a0, a1 = group.alias
            start, end = mention_tokens[m0].start, mention_tokens[m1].end
            original = text[start:end]
            alias_text = row.text[alias_tokens[a0].start() : alias_tokens[a1].end()]
            if group.exact and m0 == m1 and a0 == a1 and not lower_window:
                parts.append((start, end, original, False))
                continue
            if group.exact and m0 == m1 and a0 == a1 and fold(original) == fold(alias_text):
                parts.append((start, end, original, False))
                continue
            new = alias_text.upper() if upper_window and len(alias_text) > 1 else alias_text
            if (
                not lower_window
                and original[:1].isupper()
                and new[:1].islower()
                and key(new) not in NAME_CONNECTORS
            ):
                new = new[:1].upper() + new[1:]  # "Chiang Kai Schek" -> "Shek", as the text writes it
            if group.merges_words and self._valid_segmentation(original, alias_text):
                parts.append((start, end, original, False))  # "Viet Nam" for "Vietnam": both valid
                continue
            parts.append((start, end, new, new != original))
        if not any(changed for *_, changed in parts):
            return None
        first = next(i for i, p in enumerate(parts) if p[3])
        last = max(i for i, p in enumerate(parts) if p[3])
        pieces = [parts[first][2]]
        for i in range(first + 1, last + 1):
            gap = text[parts[i - 1][1] : parts[i][0]]
            alias_gap = _alias_gap(row.text, alias_tokens, alignment, i)
            if alias_gap is not None and gap != alias_gap and (parts[i - 1][3] or parts[i][3]):
                gap = alias_gap
            pieces.append(gap)
            pieces.append(parts[i][2])
        span_start, span_end = parts[first][0], parts[last][1]
        replacement = "".join(pieces)
        if replacement == text[span_start:span_end]:
            return None
        return span_start, span_end, replacement

    def _rarity(self, word_key: str) -> float:
        """1 when one entity has this word in its name ("Kosiniak"), falling to 0 for words
        that a hundred share ("Pete")."""
        entities = {row.entity for row in self.index.aliases_with_word(word_key, 120)}
        return max(0.0, 1.0 - math.log10(max(len(entities), 1)) / 2.0)

    def _inside_valid_name(self, statuses: Sequence[WordStatus], window: Window) -> bool:
        """Whether a stretch of the run that shares words with the window is itself a listed
        spelling of two or more words ("Olympic Games" around "Summer Olympic")."""
        for first in range(max(window.run_first, window.first - 4), window.last + 1):
            for last in range(max(first + 1, window.first), min(window.run_last, first + 4) + 1):
                if (first, last) == (window.first, window.last):
                    continue
                folded = tuple(status.key for status in statuses[first : last + 1])
                if any(
                    alias_words(row.text) == folded for row in self.index.aliases_by_joined("".join(folded))
                ):
                    return True
        return False

    def _valid_segmentation(self, original: str, alias_text: str) -> bool:
        """Whether `original` is itself a listed spelling with the same letters as `alias_text`."""
        folded = [key(word) for word in WORD.findall(original)]
        if joined_key(original) != joined_key(alias_text):
            return False
        return any(
            alias_words(row.text) == tuple(folded)
            for row in self.index.aliases_by_joined(joined_key(original))
        )

    def _evaluate(
        self,
        text: str,
        tokens: Sequence[Token],
        statuses: Sequence[WordStatus],
        window: Window,
        row: AliasRow,
        alignment: Alignment,
        span_start: int,
        span_end: int,
        replacement: str,
    ) -> _Proposal:
        info = self.index.entity(row.entity)
        words = statuses[window.first : window.last + 1]
        alias_keys = alias_words(row.text)
        changed_known = 0.0
        changed_zipf = 0.0
        foreign_word = False
        changed_words: list[WordStatus] = []
        for group in alignment.groups:
            if group.exact:
                continue
            members = words[group.mention[0] : group.mention[1] + 1]
            changed_words.extend(members)
            for word in members:
                if word.known and not word.lower_name:
                    changed_known = max(changed_known, word.strength * (1.0 if len(members) == 1 else 0.5))
                changed_zipf = max(changed_zipf, word.info.zipf if len(members) == 1 else 0.0)
                if word.info.flags & Flag.FOREIGN:
                    foreign_word = True
        target_zipf = max((self.index.word(k).zipf for k in alias_keys), default=0.0)
        joined_mention = "".join(w.key for w in words)
        joined_alias = "".join(alias_keys)
        structural = joined_mention == joined_alias
        changed_groups = [g for g in alignment.groups if not g.exact]
        phonetic = 1.0
        mention_keys = [w.key for w in words]
        for group in changed_groups:
            left = "".join(mention_keys[group.mention[0] : group.mention[1] + 1])
            right = "".join(alias_keys[group.alias[0] : group.alias[1] + 1])
            phonetic = min(phonetic, _phonetic_agreement(left, right))
        if not changed_groups:
            phonetic = 1.0
        edits = OSA.distance(joined_mention, joined_alias)
        titles = title_words_before(statuses, window.first) if self.config.use_context else []
        context = role_support(titles, info.roles) if info.entity.kind == "person" else 0.0
        hint = expected_kind(statuses, window.first) if self.config.use_context else None
        kind_clash = (
            1.0
            if hint is not None
            and hint != info.entity.kind
            and not (hint == "place" and info.entity.kind in ("org", "demonym"))
            else 0.0
        )
        if titles and info.entity.kind != "person":
            kind_clash = 1.0
        derived = 1.0 if row.origin == Origin.SURNAME else 0.5 if row.origin == Origin.SHORT else 0.0
        anchor = 0.0
        anchor_rarity = 0.0
        for group in alignment.groups:
            if group.exact and group.mention[0] == group.mention[1]:
                word = words[group.mention[0]]
                anchor = max(anchor, 0.5 if word.info.flags & Flag.GIVEN else 1.0)
                anchor_rarity = max(anchor_rarity, self._rarity(word.key))
        reach = self.config.max_mention_words  # neighbours in the run, not the whole run
        outside = [
            *range(max(window.run_first, window.first - reach), window.first),
            *range(window.last + 1, min(window.run_last, window.last + reach) + 1),
        ]
        unexplained = sum(1 for k in outside if statuses[k].suspicious)
        foreign = _foreign_share(statuses, window.first, window.last)
        joined_single = structural and len(words) < len(alias_keys)
        evidence = Evidence(
            similarity=alignment.score,
            weakest=min((g.similarity for g in changed_groups), default=1.0),
            exact_share=alignment.exact_share,
            phonetic=phonetic,
            edits=edits,
            length=len(joined_alias),
            prominence=row.prominence,
            derived=derived,
            changed_known=changed_known,
            changed_zipf=changed_zipf,
            target_zipf=target_zipf,
            structural=1.0 if structural else 0.0,
            context=context,
            document=0.0,
            kind_clash=kind_clash,
            rival_gap=1.0,
            lowercase=1.0 if window.mode == "lower" else 0.0,
            route="joined" if joined_single else "known" if window.mode == "known" else "window",
            anchor=anchor,
            anchor_rarity=anchor_rarity,
            foreign=foreign,
            foreign_passage=_foreign_passage(statuses, window.first, window.last) if foreign_word else 0.0,
            slip=1.0 if not structural and typing_slip(joined_mention, joined_alias) else 0.0,
            unexplained=unexplained,
        )
        if structural:
            reason = (
                Reason.CASE
                if window.mode == "lower"
                else (Reason.JOINED if len(words) < len(alias_keys) else Reason.SPLIT)
            )
        elif any(_ocr_prone(w) for w in changed_words) and _ocr_explains(changed_words, alias_keys):
            reason = Reason.OCR
        elif phonetic == 1.0 and edits > 1:
            reason = Reason.PHONETIC
        else:
            reason = Reason.FUZZY
        return _Proposal(
            span_start, span_end, replacement, confidence(evidence), row.entity, reason, evidence
        )

    # ----------------------------------------------------------------------------------
    # Glued words: "JournalVance", "NATOsecurity"

    def _glued(self, text: str, tokens: Sequence[Token], i: int) -> _Proposal | None:
        """A name run into a neighbouring word: "JournalVance", "NATOsecurity",
        "Obamasaid", "onTuesdayNetanyahu", "inUnited States". Every part must be a valid word
        and one of them part of a name; the evidence says how the word was cut (at a change of
        case or not), whether a part completes a name with the words next to it ("Wall Street
        Journal" + "Vance"), and how common the other parts are."""
        token = tokens[i]
        word = self._status(token.text)
        best: _Proposal | None = None
        splits = glued_splits(token.text)
        unseen = {part for parts, _ in splits for part in parts if part not in self._statuses}
        if unseen:
            self._classify_many(list(unseen))  # one lookup for every cut, not one per part
        for parts, seam in splits:
            infos = [self._status(part) for part in parts]
            if any(info.strength < 1.0 for info in infos):
                continue
            if not seam and any(
                len(part) < 3 and info.info.zipf < _GLUE_WORD_ZIPF
                for part, info in zip(parts, infos, strict=True)
            ):
                continue  # "Hegus" is not "He" + "gus"; "Macronis" may be "Macron" + "is"
            named = self._glued_name(text, tokens, i, parts, infos)
            if named is None:
                continue
            entity, prominence, name_part, completes = named
            if not seam and (len(name_part.key) < 4 or not name_part.info.flags & Flag.TARGET):
                # a short name in a longer word is as likely chance, and so is a spelling
                # namefix never corrects to ("Afini", a transliteration of Athens, in "Afiniam")
                continue
            camel = all(part[:1].isupper() for part in parts)
            if camel and not completes:
                continue  # "VisaCuba", "GoogleScholar": capitalised compounds are brand names
            common = min((info.info.zipf for info in infos if info is not name_part), default=0.0)
            evidence = Evidence(
                similarity=1.0, weakest=1.0, exact_share=1.0, phonetic=1.0, edits=0,
                length=len(word.key), prominence=prominence, derived=0.0,
                changed_known=0.0, changed_zipf=word.info.zipf, target_zipf=common,
                structural=1.0 if seam else 0.0, context=0.0, document=0.0,
                kind_clash=0.0, rival_gap=1.0, lowercase=0.0, route="glued",
                completes=completes, camel=1.0 if camel else 0.0,
            )  # fmt: skip
            replacement = " ".join(parts)
            whole = self._name_spelled_by(parts) if parts[0][:1].isupper() else None
            if whole is not None:  # "Bataanpeninsula": the parts spell a name, written so
                replacement, entity = whole.text, whole.entity
            proposal = _Proposal(
                token.start, token.end, replacement, confidence(evidence), entity, Reason.GLUED, evidence
            )
            proposal.name_key = name_part.key
            if best is None or proposal.confidence > best.confidence:
                best = proposal
        return best

    def _name_spelled_by(self, parts: Sequence[str]) -> AliasRow | None:
        """A spelling whose words are exactly these parts, but for case and accents."""
        keys = tuple(key(part) for part in parts)
        for row in self.index.aliases_by_joined("".join(keys)):
            if alias_words(row.text) == keys and row.kind in self.config.kinds:
                return row
        return None

    def _glued_name(
        self, text: str, tokens: Sequence[Token], i: int, parts: Sequence[str], infos: Sequence[WordStatus]
    ) -> tuple[int, float, WordStatus, float] | None:
        """The entity a glued word's parts name: a whole name the first or last part
        completes with the neighbouring words, else the most prominent part named alone."""
        first, last = infos[0], infos[-1]
        for part, info, neighbours in (
            (parts[-1], last, [t.text for t in tokens[i + 1 : i + 4] if _joined_by_space(text, tokens, i)]),
            (
                parts[0],
                first,
                [
                    t.text
                    for t in tokens[max(0, i - 3) : i]
                    if i and text[tokens[i - 1].end : tokens[i].start] == " "
                ],
            ),
        ):
            if not part[:1].isupper() or not neighbours:
                continue
            for size in range(len(neighbours), 0, -1):
                words = [part, *neighbours[:size]] if info is last else [*neighbours[-size:], part]
                rows = [
                    r
                    for r in self.index.aliases_by_joined(joined_key("".join(words)))
                    if r.words == len(words) and r.kind in self.config.kinds
                ]
                if rows and rows[0].prominence >= 0.45:
                    return rows[0].entity, rows[0].prominence, info, 1.0
        names = [
            info for part, info in zip(parts, infos, strict=True)
            if part[:1].isupper() and (info.info.alone >= 0.45 or info.info.flags & Flag.TARGET)
        ]  # fmt: skip
        if not names:
            return None
        name = max(names, key=lambda info: (info.info.alone, info.info.prominence))
        rows = [
            row
            for row in self.index.aliases_by_joined(name.key)
            if row.words == 1 and row.kind in self.config.kinds
        ]
        if not rows:
            return None
        return rows[0].entity, max(name.info.alone, 0.0), name, 0.0

    # ----------------------------------------------------------------------------------
    # The document pass

    def _document_pass(self, text: str, document: _Document) -> None:
        """What the whole document says: a name written correctly elsewhere supports a fix to
        it ("JournalVance" when "Vance" stands alone too); surname-only garbles are settled
        against the people the document names; the same garble resolves the same way."""
        countries: set[str] = set()
        for word in document.name_words:
            countries.update(self.index.countries_of.get(word, ()))
        for proposal in [*document.proposals, *document.glued]:
            if proposal.evidence is None:
                continue
            if countries and self.index.entity(proposal.entity).entity.country in countries:
                proposal.evidence = dataclasses.replace(proposal.evidence, country=1.0)
                proposal.confidence = confidence(proposal.evidence)
            if proposal.evidence.route == "glued":
                new = [proposal.name_key]
            else:
                new = _new_words(text[proposal.start : proposal.end], proposal.replacement)
            if new:
                share = sum(word in document.name_words for word in new) / len(new)
                if share:
                    proposal.evidence = dataclasses.replace(proposal.evidence, document=share)
                    proposal.confidence = confidence(proposal.evidence)
        document.proposals.extend(document.glued)
        entities: dict[int, AliasRow] = {}
        mentions: Counter[int] = Counter()  # how often the document names each of them
        for proposal in document.proposals:
            if proposal.confidence >= max(self.config.min_confidence, 0.5):
                info = self.index.entity(proposal.entity)
                rows = self.index.aliases_by_joined(key(info.entity.name).replace(" ", ""))
                if rows:
                    entities.setdefault(proposal.entity, rows[0])
                    mentions[proposal.entity] += 1
                written = text[proposal.start : proposal.end]
                _note_garble(document.garbles, info.entity.id, written, proposal.replacement)
        for anchor, count in document.anchor_keys.items():
            for row in self.index.aliases_by_joined(anchor):
                if row.kind == "person" and row.words > 1 and row.origin <= Origin.SHORT:
                    entities.setdefault(row.entity, row)
                    mentions[row.entity] += count
                    break
        # the same garble resolves the same way throughout the document
        confident: dict[str, _Proposal] = {}
        for proposal in document.proposals:
            original = text[proposal.start : proposal.end]
            if proposal.confidence >= self.config.min_confidence and " " not in original:
                best = confident.get(original)
                if best is None or proposal.confidence > best.confidence:
                    confident[original] = proposal
        surnames: dict[str, list[tuple[str, str, int]]] = {}  # first two letters -> people
        for entity_id in entities:
            info = self.index.entity(entity_id)
            if info.entity.kind != "person":
                continue
            surname = info.surname or _last_word(info.entity.name)
            if surname:
                surname_key = "".join(key(w) for w in WORD.findall(surname))
                surnames.setdefault(surname_key[:2], []).append((surname_key, surname, entity_id))
                # every mention, in full or by surname alone, writes the surname
                mentions[entity_id] = max(mentions[entity_id], document.name_words[surname_key])
        for pending in document.pending:
            original = pending.token.text
            same = confident.get(original)
            if same is not None:
                document.proposals.append(
                    _Proposal(
                        pending.token.start,
                        pending.token.end,
                        same.replacement,
                        same.confidence,
                        same.entity,
                        Reason.CONTEXT,
                        same.evidence,
                    )
                )
                continue
            if pending.kind_hint not in (None, "person"):
                continue
            people = surnames.get(pending.status.key[:2])
            if people:
                best = self._surname_match(pending, people, mentions, document.garbles)
                if best is not None:
                    document.proposals.append(best)

    def _surname_match(
        self,
        pending: _Pending,
        people: Sequence[tuple[str, str, int]],
        mentions: Mapping[int, int],
        garbles: Mapping[str, set[str]],
    ) -> _Proposal | None:
        """The person of the document whose surname a lone unknown word garbles ("Hegus"):
        the more often the document names them, and the more the word looks like other
        garbles of their name fixed in it ("Hegses"), the likelier."""
        word = pending.status
        scored = sorted(
            (
                (similarity(word.key, surname_key), surname, entity_id)
                for surname_key, surname, entity_id in people
                if surname_key != word.key
            ),
            reverse=True,
        )
        if not scored:
            return None
        sim, surname, entity_id = scored[0]
        gap = sim - scored[1][0] if len(scored) > 1 else 1.0
        info = self.index.entity(entity_id)
        surname_key = "".join(key(w) for w in WORD.findall(surname))
        kin = garbles.get(info.entity.id, ())
        evidence = Evidence(
            similarity=sim, weakest=sim, exact_share=0.0,
            phonetic=_phonetic_agreement(word.key, surname_key),
            edits=OSA.distance(word.key, surname_key), length=len(surname_key),
            prominence=info.entity.prominence, derived=1.0, changed_known=0.0,
            changed_zipf=word.info.zipf, target_zipf=self.index.word(surname_key).zipf,
            structural=0.0, context=role_support(pending.titles, info.roles),
            document=1.0, kind_clash=0.0, rival_gap=gap, lowercase=0.0, route="surname",
            prefix=_common_prefix(word.key, surname_key) / len(word.key),
            mentions=min(1.0, math.log2(1 + mentions.get(entity_id, 0)) / 3.0),
            kin=max((similarity(word.key, g) for g in kin if g != word.key), default=0.0),
            slip=1.0 if typing_slip(word.key, surname_key) else 0.0,
        )  # fmt: skip
        replacement = (
            surname.upper() if pending.token.text.isupper() and len(pending.token.text) > 1 else surname
        )
        return _Proposal(
            pending.token.start,
            pending.token.end,
            replacement,
            confidence(evidence),
            entity_id,
            Reason.CONTEXT,
            evidence,
        )

    # ----------------------------------------------------------------------------------
    # Deciding

    def _decide(self, text: str, proposals: list[_Proposal], threshold: float) -> list[Fix]:
        """The most confident non-overlapping proposals at or above the threshold.

        A fix that explains a whole name wins over one inside it that names the same entity
        ("Wwadis Wow Kosiniak Kamisis" as one Kosiniak-Kamysz rather than "Kamisis" alone),
        when it is at least as confident (so re-thresholding a result with `above` gives
        what `correct` gives at that threshold).
        """
        eligible = [p for p in proposals if round(p.confidence, 4) >= threshold]  # as reported
        wider_of: dict[int, _Proposal] = {}
        by_entity: dict[int, list[_Proposal]] = {}
        for proposal in eligible:  # case fixes widen across entities: "african american"
            group_key = -1 if proposal.reason is Reason.CASE else proposal.entity
            by_entity.setdefault(group_key, []).append(proposal)
        for group in by_entity.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda p: (p.start, -p.end))
            group_starts = [p.start for p in group]
            for small in group:
                # only proposals starting within a name's length before it can contain it
                low = bisect.bisect_left(group_starts, small.start - _LONGEST_NAME)
                high = bisect.bisect_right(group_starts, small.start)
                for big in group[low:high]:
                    if (
                        big.end >= small.end
                        and (big.end - big.start) > (small.end - small.start)
                        and big.confidence >= small.confidence
                    ):
                        best = wider_of.get(id(small))
                        if best is None or (big.end - big.start, big.confidence) > (
                            best.end - best.start,
                            best.confidence,
                        ):
                            wider_of[id(small)] = big
        ranked = sorted(eligible, key=lambda p: (-p.confidence, p.start, p.end))
        starts: list[int] = []  # chosen spans, kept sorted for overlap checks by bisection
        ends: list[int] = []
        chosen: list[_Proposal] = []
        for ranked_proposal in ranked:
            # the wider fix if it still fits, else the proposal itself ("Rcep" once
            # "TayyipErdoğan" is settled on its own)
            wider = wider_of.get(id(ranked_proposal))
            for proposal in (ranked_proposal,) if wider is None else (wider, ranked_proposal):
                if not _overlaps(starts, ends, proposal.start, proposal.end):
                    break
            else:
                continue
            at = bisect.bisect_left(starts, proposal.start)
            starts.insert(at, proposal.start)
            ends.insert(at, proposal.end)
            chosen.append(proposal)
        return [self._fix(text, proposal) for proposal in sorted(chosen, key=lambda p: p.start)]


# --------------------------------------------------------------------------------------
# Helpers


@lru_cache(maxsize=8)
def _rebuild(files: tuple[Path, ...], lexicons: bool, config: Config) -> Corrector:
    """The corrector a pickled one stands for; one per process and setting."""
    return Corrector(Gazetteer(files, lexicons=lexicons), config=config)


def _carry_back(
    settled: Sequence[Fix], revised: str, proposals: Iterable[_Proposal], threshold: float
) -> tuple[list[_Proposal], set[tuple[int, int, str]]]:
    """Proposals made on `revised` (the text with `settled` applied) moved back to offsets in
    the original, and the settled fixes some of them took in.

    A proposal clear of every settled fix only moves. One that touches settled fixes
    ("jd vance" once "vanceBREMEN" is split) becomes one fix over both spans, as sure as the
    least sure of them, if it would be applied at all; proposals below `threshold` that touch
    a settled fix are dropped (the fix already decided that span).
    """
    revised_starts: list[int] = []  # where each settled fix's replacement stands in `revised`
    revised_ends: list[int] = []
    shifts: list[int] = [0]  # revised offset minus original offset after each fix
    for fix in settled:
        start = fix.start + shifts[-1]
        revised_starts.append(start)
        revised_ends.append(start + len(fix.replacement))
        shifts.append(shifts[-1] + len(fix.replacement) - (fix.end - fix.start))
    carried: list[_Proposal] = []
    taken_in: set[tuple[int, int, str]] = set()
    for proposal in proposals:
        first = bisect.bisect_left(revised_ends, proposal.start)  # fixes before it: [0, first)
        stop = bisect.bisect_right(revised_starts, proposal.end)  # touching it: [first, stop)
        if first >= stop:
            proposal.start -= shifts[first]
            proposal.end -= shifts[first]
            carried.append(proposal)
            continue
        if proposal.confidence < threshold:
            continue
        touched = settled[first:stop]
        start = min(proposal.start, revised_starts[first])
        end = max(proposal.end, revised_ends[stop - 1])
        before, after = revised[start : proposal.start], revised[proposal.end : end]
        proposal.replacement = before + proposal.replacement + after
        proposal.start = touched[0].start if start == revised_starts[first] else start - shifts[first]
        proposal.end = touched[-1].end if end == revised_ends[stop - 1] else end - shifts[stop]
        proposal.confidence = min(proposal.confidence, *(fix.confidence for fix in touched))
        taken_in.update((fix.start, fix.end, fix.replacement) for fix in touched)
        carried.append(proposal)
    return carried, taken_in


def _note_garble(garbles: dict[str, set[str]], entity_id: str, original: str, replacement: str) -> None:
    """Remember a one-word original fixed to an entity, when it was a garble (not only its
    case or spacing): later garbles of the same name tend to look like it."""
    if " " in original or not original.isalpha():
        return
    folded = key(original)
    if folded != joined_key(replacement):
        garbles.setdefault(entity_id, set()).add(folded)


def _with(evidence: Evidence | None, **changes: Any) -> Evidence | None:
    """`evidence` with some fields changed (None stays None)."""
    return None if evidence is None else dataclasses.replace(evidence, **changes)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans (starts[i], ends[i])."""
    at = bisect.bisect_left(starts, start)
    if at < len(starts) and starts[at] < end:
        return True
    return at > 0 and ends[at - 1] > start


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of at most ~64 KB that end at a line break (or whitespace) when possible."""
    start, size = 0, len(text)
    while start < size:
        end = min(size, start + _BLOCK_CHARS)
        if end < size:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
            if cut > start:
                end = cut + 1
        yield start, end
        start = end


def _alias_gap(alias: str, alias_tokens: list[re.Match[str]], alignment: Alignment, i: int) -> str | None:
    """The separator the spelling puts before the alias words of group `i`."""
    a0 = alignment.groups[i].alias[0]
    if a0 == 0:
        return None
    return alias[alias_tokens[a0 - 1].end() : alias_tokens[a0].start()]


def _whole_names_first(proposals: Sequence[_Proposal]) -> None:
    """A lower-cased name restored whole is at least as sure as any lower-cased name inside
    it ("asia minor" as Asia Minor rather than "asia" alone, "ronald reagan" rather than
    "reagan"): both only restore capitals, and the longer spelling explains more of the text."""
    case = sorted((p for p in proposals if p.reason is Reason.CASE), key=lambda p: (p.start, -p.end))
    for i, big in enumerate(case):
        for small in case[i + 1 :]:
            if small.start >= big.end:
                break
            if small.end <= big.end and (small.start, small.end) != (big.start, big.end):
                big.confidence = max(big.confidence, small.confidence)


def _closest_spellings(joined: str, rows: Sequence[AliasRow]) -> list[AliasRow]:
    """The candidates whose joined letters are closest to the window's, ranked in C: the
    `_ALIGN_LIMIT` closest distinct spellings, each with its few most prominent rows, so that
    eleven entries for "Tai'an" cannot crowd out Taiwan."""
    by_joined: dict[str, list[AliasRow]] = {}
    for row in rows:
        by_joined.setdefault(row.joined, []).append(row)
    ranked = process.extract(joined, list(by_joined), scorer=fuzz.ratio, limit=_ALIGN_LIMIT)
    chosen: list[AliasRow] = []
    for spelling, _, _ in ranked:
        same = sorted(by_joined[spelling], key=lambda row: (-row.prominence, row.id))
        chosen.extend(same[:_ROWS_PER_SPELLING])
    return chosen


def _as_the_text_writes(text: str, proposals: list[_Proposal]) -> list[_Proposal]:
    """Replacement words with diacritics as the text writes them elsewhere without ("Cancjun"
    -> "Cancun" in a text that writes "Cancun", not "Cancún"): the text's spelling family
    is kept whenever it is a valid one. A text that writes both keeps the canonical form."""
    accented = [p for p in proposals if not p.replacement.isascii()]
    if not accented:
        return proposals
    written = set(WORD.findall(text))
    for proposal in accented:
        for word in set(WORD.findall(proposal.replacement)):
            plain = fold(word)
            if plain != word and plain in written and word not in written:
                proposal.replacement = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", plain, proposal.replacement)
    return [p for p in proposals if p.replacement != text[p.start : p.end]]


def _nearest_spelling_first(
    scored: tuple[tuple[float, AliasRow, Alignment], ...], written: str
) -> tuple[tuple[float, AliasRow, Alignment], ...]:
    """Among equally good spellings of the best entity, the one nearest to what was written
    first, so that a fix of case or spacing changes as little as it can ("al mukalla" ->
    "Al Mukalla", not "Al'-Mukalla"). A garble gets the canonical spelling, as ranked."""
    top, entity = scored[0][0], scored[0][1].entity
    ties = 0
    while ties < len(scored) and scored[ties][0] == top and scored[ties][1].entity == entity:
        ties += 1
    if ties < 2:
        return scored
    folded = written.casefold()
    head = sorted(scored[:ties], key=lambda item: -fuzz.ratio(folded, item[1].text.casefold()))
    return (*head, *scored[ties:])


def _shouting(statuses: Sequence[WordStatus], window: Window) -> bool:
    """Whether the words next to a window are in capitals too (a headline, a shouted line)."""
    around = [k for k in (window.first - 1, window.last + 1) if 0 <= k < len(statuses)]
    return any(statuses[k].shape == UPPER for k in around)


def _respells_an_acronym(written: Sequence[str], row: AliasRow, alignment: Alignment) -> bool:
    """Whether a changed group turns a word that begins with three capitals and has four or
    more letters, in ordinary text, into a name word that is not written in capitals: such a
    word is an acronym of its own ("NEMISIS", "NATis" is not "Nazis"), while broken acronyms
    ("NAT0", "NASW", "FIFia") keep their capitals."""
    spelled = WORD.findall(row.text)
    for group in alignment.groups:
        if group.exact:
            continue
        members = written[group.mention[0] : group.mention[1] + 1]
        if not any(len(word) >= 4 and word[:3].isupper() for word in members):
            continue
        if not all(part.isupper() for part in spelled[group.alias[0] : group.alias[1] + 1]):
            return True
    return False


def _swaps_a_word(mention: Sequence[str], spelling: Sequence[str], alignment: Alignment) -> bool:
    """Whether a changed word group is neither like the name's word in letters nor in sound:
    another word in the name's place, not a broken spelling of it."""
    for group in alignment.groups:
        if group.exact or group.similarity >= _MIN_WORD_LIKENESS:
            continue
        left = "".join(mention[group.mention[0] : group.mention[1] + 1])
        right = "".join(spelling[group.alias[0] : group.alias[1] + 1])
        if _phonetic_agreement(left, right) < 1.0:
            return True
    return False


def _phonetic_agreement(left: str, right: str) -> float:
    """1 when the two share a phonetic code, 0.5 when one metaphone code extends the other."""
    a, b = set(phonetic_codes(left)), set(phonetic_codes(right))
    if a & b:
        return 1.0
    ma = next((c for c in a if c[0] == "m"), "")
    mb = next((c for c in b if c[0] == "m"), "")
    if len(ma) >= 4 and len(mb) >= 4 and (ma.startswith(mb) or mb.startswith(ma)):
        return 0.5
    return 0.0


def _joined_by_space(text: str, tokens: Sequence[Token], i: int) -> bool:
    return i + 1 < len(tokens) and text[tokens[i].end : tokens[i + 1].start] == " "


def _neighbours(statuses: Sequence[WordStatus], first: int, last: int, reach: int = 3) -> list[WordStatus]:
    """Up to `reach` words on each side of the words `first`..`last`."""
    return [*statuses[max(0, first - reach) : first], *statuses[last + 1 : last + 1 + reach]]


def _foreign_share(statuses: Sequence[WordStatus], first: int, last: int) -> float:
    """Share of the nearby words that are not known English words or names, or are common
    words of another language ("sur", "la"): high inside a passage in another language
    ("Etudes sur la Phonologie Chinoise"), where English spellings are the wrong yardstick."""
    around = _neighbours(statuses, first, last)
    if not around:
        return 0.0
    return sum(word.strength < 1.0 or bool(word.info.flags & Flag.FOREIGN) for word in around) / len(around)


def _foreign_passage(statuses: Sequence[WordStatus], first: int, last: int) -> float:
    """Share of the nearby words that are common words of another language. A word of that
    language among them is text in it ("sur la Phonologie Chinoise"), not a garble that
    translation left in English text ("Rusia", whose neighbours are English)."""
    around = _neighbours(statuses, first, last)
    if not around:
        return 0.0
    return sum(bool(word.info.flags & Flag.FOREIGN) for word in around) / len(around)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _lone_lower_case_fix(row: AliasRow, entity: Entity) -> bool:
    """A single lower-case word is capitalised only as a well-known place or nationality
    ("argentina", "brazilian") or a very prominent person or body ("einstein", "facebook");
    a lesser surname may be a word in its own right ("santorum"), and "psu" is not "PSU".
    Words that are also ordinary lower-case words never reach here ("trump", "mecca")."""
    if row.prominence < 0.6 or (len(row.joined) < 5 and row.prominence < 0.9):
        return False  # "tapa" is no place; "iran" and "nato" are
    if row.kind == "place" or (row.kind == "demonym" and entity.country is not None):
        return not row.text.isupper()
    return row.prominence >= 0.8 and len(row.joined) >= 4


def _new_words(original: str, replacement: str) -> list[str]:
    """Folded words the replacement writes that the original did not (case counts)."""
    before = set(WORD.findall(original))
    return [key(word) for word in WORD.findall(replacement) if word not in before]


def _joinable(row: AliasRow, spelling: Sequence[str]) -> bool:
    """Whether a name is famous enough, and its words long enough, for a word that runs them
    together to be read as it ("Marcorubio", "Gameofthrones"), rather than as a word in its
    own right ("Lapita" is not "La Pita"). Short connectors may stand inside ("of", "in")."""
    if row.prominence < 0.6 or len(spelling[0]) < 3 or len(spelling[-1]) < 3:
        return False
    return all(len(word) >= 3 or word in _INNER_SHORT_WORDS for word in spelling[1:-1])


def _split_helps(
    mention: Sequence[str], alias: Sequence[str], alignment: Alignment, fragment: WordStatus
) -> bool:
    """A lower-case fragment belongs to the name only if joining it in matches better than
    leaving it out, and the joined letters nearly agree; when the fragment is a word of its
    own ("Labra dor", but not "Westphal is"), the name word it ends must be spelled exactly."""
    if alignment.merges == 0 or alignment.score < 0.9:
        return False
    if fragment.strength == 1.0:
        ending = next(g for g in alignment.groups if g.mention[1] == len(mention) - 1)
        if not (ending.exact and ending.mention[0] < ending.mention[1]):
            return False
    without = align(mention[:-1], alias)
    return without is None or alignment.score > without.score + 0.02


def _ocr_prone(word: WordStatus) -> bool:
    return len(ocr_readings(word.key)) > 1


def _ocr_explains(words: Sequence[WordStatus], alias_keys: Sequence[str]) -> bool:
    """Whether reading the words as OCR misreadings brings them closer to the spelling."""
    joined = "".join(w.key for w in words)
    target = "".join(alias_keys)
    plain = similarity(joined, target)
    return any(similarity(reading, target) >= max(plain + 0.05, 0.9) for reading in ocr_readings(joined)[1:])


def _urlish(text: str, tokens: Sequence[Token], window: Window) -> bool:
    """Words inside an address, handle, path or identifier are not names to rewrite."""
    start = tokens[window.first].start
    end = tokens[window.last].end
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2]
    return bool(before and before in "@/\\_#.:") or bool(_URLISH.match(after))


def _last_word(name: str) -> str | None:
    words = WORD.findall(name)
    return words[-1] if len(words) > 1 else None

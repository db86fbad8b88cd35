"""The `namefix` command: a thin layer over `correct_many` and the gazetteer API.

    namefix [OPTIONS] [FILE ...]          correct files (or stdin) to stdout
    namefix gazetteer check FILE ...      validate gazetteer files, print counts per kind
    namefix gazetteer stats [OPTIONS]     print the counts of a compiled gazetteer

`gazetteer` is the subcommand only as the *first* argument; anywhere else it is a file name,
and a file of that name is always reachable as `./gazetteer`.

Input is read as UTF-8 in documents of whole paragraphs (see `--unit`) and each document is
written (and flushed) as soon as it is corrected, so output that was written is never lost
when a later document fails. Exit status: 0 ok, 1 runtime error (one line naming the file and
line), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import stat
import sys
import time
import typing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

from . import __version__
from .batch import correct_many
from .config import Config
from .corrector import Corrector
from .errors import NamefixError
from .results import KINDS, Correction, Fix, apply_fixes

__all__ = ["build_parser", "config_flags", "main"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

#: With `--unit text`, a document is cut at the first blank line after this many characters;
#: a file smaller than this is corrected exactly as `namefix.correct` would correct it.
DOCUMENT_CHARS = 1 << 16
#: Without blank lines, a document is cut at a line break after this many characters.
MAX_DOCUMENT_CHARS = 1 << 18
#: The progress bar appears only for inputs at least this large (in bytes).
PROGRESS_MIN_BYTES = 1 << 20

#: Help for the flags generated from `Config` fields (see `config_flags`).
_CONFIG_HELP = {
    "min_confidence": "leave out fixes below this confidence, in [0, 1] (default: %(default)s)",
    "use_context": "let titles and roles before a name support a match (default: on)",
    "use_document": "let the rest of the document support a match (default: on)",
    "kinds": f"comma-separated kinds of entity to correct to (default: all of {','.join(KINDS)})",
    "max_mention_words": "the longest mention considered, in words (default: %(default)s)",
}

log = logging.getLogger("namefix")


class CliError(Exception):
    """A runtime failure, reported as one line that says where it happened."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None) -> None:
        self.message, self.source, self.line = message, source, line
        super().__init__(message)

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.source, self.line) if part is not None)
        return f"{where}: {self.message}" if where else self.message


# --------------------------------------------------------------------------------------
# Arguments


def config_flags() -> dict[str, str]:
    """The command-line flag of each `Config` field: `min_confidence` -> `--min-confidence`."""
    return {name: "--" + name.replace("_", "-") for name in Config.field_names()}


def _add_config_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per `Config` field, typed from its annotation, so the two cannot drift."""
    group = parser.add_argument_group("correction settings (namefix.Config)")
    hints = typing.get_type_hints(Config)
    defaults = Config()
    for name, flag in config_flags().items():
        kind = hints[name]
        help_text = _CONFIG_HELP.get(name, f"Config.{name}")
        default = getattr(defaults, name)
        if kind is bool:
            group.add_argument(
                flag, dest=name, action=argparse.BooleanOptionalAction, default=None, help=help_text
            )
        elif kind in (int, float):
            group.add_argument(
                flag,
                dest=name,
                type=kind,
                default=None,
                metavar="N",
                help=help_text.replace("%(default)s", str(default)),
            )
        elif kind == frozenset[str]:
            group.add_argument(flag, dest=name, type=_comma_list, default=None, metavar="A,B", help=help_text)
        else:  # pragma: no cover - a new Config field needs a rule here; the tests catch it
            raise TypeError(f"no command-line rule for Config.{name} of type {kind}")


def _comma_list(value: str) -> frozenset[str]:
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs or os.cpu_count() or 1


def _add_gazetteer_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gazetteer", action="append", metavar="PATH",
        help="a YAML gazetteer file or folder to use as well (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--no-default-gazetteer", action="store_true",
        help="use only the --gazetteer files, not the bundled gazetteer",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The parser of `namefix [OPTIONS] [FILE ...]`."""
    parser = argparse.ArgumentParser(
        prog="namefix",
        description="Repair misspelled and garbled proper names in text, against a gazetteer.",
        epilog="Subcommands (as the first argument): 'namefix gazetteer check FILE...', "
        "'namefix gazetteer stats'. A file named 'gazetteer' can be given as ./gazetteer.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files; '-' or none: stdin")
    parser.add_argument("--version", action="version", version=f"namefix {__version__}")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON object per input: text and fixes")
    output.add_argument("--jsonl", action="store_true", help="JSON-lines in and out; corrects --field")
    output.add_argument("--explain", action="store_true", help="list each fix (FILE:LINE:COL), not the text")
    output.add_argument(
        "--diff", action="store_true", help="show changed lines and their fixes, not the text"
    )
    parser.add_argument("--field", metavar="NAME", help="with --jsonl: the field to correct (default: text)")
    parser.add_argument(
        "--fixes-field", metavar="NAME", help="with --jsonl: also store the fixes in this field"
    )
    parser.add_argument(
        "--unit", choices=("text", "paragraph", "line"),
        help="what one document is: the whole text, read in paragraphs of about 64K characters "
        "(default); each paragraph; or each line. Evidence is shared within a document only.",
    )  # fmt: skip
    _add_gazetteer_flags(parser)
    _add_config_flags(parser)
    run = parser.add_argument_group("running")
    run.add_argument(
        "--jobs", "-j", type=_jobs, default=1, metavar="N", help="processes to use; 0: one per CPU"
    )
    run.add_argument(
        "--errors", choices=("strict", "replace"), default="strict",
        help="undecodable input: stop with an error (default) or read it as U+FFFD",
    )  # fmt: skip
    run.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour --diff/--explain"
    )
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no notes on stderr")
    return parser


def build_gazetteer_parser() -> argparse.ArgumentParser:
    """The parser of `namefix gazetteer check|stats`."""
    parser = argparse.ArgumentParser(prog="namefix gazetteer", description="Check and describe gazetteers.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,stats}")
    check = commands.add_parser("check", help="validate gazetteer files and print counts per kind")
    check.add_argument("paths", nargs="+", metavar="FILE", help="YAML files or folders of them")
    stats = commands.add_parser("stats", help="print the counts of the compiled gazetteer")
    _add_gazetteer_flags(stats)
    stats.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status argparse chose (help, version, usage error)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE


# --------------------------------------------------------------------------------------
# Entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run `namefix` with `argv` (default: the process arguments); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["gazetteer"]:
        with _notes(quiet=False):
            return _gazetteer_main(arguments[1:])
    parser = build_parser()
    args = _parse(parser, arguments)
    if isinstance(args, int):
        return args
    try:
        config = _config(args)
        _check_combinations(args)
    except (ValueError, TypeError) as exc:
        parser.print_usage(sys.stderr)
        print(f"namefix: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with _notes(args.quiet):
        return _correct_main(args, config)


def _config(args: argparse.Namespace) -> Config:
    given = {name: getattr(args, name) for name in Config.field_names() if getattr(args, name) is not None}
    return Config(**given)


def _check_combinations(args: argparse.Namespace) -> None:
    if not args.jsonl and (args.field or args.fixes_field):
        raise ValueError("--field and --fixes-field need --jsonl")
    if args.jsonl and args.unit:
        raise ValueError("--unit does not apply to --jsonl (each line is a document)")
    if args.no_default_gazetteer and not args.gazetteer:
        raise ValueError("--no-default-gazetteer needs at least one --gazetteer PATH")


@contextlib.contextmanager
def _notes(quiet: bool) -> Iterator[None]:
    """Show namefix's log messages on stderr ("compiling the gazetteer…") for this run."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("namefix: %(message)s"))
    previous = log.level
    log.addHandler(handler)
    log.setLevel(logging.ERROR if quiet else logging.INFO if _is_tty(sys.stderr) else logging.WARNING)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(previous)


def _correct_main(args: argparse.Namespace, config: Config) -> int:
    sources = args.files or ["-"]
    output = _Output(sys.stdout)
    try:
        for source in sources:
            _check_readable(source)
        corrector = Corrector(args.gazetteer, include_default=not args.no_default_gazetteer, config=config)
    except (CliError, NamefixError) as exc:
        return _fail(exc)
    writer = _writer(args, output)
    progress = _progress(sources, args.quiet)
    documents = _documents(sources, args)
    queue: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            queue.append(document)
            yield document.text

    chunksize = 1 if (args.unit or "text") == "text" and not args.jsonl else 32
    try:
        for correction in correct_many(texts(), jobs=args.jobs, corrector=corrector, chunksize=chunksize):
            document = queue.popleft()
            writer.write(document, correction)
            output.flush()
            progress.advance(document.size)
        return EXIT_OK
    except CliError as exc:
        return _fail(exc)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an engine failure: say where, keep what was written
        message = f"{type(exc).__name__}: {exc}"
        return _fail(CliError(message, queue[0].display, queue[0].line) if queue else CliError(message))
    finally:
        progress.close()
        with contextlib.suppress(BrokenPipeError):
            output.flush()


def _fail(error: Exception) -> int:
    print(f"namefix: error: {error}", file=sys.stderr)
    return EXIT_ERROR


def _silence_stdout() -> None:
    """After the reader of a pipe went away, let the interpreter exit without another error."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _check_readable(source: str) -> None:
    """Fail before writing anything when a named file cannot be read at all."""
    if source == "-":
        return
    try:
        with open(source, "rb"):
            pass
    except OSError as exc:
        hint = " (the gazetteer command must be the first argument)" if source == "gazetteer" else ""
        raise CliError(f"{exc.strerror or exc}{hint}", source) from None


# --------------------------------------------------------------------------------------
# Reading documents


@dataclass(slots=True)
class Document:
    """A piece of input corrected as one text, and where it came from."""

    source: str  # the file as named, "-" for stdin
    line: int  # the line its text starts on, 1-based
    offset: int  # characters before it in its source
    text: str
    size: int  # bytes it was read from
    last: bool = False  # the last document of its source
    record: dict[str, Any] | None = None  # --jsonl: the parsed object
    raw: str = ""  # --jsonl: the line as read, written back when nothing changes

    @property
    def display(self) -> str:
        return "<stdin>" if self.source == "-" else self.source

    def where(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) of `offset` in the text."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.line + self.text.count("\n", 0, offset), offset - line_start + 1


def _documents(sources: Iterable[str], args: argparse.Namespace) -> Iterator[Document]:
    for source in sources:
        with _opened(source) as handle:
            lines = _decoded_lines(handle, source, args.errors)
            if args.jsonl:
                yield from _jsonl_documents(source, lines, args.field or "text")
            else:
                yield from _text_documents(source, lines, args.unit or "text")


@contextlib.contextmanager
def _opened(source: str) -> Iterator[BinaryIO]:
    if source == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CliError(exc.strerror or str(exc), source) from None
    with handle:
        yield handle


def _decoded_lines(handle: BinaryIO, source: str, errors: str) -> Iterator[tuple[str, int]]:
    """(line, bytes read) pairs, line endings kept. UTF-8 never has a newline byte inside a
    character, so decoding line by line gives the same text as decoding the whole file."""
    for number, raw in enumerate(handle, start=1):
        try:
            yield raw.decode("utf-8", errors), len(raw)
        except UnicodeDecodeError as exc:
            raise CliError(
                f"invalid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line); "
                "--errors replace reads undecodable bytes as U+FFFD",
                "<stdin>" if source == "-" else source,
                number,
            ) from None


def _text_documents(source: str, lines: Iterable[tuple[str, int]], unit: str) -> Iterator[Document]:
    """Documents of whole lines, cut after a blank line (see `--unit`); always ends with one
    marked `last`, possibly empty, so that every source yields something. When reading fails
    (undecodable bytes), the lines read before are still yielded, then the error raised."""
    pending: list[str] = []
    chars = size = offset = 0
    first_line = 1
    has_text = False
    numbered = enumerate(lines, start=1)
    while True:
        try:
            number, (line, nbytes) = next(numbered)
        except StopIteration:
            break
        except CliError:
            if pending:
                yield Document(source, first_line, offset, "".join(pending), size)
            raise
        pending.append(line)
        chars += len(line)
        size += nbytes
        blank = not line.strip()
        has_text = has_text or not blank
        if (
            unit == "line"
            or (blank and has_text and (unit == "paragraph" or chars >= DOCUMENT_CHARS))
            or chars >= MAX_DOCUMENT_CHARS
        ):
            yield Document(source, first_line, offset, "".join(pending), size)
            offset += chars
            pending, chars, size, has_text = [], 0, 0, False
            first_line = number + 1
    yield Document(source, first_line, offset, "".join(pending), size, last=True)


def _jsonl_documents(source: str, lines: Iterable[tuple[str, int]], field: str) -> Iterator[Document]:
    """One document per line; lines without the field (or with null) pass through as read."""
    display = "<stdin>" if source == "-" else source
    number = 0
    for number, (line, nbytes) in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        if not body.strip():
            yield Document(source, number, 0, "", nbytes, raw=line)
            continue
        try:
            record = json.loads(body)
        except json.JSONDecodeError as exc:
            raise CliError(f"not valid JSON: {exc.msg} at column {exc.colno}", display, number) from None
        if not isinstance(record, dict):
            raise CliError(f"expected a JSON object, found {_json_type(record)}", display, number)
        value = record.get(field)
        if value is None:
            yield Document(source, number, 0, "", nbytes, raw=line)
        elif isinstance(value, str):
            yield Document(source, number, 0, value, nbytes, record=record, raw=line)
        else:
            raise CliError(f"field {field!r} is {_json_type(value)}, not a string", display, number)
    yield Document(source, number + 1, 0, "", 0, last=True)


def _json_type(value: object) -> str:
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }
    return names.get(type(value), "null")


# --------------------------------------------------------------------------------------
# Writing results


class _Output:
    """UTF-8 on stdout whatever the locale, so bytes that were not changed come out as read."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.binary: BinaryIO | None = getattr(stream, "buffer", None)

    def write(self, text: str) -> None:
        if self.binary is not None:
            self.binary.write(text.encode("utf-8"))
        else:
            self.stream.write(text)

    def flush(self) -> None:
        (self.binary or self.stream).flush()


class _Colours:
    """ANSI colours, or empty strings when colour is off."""

    def __init__(self, on: bool) -> None:
        self.removed = "\x1b[31m" if on else ""
        self.added = "\x1b[32m" if on else ""
        self.dim = "\x1b[2m" if on else ""
        self.reset = "\x1b[0m" if on else ""


def _colour_on(choice: str, stream: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return _is_tty(stream) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def fix_to_json(fix: Fix, shift: int = 0) -> dict[str, Any]:
    """A fix as JSON data; `shift` moves its offsets (the document's place in its file)."""
    return {
        "start": fix.start + shift,
        "end": fix.end + shift,
        "original": fix.original,
        "replacement": fix.replacement,
        "confidence": fix.confidence,
        "reason": str(fix.reason),
        "entity": dataclasses.asdict(fix.entity),
    }


class _TextWriter:
    def __init__(self, output: _Output) -> None:
        self.output = output

    def write(self, document: Document, correction: Correction) -> None:
        self.output.write(correction.text)


class _JsonWriter:
    """One object per source: its whole corrected text and every fix (offsets into the
    source's text, in characters)."""

    def __init__(self, output: _Output) -> None:
        self.output = output
        self.parts: list[str] = []
        self.fixes: list[dict[str, Any]] = []

    def write(self, document: Document, correction: Correction) -> None:
        self.parts.append(correction.text)
        self.fixes.extend(fix_to_json(fix, document.offset) for fix in correction.fixes)
        if document.last:
            result = {"file": document.source, "text": "".join(self.parts), "fixes": self.fixes}
            self.output.write(json.dumps(result, ensure_ascii=False) + "\n")
            self.parts, self.fixes = [], []


class _JsonlWriter:
    """Lines that change nothing are written back exactly as read."""

    def __init__(self, output: _Output, field: str, fixes_field: str | None) -> None:
        self.output, self.field, self.fixes_field = output, field, fixes_field

    def write(self, document: Document, correction: Correction) -> None:
        record = document.record
        if record is None or (not correction.fixes and not self.fixes_field):
            self.output.write(document.raw)
            return
        record[self.field] = correction.text
        if self.fixes_field:
            record[self.fixes_field] = [fix_to_json(fix) for fix in correction.fixes]
        ending = document.raw[len(document.raw.rstrip("\r\n")) :]
        self.output.write(json.dumps(record, ensure_ascii=False) + ending)


def _describe(fix: Fix, colours: _Colours) -> str:
    entity = fix.entity
    return (
        f"{colours.removed}{fix.original}{colours.reset} → {colours.added}{fix.replacement}{colours.reset}"
        f"  {fix.confidence:.2f} {fix.reason}  {entity.name} ({entity.kind}, {entity.id})"
    )


class _ExplainWriter:
    """One line per fix: `FILE:LINE:COL: original → replacement  confidence reason  entity`."""

    def __init__(self, output: _Output, colours: _Colours) -> None:
        self.output, self.colours = output, colours

    def write(self, document: Document, correction: Correction) -> None:
        for fix in correction.fixes:
            line, column = document.where(fix.start)
            place = f"{document.display}:{line}:{column}:"
            self.output.write(
                f"{self.colours.dim}{place}{self.colours.reset} {_describe(fix, self.colours)}\n"
            )


class _DiffWriter:
    """Each changed line before and after, then its fixes; for reading, not for `patch`."""

    def __init__(self, output: _Output, colours: _Colours) -> None:
        self.output, self.colours = output, colours

    def write(self, document: Document, correction: Correction) -> None:
        c = self.colours
        text = document.text
        by_line: dict[int, list[Fix]] = {}
        for fix in correction.fixes:
            by_line.setdefault(text.rfind("\n", 0, fix.start) + 1, []).append(fix)
        for line_start, fixes in by_line.items():
            line_end = text.find("\n", line_start)
            line = text[line_start : len(text) if line_end < 0 else line_end].rstrip("\r")
            shifted = [
                dataclasses.replace(fix, start=fix.start - line_start, end=fix.end - line_start)
                for fix in fixes
            ]
            before = _marked(line, shifted, c.removed, c.reset, lambda fix: fix.original)
            after = _marked(line, shifted, c.added, c.reset, lambda fix: fix.replacement)
            number, _ = document.where(line_start)
            lines = [f"{c.dim}{document.display}:{number}{c.reset}", f"- {before}", f"+ {after}"]
            lines += [f"    {_describe(fix, c)}" for fix in fixes]
            self.output.write("\n".join(lines) + "\n")


def _marked(line: str, fixes: list[Fix], start: str, end: str, text_of: Any) -> str:
    """`line` with each fix's span written by `text_of(fix)`, between colour codes."""
    if not start:
        return apply_fixes(line, [dataclasses.replace(fix, replacement=text_of(fix)) for fix in fixes])
    pieces, position = [], 0
    for fix in fixes:
        pieces += [line[position : fix.start], start, text_of(fix), end]
        position = fix.end
    pieces.append(line[position:])
    return "".join(pieces)


def _writer(args: argparse.Namespace, output: _Output) -> Any:
    colours = _Colours(_colour_on(args.color, sys.stdout))
    if args.json:
        return _JsonWriter(output)
    if args.jsonl:
        return _JsonlWriter(output, args.field or "text", args.fixes_field)
    if args.explain:
        return _ExplainWriter(output, colours)
    if args.diff:
        return _DiffWriter(output, colours)
    return _TextWriter(output)


# --------------------------------------------------------------------------------------
# Progress


class _Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: IO[str] | None) -> None:
        self.total, self.stream = total, stream
        self.done = 0
        self.drawn_at = 0.0

    def advance(self, size: int) -> None:
        if self.stream is None:
            return
        self.done += size
        now = time.monotonic()
        if now - self.drawn_at >= 0.1:
            self.drawn_at = now
            share = min(1.0, self.done / self.total)
            bar = "#" * int(share * 30)
            self.stream.write(
                f"\rnamefix [{bar:<30}] {share:4.0%}  {self.done / 1e6:.1f} of {self.total / 1e6:.1f} MB"
            )
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None and self.drawn_at:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()


def _progress(sources: Sequence[str], quiet: bool) -> _Progress:
    """A bar only when stderr is a terminal, stdout is not (they would mix), and the size of
    the input is known (regular files) and large."""
    if quiet or not _is_tty(sys.stderr) or _is_tty(sys.stdout):
        return _Progress(1, None)
    total = 0
    for source in sources:
        try:
            status = os.fstat(sys.stdin.fileno()) if source == "-" else os.stat(source)
        except (OSError, ValueError):
            return _Progress(1, None)
        if not stat.S_ISREG(status.st_mode):
            return _Progress(1, None)
        total += status.st_size
    return _Progress(total, sys.stderr if total >= PROGRESS_MIN_BYTES else None)


# --------------------------------------------------------------------------------------
# namefix gazetteer …


def _gazetteer_main(argv: Sequence[str]) -> int:
    args = _parse(build_gazetteer_parser(), argv)
    if isinstance(args, int):
        return args
    if args.command == "check":
        return _check(args.paths)
    if args.no_default_gazetteer and not args.gazetteer:
        print(
            "namefix gazetteer stats: error: --no-default-gazetteer needs a --gazetteer PATH", file=sys.stderr
        )
        return EXIT_USAGE
    return _stats(args.gazetteer, not args.no_default_gazetteer, args.json)


def _check(paths: Sequence[str]) -> int:
    """Validate every file (ids must be unique across them) and print counts per kind."""
    from .schema import expand_paths, records_of

    try:
        files = expand_paths(paths)
        per_file: dict[str, dict[str, int]] = {}
        for record in records_of(files):
            counts = per_file.setdefault(record.path, dict.fromkeys(KINDS, 0) | {"spellings": 0})
            counts[record.entity.kind] += 1
            counts["spellings"] += 1 + len(record.aliases)
    except NamefixError as exc:
        return _fail(exc)
    if not files:
        return _fail(CliError("no .yaml files found", ", ".join(paths)))
    for path in files:
        counts = per_file.get(str(path), dict.fromkeys(KINDS, 0) | {"spellings": 0})
        print(f"{path}: ok")
        print(_count_table(counts))
    if len(files) > 1:
        total = {key: sum(counts[key] for counts in per_file.values()) for key in [*KINDS, "spellings"]}
        print(f"all {len(files)} files: ok")
        print(_count_table(total))
    return EXIT_OK


def _count_table(counts: dict[str, int]) -> str:
    entities = sum(counts[kind] for kind in KINDS)
    rows = [("entities", entities)] + [(f"  {kind}", counts[kind]) for kind in KINDS if counts[kind]]
    rows.append(("spellings (names and aliases)", counts["spellings"]))
    return "\n".join(f"  {label:<32}{value:>10,}" for label, value in rows)


def _stats(paths: Sequence[str] | None, include_default: bool, as_json: bool) -> int:
    from .gazetteer import load_gazetteer

    try:
        gazetteer = load_gazetteer(paths, include_default=include_default)
    except (NamefixError, ValueError) as exc:
        return _fail(exc)
    stats = gazetteer.stats
    if as_json:
        print(json.dumps({"files": len(gazetteer.files), **stats}))
        return EXIT_OK
    rows = [("files", len(gazetteer.files)), ("entities", stats.get("entities", len(gazetteer)))]
    rows += [
        (f"  {key.removeprefix('entities_')}", value)
        for key, value in stats.items()
        if key.startswith("entities_")
    ]
    rows += [(key.replace("_", " "), value) for key, value in stats.items() if not key.startswith("entities")]
    for label, value in rows:
        print(f"{label:<24}{value:>12,}")
    return EXIT_OK

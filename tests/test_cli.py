"""The `namefix` command, driven as a user drives it: `python -m namefix` in a subprocess.

All runs use the small test gazetteer (tests/data/mini.yaml) through MINI_FLAGS.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import namefix
from namefix import cli
from tests.conftest_cli_helpers import MINI, MINI_FLAGS, run_namefix, use_session_cache

ARTICLE = (
    "Secretary Marcorubio met jd vance in Bremen.\n"
    "\n"
    "Pete Hegseth spoke. Later Hegseht left.\r\n"
    "No names here.\n"
)
EXPECTED = (
    "Secretary Marco Rubio met JD Vance in Bremen.\n"
    "\n"
    "Pete Hegseth spoke. Later Hegseth left.\r\n"
    "No names here.\n"
)


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from use_session_cache(tmp_path_factory)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode())
    return path


def ok(result: object) -> str:
    assert result.returncode == 0, result.stderr.decode()  # type: ignore[attr-defined]
    return result.stdout.decode()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------
# Plain text


def test_stdin_to_stdout() -> None:
    result = run_namefix(MINI_FLAGS, b"Secretary Marcorubio met jd vance.\n")
    assert ok(result) == "Secretary Marco Rubio met JD Vance.\n"
    assert result.stderr == b""


def test_file_matches_the_api(article: Path) -> None:
    assert ok(run_namefix([*MINI_FLAGS, str(article)])) == EXPECTED
    corrector = namefix.Corrector(MINI, include_default=False)
    assert corrector.correct(ARTICLE).text == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no final newline",
        "\n\n\n  \t\n",
        "\ufeffBOM first.\r\n\r\n\r\nWindows lines.\r\n",
        "one\n\n\n\ntwo  \n \n\tthree\n",
        "Ünïcödé — “quotes” 東京\n",
    ],
)
def test_output_is_input_when_nothing_is_fixed(text: str) -> None:
    data = text.encode()
    for unit in ("text", "paragraph", "line"):
        assert run_namefix([*MINI_FLAGS, "--unit", unit], data).stdout == data


def test_files_and_stdin_in_order(tmp_path: Path, article: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("Then Marcorubio.\n")
    result = run_namefix([*MINI_FLAGS, str(second), "-", str(article)], b"jd vance, from stdin\n")
    assert ok(result) == "Then Marco Rubio.\nJD Vance, from stdin\n" + EXPECTED


def test_min_confidence_flag(article: Path) -> None:
    strict = ok(run_namefix([*MINI_FLAGS, "--min-confidence", "0.99", str(article)]))
    assert "Hegseht" in strict and "Marco Rubio" in strict


def test_a_file_named_gazetteer(tmp_path: Path) -> None:
    (tmp_path / "gazetteer").write_text("Marcorubio\n")
    assert ok(run_namefix([*MINI_FLAGS, "./gazetteer"], cwd=tmp_path)) == "Marco Rubio\n"
    result = run_namefix([*MINI_FLAGS, "gazetteer"], cwd=tmp_path)  # not first: a file
    assert ok(result) == "Marco Rubio\n"


# --------------------------------------------------------------------------------------
# JSON and JSON lines


def test_json_is_one_object_with_text_and_fixes(article: Path) -> None:
    result = json.loads(ok(run_namefix([*MINI_FLAGS, "--json", str(article)])))
    assert result["text"] == EXPECTED
    assert result["file"] == str(article)
    pieces, position = [], 0
    for fix in result["fixes"]:
        assert ARTICLE[fix["start"] : fix["end"]] == fix["original"]
        pieces += [ARTICLE[position : fix["start"]], fix["replacement"]]
        position = fix["end"]
    assert "".join(pieces) + ARTICLE[position:] == EXPECTED
    first = result["fixes"][0]
    assert first["entity"]["id"] == "curated:person/marco-rubio"
    assert first["reason"] == "joined" and 0 <= first["confidence"] <= 1


def test_json_offsets_hold_across_documents(tmp_path: Path) -> None:
    text = "".join(f"Paragraph {i} names Marcorubio.\n\n" for i in range(40))
    path = tmp_path / "long.txt"
    path.write_text(text)
    for unit in ("paragraph", "line"):
        result = json.loads(ok(run_namefix([*MINI_FLAGS, "--json", "--unit", unit, str(path)])))
        assert len(result["fixes"]) == 40
        assert all(text[f["start"] : f["end"]] == "Marcorubio" for f in result["fixes"])


def test_json_with_two_inputs_gives_two_lines(article: Path) -> None:
    lines = ok(run_namefix([*MINI_FLAGS, "--json", str(article), "-"], b"jd vance")).splitlines()
    assert [json.loads(line)["text"] for line in lines] == [EXPECTED, "JD Vance"]
    assert json.loads(lines[1])["file"] == "-"


def test_jsonl_passes_other_fields_through(tmp_path: Path) -> None:
    records = [
        {"id": 1, "text": "Secretary Marcorubio met jd vance.", "meta": {"lang": "en", "n": [1, 2.5]}},
        {"id": 2, "text": "Nothing to fix.", "score": 0.1},
        {"id": 3, "title": "no text field"},
        {"id": 4, "text": None},
        {"id": 5, "body": "Marcorubio", "text": "Pete Hegseth and Hegseht"},
    ]
    raw = "\n".join(json.dumps(record) for record in records) + "\n\n"  # a blank line too
    path = tmp_path / "in.jsonl"
    path.write_text(raw)
    out = ok(run_namefix([*MINI_FLAGS, "--jsonl", str(path)]))
    out_lines, in_lines = out.split("\n"), raw.split("\n")
    assert len(out_lines) == len(in_lines)
    for before, after in zip(in_lines, out_lines, strict=True):
        if not before:
            assert after == ""
            continue
        old, new = json.loads(before), json.loads(after)
        assert {k: v for k, v in new.items() if k != "text"} == {k: v for k, v in old.items() if k != "text"}
    assert json.loads(out_lines[0])["text"] == "Secretary Marco Rubio met JD Vance."
    assert json.loads(out_lines[4])["text"] == "Pete Hegseth and Hegseth"
    for unchanged in (1, 2, 3):  # nothing fixed: the line is written back as read
        assert out_lines[unchanged] == in_lines[unchanged]


def test_jsonl_field_and_fixes_field() -> None:
    line = json.dumps({"body": "Marcorubio spoke", "text": "jd vance"}) + "\n"
    args = [*MINI_FLAGS, "--jsonl", "--field", "body", "--fixes-field", "fixes"]
    record = json.loads(ok(run_namefix(args, line.encode())))
    assert record["body"] == "Marco Rubio spoke" and record["text"] == "jd vance"
    assert [fix["replacement"] for fix in record["fixes"]] == ["Marco Rubio"]


def test_jsonl_bad_line_names_file_and_line() -> None:
    result = run_namefix([*MINI_FLAGS, "--jsonl"], b'{"text": "Marcorubio"}\n{"text": oops}\n')
    assert result.returncode == 1
    assert result.stdout.decode() == '{"text": "Marco Rubio"}\n'  # written before the failure
    assert result.stderr.decode().startswith("namefix: error: <stdin>:2: not valid JSON")
    wrong = run_namefix([*MINI_FLAGS, "--jsonl"], b'{"text": 3}\n')
    assert wrong.returncode == 1 and b"<stdin>:1: field 'text' is a number" in wrong.stderr


# --------------------------------------------------------------------------------------
# --jobs


def test_jobs_two_gives_the_same_output(tmp_path: Path) -> None:
    names = ["Marcorubio", "jd vance", "Hegseht", "Volodymyr Zelensky", "nobody", "Donald Trunp"]
    text = "".join(f"Line {i}: {names[i % len(names)]} said.\n\n" for i in range(150))
    path = tmp_path / "many.txt"
    path.write_text(text)
    for extra in (["--unit", "paragraph"], ["--unit", "line", "--explain"], ["--json", "--unit", "line"]):
        one = run_namefix([*MINI_FLAGS, *extra, "--jobs", "1", str(path)])
        two = run_namefix([*MINI_FLAGS, *extra, "--jobs", "2", str(path)])
        assert ok(one) == ok(two)
        assert one.stdout  # something was produced
    jsonl = "".join(json.dumps({"i": i, "text": names[i % len(names)]}) + "\n" for i in range(150)).encode()
    one = run_namefix([*MINI_FLAGS, "--jsonl", "-j", "1"], jsonl)
    assert ok(one) == ok(run_namefix([*MINI_FLAGS, "--jsonl", "-j", "2"], jsonl))


# --------------------------------------------------------------------------------------
# --explain and --diff


def test_explain_lists_each_fix_with_its_place(article: Path) -> None:
    lines = ok(run_namefix([*MINI_FLAGS, "--explain", str(article)])).splitlines()
    assert lines[0] == (
        f"{article}:1:11: Marcorubio → Marco Rubio  1.00 joined  "
        "Marco Rubio (person, curated:person/marco-rubio)"
    )
    assert lines[2].startswith(f"{article}:3:27: Hegseht → Hegseth  ")
    assert "\x1b[" not in "".join(lines)  # no colour in a pipe


def test_diff_shows_lines_before_and_after(article: Path) -> None:
    out = ok(run_namefix([*MINI_FLAGS, "--diff", str(article)]))
    assert out.splitlines()[:3] == [
        f"{article}:1",
        "- Secretary Marcorubio met jd vance in Bremen.",
        "+ Secretary Marco Rubio met JD Vance in Bremen.",
    ]
    fix_line = r"    jd vance → JD Vance  [01]\.\d\d case  JD Vance \(person, curated:person/jd-vance\)"
    assert re.search(fix_line, out)


def test_colour_only_when_asked_or_on_a_terminal(article: Path) -> None:
    coloured = ok(run_namefix([*MINI_FLAGS, "--diff", "--color", "always", str(article)]))
    assert "\x1b[31mMarcorubio\x1b[0m" in coloured and "\x1b[32mMarco Rubio\x1b[0m" in coloured
    auto = ok(run_namefix([*MINI_FLAGS, "--diff", str(article)], env={"NO_COLOR": ""}))
    assert "\x1b[" not in auto


def test_colour_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli._colour_on("auto", Terminal())
    assert not cli._colour_on("auto", io.StringIO())
    assert cli._colour_on("always", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._colour_on("auto", Terminal())


# --------------------------------------------------------------------------------------
# Failures and exit codes


def test_bad_utf8_strict_stops_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Marcorubio spoke.\n\nthen \xff\xfe here\nmore\n")
    result = run_namefix([*MINI_FLAGS, str(path)])
    assert result.returncode == 1
    message = result.stderr.decode()
    assert message.count("\n") == 1 and f"{path}:3: invalid UTF-8" in message
    assert result.stdout == b"Marco Rubio spoke.\n\n"  # what came before is written


def test_bad_utf8_replace_reads_u_fffd(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Marcorubio \xff here\n")
    result = run_namefix([*MINI_FLAGS, "--errors", "replace", str(path)])
    assert ok(result) == "Marco Rubio \ufffd here\n"


def test_a_later_failure_keeps_earlier_output(tmp_path: Path, article: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xc3(\n")
    result = run_namefix([*MINI_FLAGS, str(article), str(bad)])
    assert result.returncode == 1 and result.stdout.decode() == EXPECTED
    assert f"{bad}:1:" in result.stderr.decode()


def test_missing_file(tmp_path: Path, article: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_namefix([*MINI_FLAGS, str(article), str(missing)])
    assert result.returncode == 1
    assert result.stdout == b""  # checked before anything is written
    assert result.stderr.decode() == f"namefix: error: {missing}: No such file or directory\n"


def test_gazetteer_as_a_later_argument_hints_at_the_subcommand(tmp_path: Path) -> None:
    result = run_namefix([*MINI_FLAGS, "gazetteer", "check"], cwd=tmp_path)
    assert result.returncode == 1 and b"must be the first argument" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["--min-confidence", "2"],
        ["--min-confidence", "high"],
        ["--jobs", "-1"],
        ["--json", "--jsonl"],
        ["--field", "body"],
        ["--jsonl", "--unit", "line"],
        ["--kinds", "person,planet"],
        ["--errors", "ignore"],
        ["--no-default-gazetteer"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    extra = [] if "--no-default-gazetteer" in args else list(MINI_FLAGS)
    result = run_namefix([*extra, *args], b"text")
    assert result.returncode == 2, result.stderr
    assert result.stdout == b""
    assert b"usage: namefix" in result.stderr


def test_broken_user_gazetteer_is_a_runtime_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("namefix: 1\nentities:\n  - id: x\n    kind: person\n")
    result = run_namefix(["--no-default-gazetteer", "--gazetteer", str(broken)], b"text")
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"namefix: error: {broken}")


def test_version_and_help() -> None:
    assert ok(run_namefix(["--version"])) == f"namefix {namefix.__version__}\n"
    assert "--min-confidence" in ok(run_namefix(["--help"]))


# --------------------------------------------------------------------------------------
# namefix gazetteer …


def test_gazetteer_check_good_file() -> None:
    out = ok(run_namefix(["gazetteer", "check", str(MINI)]))
    assert out.splitlines()[0] == f"{MINI}: ok"
    counts = {" ".join(line.split()[:-1]): line.split()[-1] for line in out.splitlines()[1:]}
    assert counts["entities"] == "13" and counts["person"] == "9" and counts["place"] == "2"


def test_gazetteer_check_broken_yaml(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("namefix: 1\nentities:\n  - id: a\n    name: [unclosed\n")
    result = run_namefix(["gazetteer", "check", str(MINI), str(broken)])
    assert result.returncode == 1
    message = result.stderr.decode()
    assert message.startswith(f"namefix: error: {broken}, line ") and "not valid YAML" in message
    assert message.count("\n") == 1


def test_gazetteer_check_names_the_bad_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("namefix: 1\nentities:\n  - id: a\n    name: A\n    kind: planet\n")
    result = run_namefix(["gazetteer", "check", str(bad)])
    assert result.returncode == 1
    assert "entry a, field 'kind'" in result.stderr.decode()


def test_gazetteer_stats() -> None:
    out = ok(run_namefix(["gazetteer", "stats", *MINI_FLAGS]))
    rows = dict(line.rsplit(None, 1) for line in out.splitlines())
    assert rows["entities"] == "13" and rows["files"] == "1" and "spellings" in rows
    as_json = json.loads(ok(run_namefix(["gazetteer", "stats", "--json", *MINI_FLAGS])))
    stats = namefix.load_gazetteer(MINI, include_default=False).stats
    assert as_json == {"files": 1, **stats}


def test_gazetteer_usage_errors() -> None:
    assert run_namefix(["gazetteer"]).returncode == 2
    assert run_namefix(["gazetteer", "check"]).returncode == 2
    assert run_namefix(["gazetteer", "stats", "--no-default-gazetteer"]).returncode == 2


# --------------------------------------------------------------------------------------
# In process: the flags cannot drift from Config


def test_every_config_field_has_a_flag() -> None:
    parser = cli.build_parser()
    flags = {option for action in parser._actions for option in action.option_strings}
    assert set(cli.config_flags()) == set(namefix.Config.field_names())
    for name in ("min_confidence", "use_context", "use_document"):
        assert cli.config_flags()[name] in flags
    assert "--no-use-context" in flags and "--no-use-document" in flags


def test_flags_build_the_config() -> None:
    args = cli.build_parser().parse_args(
        ["--min-confidence", "0.7", "--no-use-context", "--kinds", "person,place", "--max-mention-words", "3"]
    )
    assert cli._config(args) == namefix.Config(
        min_confidence=0.7, use_context=False, kinds=frozenset({"person", "place"}), max_mention_words=3
    )
    assert cli._config(cli.build_parser().parse_args([])) == namefix.Config()


def test_main_returns_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"namefix {namefix.__version__}\n"
    assert cli.main(["--bogus"]) == 2
    assert cli.main(["gazetteer", "check", str(MINI)]) == 0


def test_progress_bar_draws_and_clears() -> None:
    stream = io.StringIO()
    progress = cli._Progress(4_000_000, stream)
    progress.advance(1_000_000)
    progress.close()
    drawn = stream.getvalue()
    assert "25%" in drawn and "1.0 of 4.0 MB" in drawn and drawn.endswith("\r")
    quiet = cli._Progress(1, None)
    quiet.advance(5)
    quiet.close()


def test_no_progress_bar_in_pipes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Nothing to see here.\n\n" * 60_000)  # 1.3 MB
    result = run_namefix([*MINI_FLAGS, str(big)])
    assert result.returncode == 0 and result.stderr == b""

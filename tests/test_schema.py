"""The loader refuses broken gazetteer files with the file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

import namefix
from namefix.schema import EntityRecord, Origin, derived_forms, read_entity_file

GOOD_HEADER = 'namefix: 1\nsource: "tests"\nlicense: "CC0 1.0"\nkind: person\nentities:\n'


def write(tmp_path: Path, body: str, header: str = GOOD_HEADER) -> Path:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(header + body, encoding="utf-8")
    return path


def error_of(path: Path) -> namefix.GazetteerError:
    with pytest.raises(namefix.GazetteerError) as caught:
        read_entity_file(path)
    return caught.value


def test_reads_a_good_file(tmp_path: Path) -> None:
    path = write(
        tmp_path, "  - {id: 'x:1', name: Pete Hegseth, roles: [{title: Secretary of Defense, from: 2025}]}\n"
    )
    (record,) = read_entity_file(path)
    assert record.entity.name == "Pete Hegseth" and record.entity.kind == "person"
    assert record.roles[0].title == "Secretary of Defense" and record.roles[0].start == 2025


@pytest.mark.parametrize(
    ("body", "field", "line", "message"),
    [
        ("  - {id: 'x:1'}\n", "name", 6, "required"),
        ("  - {id: 'x:1', name: A B, kind: planet}\n", "kind", 6, "unknown kind"),
        ("  - {id: 'x:1', name: A B, prominence: 3}\n", "prominence", 6, "[0, 1]"),
        ("  - {id: 'x:1', name: A B, alias: [C]}\n", "alias", 6, "unknown key"),
        ("  - {id: 'x:1', name: A B}\n  - {id: 'x:1', name: C D}\n", "id", 7, "duplicate id"),
        (
            "  - {id: 'x:1', name: A B}\n  - {id: 'x:2', name: C D, aliases: [A B]}\n",
            "aliases",
            7,
            "also names",
        ),
        ("  - {id: 'x:1', name: A B, country: usa}\n", "country", 6, "ISO"),
        ("  - {id: 'x:1', name: A B, aliases: [3]}\n", "aliases", 6, "non-empty string"),
        ("  - {id: 'x:1', name: A B, roles: [{title: X, from: soon}]}\n", "roles", 6, "integers"),
    ],
)
def test_rejects_bad_entries_precisely(
    tmp_path: Path, body: str, field: str, line: int, message: str
) -> None:
    error = error_of(write(tmp_path, body))
    assert error.field == field and error.line == line and message in str(error)
    assert str(tmp_path / "gazetteer.yaml") in str(error)


def test_rejects_malformed_yaml_with_line(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "  - {id: 'x:1', name: [unclosed\n"))
    assert error.line is not None and "not valid YAML" in str(error)


def test_rejects_python_tags_without_running_them(tmp_path: Path) -> None:
    body = "  - !!python/object/apply:os.system ['touch pwned']\n"
    error = error_of(write(tmp_path, body))
    assert "not valid YAML" in str(error)
    assert not (tmp_path / "pwned").exists()


def test_rejects_anchor_expansion(tmp_path: Path) -> None:
    header = "namefix: 1\nkind: person\nentities:\n"
    block = (
        "  - id: 'x:1'\n    name: A B\n    aliases: &lol [C D, E F]\n"
        "  - id: 'x:2'\n    name: G H\n    aliases: *lol\n"
    )
    assert "anchors" in str(error_of(write(tmp_path, block, header)))
    one_per_line = (
        "  - {id: 'x:1', name: A B, aliases: &lol [C D]}\n  - {id: 'x:2', name: G H, aliases: *lol}\n"
    )
    assert "alias" in str(error_of(write(tmp_path, one_per_line, header)))


def test_line_per_entity_files_report_the_line(tmp_path: Path) -> None:
    body = '  - {"id": "x:1", "name": "A B"}\n\n  - {"id": "x:2", "name": "C D", "prominence": 7}\n'
    error = error_of(write(tmp_path, body))
    assert error.line == 8 and error.field == "prominence" and error.entry == "x:2"


def test_requires_schema_version_and_entities_list(tmp_path: Path) -> None:
    assert "schema version" in str(error_of(write(tmp_path, "", header="entities: []\n")))
    assert "'entities' must be a list" in str(
        error_of(write(tmp_path, "", header="namefix: 1\nentities: 5\n"))
    )
    assert "mapping" in str(error_of(write(tmp_path, "", header="- 1\n- 2\n")))


def test_shared_aliases_allowed_when_declared(tmp_path: Path) -> None:
    header = "namefix: 1\nkind: place\nallow_shared_aliases: true\nentities:\n"
    body = (
        "  - {id: 'x:1', name: Springfield, country: US}\n  - {id: 'x:2', name: Springfield, country: US}\n"
    )
    assert len(read_entity_file(write(tmp_path, body, header))) == 2


def test_loading_a_broken_file_raises_before_anything_is_used(tmp_path: Path, isolated_cache: Path) -> None:
    path = write(tmp_path, "  - {id: 'x:1', name: A B}\n  - {id: 'x:2'}\n")
    with pytest.raises(namefix.GazetteerError, match="required"):
        namefix.Corrector(path, include_default=False)
    assert not list(isolated_cache.glob("index-*.sqlite"))


def record(name: str, aliases: tuple[str, ...] = (), surname: str | None = None) -> EntityRecord:
    entity = namefix.Entity("x:1", name, "person")
    return EntityRecord(entity, aliases, surname, (), "tests", "tests")


def test_derives_surname_and_short_forms() -> None:
    forms = dict(derived_forms(record("Robert F. Kennedy Jr.")))
    assert forms["Kennedy"] == Origin.SURNAME
    assert forms["Robert Kennedy"] == Origin.SHORT
    forms = dict(derived_forms(record("Ursula von der Leyen")))
    assert forms["von der Leyen"] == Origin.SURNAME
    forms = dict(derived_forms(record("Xi Jinping", surname="Xi")))
    assert "Xi" in forms and "Jinping" not in forms

"""Where a key sits in a TOML text (the line an error names), and the errors of reading and
parsing TOML: each names the file and, where it can, the line."""

from __future__ import annotations

import pytest

from ahp.errors import ProjectFileError
from ahp.io.toml_lines import MAX_TABLE_PARTS, KeyLines, parse_toml, read_text

TEXT = """\
# a comment, then a blank line

format = 1
"quoted key" = 2
'literal key' = 3
dotted . key = 4
note = \"\"\"
not = "a key: inside a multi-line string"
\"\"\"
after = 5
[model]
id = "x"
[[model.criteria]]
id = "a"
[[model.criteria.children]]
id = "a1"
[[model.criteria]]
id = "b"
[model.criteria.extra]
flag = true
"""


def test_every_kind_of_key_is_found_on_its_line():
    lines = KeyLines(TEXT)
    assert lines.line(("format",)) == 3
    assert lines.line(("quoted key",)) == 4
    assert lines.line(("literal key",)) == 5
    assert lines.line(("dotted", "key")) == 6
    assert lines.line(("after",)) == 10  # the multi-line string's lines are skipped


def test_a_key_inside_a_multi_line_string_is_not_a_key():
    assert KeyLines(TEXT).line(("not",)) is None


def test_arrays_of_tables_are_counted_and_nested():
    lines = KeyLines(TEXT)
    assert lines.line(("model", "id")) == 12
    assert lines.line(("model", "criteria", 0, "id")) == 14
    assert lines.line(("model", "criteria", 0, "children", 0, "id")) == 16
    assert lines.line(("model", "criteria", 1, "id")) == 18
    assert lines.line(("model", "criteria", 1, "extra", "flag")) == 20  # the table of the second element


def test_a_missing_key_falls_back_to_its_nearest_ancestor():
    lines = KeyLines(TEXT)
    assert lines.line(("model", "criteria", 1, "weight")) == 17  # the [[model.criteria]] header
    assert lines.line(("settings", "method")) is None


def test_an_unclosed_quote_or_a_stray_character_ends_the_key():
    lines = KeyLines('"open = 1\n= 2\nok = 3\n')
    assert lines.line(("ok",)) == 3
    assert lines.line(("open",)) is None


def test_read_text_names_a_missing_file(tmp_path):
    with pytest.raises(ProjectFileError) as err:
        read_text(tmp_path / "none.ahp.toml")
    assert str(err.value) == f"{tmp_path / 'none.ahp.toml'}: no such file"


def test_read_text_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.ahp.toml"
    path.write_bytes("title = 'caf\u00e9'\n".encode("latin-1"))
    with pytest.raises(ProjectFileError) as err:
        read_text(path)
    assert str(err.value) == f"{path}: not a UTF-8 text file"


def test_read_text_of_a_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(ProjectFileError) as err:
        read_text(tmp_path)
    assert str(err.value) == f"{tmp_path}: Is a directory"


def test_a_syntax_error_names_the_file_and_line():
    with pytest.raises(ProjectFileError) as err:
        parse_toml("format = 1\n[model\n", "p.ahp.toml")
    assert err.value.line == 2
    assert str(err.value).startswith("p.ahp.toml, line 2: invalid TOML: ")


def test_a_table_name_of_too_many_parts_is_refused_before_parsing():
    deep = ".".join(["a"] * (MAX_TABLE_PARTS + 1))
    with pytest.raises(ProjectFileError) as err:
        parse_toml(f"format = 1\n\n[{deep}]\n", "p.ahp.toml")
    assert str(err.value) == (
        f"p.ahp.toml, line 3: a table name of more than {MAX_TABLE_PARTS} parts; nothing here nests so deep"
    )
    assert parse_toml("[" + ".".join(["a"] * MAX_TABLE_PARTS) + "]\n", "p.ahp.toml")["a"]  # one fewer: parsed


def test_values_nested_too_deeply_are_an_error_not_a_crash():
    with pytest.raises(ProjectFileError) as err:
        parse_toml("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "p.ahp.toml")
    assert str(err.value) == (
        "p.ahp.toml: invalid TOML: values nested too deeply (arrays or inline tables within one another)"
    )

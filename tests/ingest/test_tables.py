"""The CSV files beside the reports (manifest.csv, corrections.csv) share one reader: a bad
row costs that row, named by file and line, never the rows after it."""

from __future__ import annotations

from lawgov.documents import load_manifest
from lawgov.errors import ManifestError
from lawgov.ingest.tables import read_table
from lawgov.warehouse.corrections import read_corrections

HEADER = "action,source_file,fact_indicator,number_text,evidence,reason\n"
RETRACT = "retract,a.txt,litigation.cases,{n},全年受理{n}件,not a case count\n"


def test_a_stray_quote_costs_its_own_row_only(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + RETRACT.format(n=1) + 'retract,a.txt,x,"2,oops,why\n' + RETRACT.format(n=3),
                    encoding="utf-8")
    good, errors = read_corrections(path)
    assert [c.number_text for c in good] == ["1", "3"]
    assert [(e.line, "stray" in e.message) for e in errors] == [(3, True)]


def test_a_huge_cell_is_that_rows_error_not_a_crash(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + RETRACT.format(n=1) + RETRACT.format(n="9" * 200_000), encoding="utf-8")
    good, errors = read_corrections(path)
    assert len(good) == 1 and errors[0].line == 3 and "too long" in errors[0].message


def test_gb18030_as_excel_saves_it_on_chinese_windows(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_bytes((HEADER + RETRACT.format(n=7)).encode("gb18030"))
    good, errors = read_corrections(path)
    assert not errors and good[0].evidence == "全年受理7件"
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes("file,report_year\n报告.txt,2022\n".encode("gb18030"))
    rows, errors = load_manifest(manifest)
    assert not errors and rows["报告.txt"]["report_year"] == 2022


def test_read_table_names_file_and_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,2\n\n"3,4\n5,6\n', encoding="utf-8")
    cols, rows, errors = read_table(path, ManifestError, what="the table")
    assert cols == ["a", "b"] and [line for line, _ in rows] == [2, 5]
    assert str(errors[0]).startswith(f"{path}:4: a stray")

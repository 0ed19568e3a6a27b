"""Exports an analyst opens in Excel: the workbook (a sheet per mart, typed cells, Chinese
headers) and one query's result as csv, xlsx, parquet or json."""

from __future__ import annotations

import json
import zipfile

import duckdb
import pytest

from conftest import lawgov

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the test extras (pip install -e '.[test]')")
RO = {"read_only": True}      # openpyxl streams the sheet instead of loading every cell



def counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                           "where table_schema = 'marts'").fetchall()]
        return {n: con.execute(f'select count(*) from marts."{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


@pytest.mark.slow
def test_workbook_opens_in_openpyxl_and_polars_with_typed_cells(built_db, tmp_path):
    import polars as pl

    out = lawgov("export", "--db", str(built_db), "--out", str(tmp_path), "--format", "xlsx").stdout
    path = tmp_path / "lawgov.xlsx"
    assert str(path) in out
    expected = counts(built_db)

    book = openpyxl.load_workbook(path, read_only=True)
    assert sorted(book.sheetnames) == sorted(expected)
    for name, rows in expected.items():
        assert book[name].max_row == rows + 1, name              # one header row
        frame = pl.read_excel(path, sheet_name=name, engine="openpyxl", engine_options=RO)
        assert frame.height == rows, name

    facts = book["facts"]
    header = [c.value for c in next(facts.iter_rows(max_row=1))]
    assert "地区代码" in header and "数值" in header and "指标名称" in header
    rows = list(facts.iter_rows(min_row=2, values_only=True))
    col = {h: i for i, h in enumerate(header)}
    codes = [r[col["地区代码"]] for r in rows if r[col["地区代码"]] is not None]
    assert codes and all(isinstance(c, str) and c.isdigit() for c in codes)     # codes stay text
    counts_ = [r[col["数值"]] for r in rows if r[col["单位"]] == "件"]
    assert counts_ and all(isinstance(v, int) for v in counts_)                # 54, not 54.0
    cell = next(c for c in facts.iter_rows(min_row=2) if c[col["单位"]].value == "%")[col["数值"]]
    assert cell.number_format == "0.0"                                          # rates: one decimal
    with zipfile.ZipFile(path) as z:                                            # header row frozen
        sheet = z.read(f"xl/worksheets/sheet{book.sheetnames.index('facts') + 1}.xml").decode()
    assert 'topLeftCell="A2"' in sheet and 'state="frozen"' in sheet
    docs = pl.read_excel(path, sheet_name="documents", engine="openpyxl", engine_options=RO)
    assert docs.schema["地区代码"] == pl.String and docs.schema["事实数"] == pl.Int64


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["csv", "xlsx", "parquet", "json"])
def test_query_out_writes_one_result(built_db, tmp_path, suffix):
    import polars as pl

    out = tmp_path / f"result.{suffix}"
    sql = "select region_code, year, value from marts.facts where unit = '件' order by fact_id limit 7"
    done = lawgov("query", sql, "--db", str(built_db), "--out", str(out))
    assert "7 rows" in done.stdout
    if suffix == "csv":
        assert out.read_bytes().startswith("\ufeff".encode())
        frame = pl.read_csv(out, schema_overrides={"region_code": pl.String})
    elif suffix == "xlsx":
        frame = pl.read_excel(out, engine="openpyxl", engine_options=RO)
    elif suffix == "parquet":
        frame = pl.read_parquet(out)
    else:
        frame = pl.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    assert frame.height == 7
    assert frame.columns[0] in ("region_code", "地区代码")


def test_query_out_refuses_an_unknown_suffix(built_db, tmp_path):
    done = lawgov("query", "select 1", "--db", str(built_db), "--out", str(tmp_path / "x.txt"), check=False)
    assert done.returncode != 0 and ".xlsx" in done.stderr

"""Stage 5, warehouse: rows → the published DuckDB file and its marts.

In: the rows of each parsed report. Out: the published warehouse. `parts` carries raw rows
from the parser processes as Parquet files DuckDB loads in bulk; `store` owns the raw and
meta tables, the build lock and the atomic publish; `schema` reads the models' YAML
properties; `models` loads, renders, orders, fingerprints, builds and tests the SQL project;
`export` writes the marts as files.
"""

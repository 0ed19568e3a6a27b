"""The SQL model layer: lawgov's own runner for the dbt project in sql/.

`load_project` (project.py) renders every model (render.py: the dbt subset of Jinja, then
sqlglot's and DuckDB's parsers) and orders the graph (graph.py) before anything is built:
a model that does not render or parse raises ModelError naming its file and line.
`run_project` (run.py) loads the seeds, builds the models in order into their schemas,
skips each one whose fingerprint (normalised SQL + configuration + upstream fingerprints +
seed content + raw-table fingerprints) is unchanged, runs schema.yml's data tests and the
singular tests of test-paths (data_tests.py), and records everything in meta.model_runs / meta.test_runs.

The same project builds under `dbt build` (dbt-duckdb); see dbt_project.yml.
"""

from lawgov.warehouse.models.data_tests import run_tests, test_sql
from lawgov.warehouse.models.graph import lineage, models_table
from lawgov.warehouse.models.nodes import (Event, Model, ModelRun, Project, RunResult, Seed, SeedRun,
                                           SingularTest, TestResult)
from lawgov.warehouse.models.project import load_project
from lawgov.warehouse.models.run import run_project

__all__ = ["Event", "Model", "ModelRun", "Project", "RunResult", "Seed", "SeedRun", "SingularTest", "TestResult",
           "lineage", "load_project", "models_table", "run_project", "run_tests", "test_sql"]

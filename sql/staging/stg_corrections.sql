-- One row per hand correction of data/reports/corrections.csv (the build validates the file
-- and loads its good rows; lawgov/warehouse/corrections.py).
select
    correction_id,
    line,
    action,
    source_file,
    fact_indicator,
    number_text,
    span_start,
    span_end,
    evidence,
    indicator,
    value,
    unit,
    year,
    scope,
    reason,
    corrected_by,
    corrected_on
from {{ source('raw', 'corrections') }}

select
    fact_id,
    doc_id,
    indicator,
    cast(value as double) as value,
    unit,
    unit_raw,
    qualifier,
    year,
    coalesce(scope, 'all') as scope,
    nullif(trim(region_code), '') as region_code,
    coalesce(about_reporting_body, true) as about_reporting_body,
    evidence,
    span_start,
    span_end,
    coalesce(derived, false) as derived,
    derivation,
    evidence_count
from {{ source('raw', 'facts') }}

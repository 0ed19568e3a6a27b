select
    mention_id,
    doc_id,
    span_start,
    span_end,
    number_text,
    cast(value as double) as value,
    unit,
    unit_raw,
    qualifier,
    kind,
    year,
    indicator,
    scope,
    sentence,
    clause,
    nullif(trim(region_code), '') as region_code
from {{ source('raw', 'mentions') }}

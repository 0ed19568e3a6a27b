select
    fact_id,
    doc_id,
    evidence,
    span_start,
    span_end
from {{ source('raw', 'fact_evidence') }}

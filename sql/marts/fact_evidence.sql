-- A view: it passes raw rows through, and copying them would double the warehouse's size
-- and the time of every rebuild at national scale.
{{ config(materialized='view') }}
-- Every sentence (and span of the number in it) that states a fact.
select
    e.fact_id,
    e.doc_id,
    d.source_file,
    e.evidence,
    e.span_start,
    e.span_end
from {{ ref('stg_fact_evidence') }} as e
left join {{ ref('stg_documents') }} as d on d.doc_id = e.doc_id

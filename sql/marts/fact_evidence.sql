-- A view: it passes raw rows through, and copying them would double the warehouse's size
-- and the time of every rebuild at national scale.
{{ config(materialized='view') }}
-- Every sentence (and span of the number in it) that states a fact of marts.facts: a retracted
-- fact's sentences leave with it, an added fact's sentence comes with it.
select
    e.fact_id,
    e.doc_id,
    d.source_file,
    e.evidence,
    e.span_start,
    e.span_end
from {{ ref('stg_fact_evidence') }} as e
left join {{ ref('stg_documents') }} as d on d.doc_id = e.doc_id
where e.fact_id in (select fact_id from {{ ref('facts') }} where origin <> 'added')

union all
select a.fact_id, a.doc_id, d.source_file, a.evidence, a.span_start, a.span_end
from {{ ref('facts') }} as a
left join {{ ref('stg_documents') }} as d on d.doc_id = a.doc_id
where a.origin = 'added'

-- A view: it passes raw rows through, and copying them would double the warehouse's size
-- and the time of every rebuild at national scale.
{{ config(materialized='view') }}
-- Every quantity found in the text, classified or not, so unclassified numbers stay queryable.
select
    m.mention_id,
    m.doc_id,
    d.source_file,
    m.span_start,
    m.span_end,
    m.number_text,
    m.value,
    m.unit,
    m.unit_raw,
    m.qualifier,
    m.kind,
    m.year,
    m.indicator,
    i.name_zh as indicator_name,
    m.scope,
    m.region_code,
    m.sentence,
    m.clause,
    m.indicator is not null as classified,
    m.role,
    m.reason
from {{ ref('stg_mentions') }} as m
left join {{ ref('stg_documents') }} as d on d.doc_id = m.doc_id
left join {{ ref('stg_indicators') }} as i on i.code = m.indicator

{{ config(materialized='view') }}
-- The extracted facts with the hand corrections applied: set changes fields (a later row of
-- corrections.csv wins, field by field), retract removes the fact, add appends one. origin
-- says which (extracted, corrected, added), correction_reason why. A view: marts.facts, the
-- table, reads it a document at a time when it is built incrementally.
with applied as (
    select * from {{ ref('int_corrections') }} where status = 'applied'
),
changes as (
    select
        fact_id,
        bool_or(action = 'retract') as retracted,
        arg_max(indicator, line) filter (where indicator is not null) as indicator,
        arg_max(value, line) filter (where value is not null) as value,
        arg_max(unit, line) filter (where unit is not null) as unit,
        arg_max(year, line) filter (where year is not null) as year,
        arg_max(scope, line) filter (where scope is not null) as scope,
        string_agg(reason, '; ' order by line) as reason
    from applied
    where action in ('set', 'retract')
    group by fact_id
)
select
    f.fact_id,
    f.doc_id,
    coalesce(ch.indicator, f.indicator) as indicator,
    coalesce(ch.value, f.value) as value,
    coalesce(ch.unit, f.unit) as unit,
    f.unit_raw,
    f.qualifier,
    coalesce(ch.year, f.year) as year,
    coalesce(ch.scope, f.scope) as scope,
    f.region_code,
    f.about_reporting_body,
    f.evidence,
    f.span_start,
    f.span_end,
    f.derived,
    f.derivation,
    f.evidence_count,
    case when ch.fact_id is null then 'extracted' else 'corrected' end as origin,
    ch.reason as correction_reason
from {{ ref('stg_facts') }} as f
left join changes as ch on ch.fact_id = f.fact_id
where not coalesce(ch.retracted, false)

union all
select
    a.fact_id,
    a.doc_id,
    a.indicator,
    a.value,
    coalesce(a.unit, i.unit) as unit,
    a.unit as unit_raw,
    'exact' as qualifier,
    coalesce(a.year, a.doc_report_year) as year,
    coalesce(a.scope, 'all') as scope,
    a.doc_region_code as region_code,
    true as about_reporting_body,
    a.evidence,
    cast(a.added_span_start as integer) as span_start,
    cast(a.added_span_end as integer) as span_end,
    false as derived,
    null as derivation,
    1 as evidence_count,
    'added' as origin,
    a.reason as correction_reason
from applied as a
left join {{ ref('stg_indicators') }} as i on i.code = a.indicator
where a.action = 'add'

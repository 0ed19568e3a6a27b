{{ config(materialized='incremental', unique_key=['region_code', 'year', 'scope'], incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where cell_hash is null or cell_hash not in (select cell_hash from {{ ref('int_indicator_cells') }}){% endif %}") }}
-- 出庭应诉率, v2: as v1, plus rows where no rate is stated but appearances and hearings
-- are (rate derived = appearances / hearings * 100, rounded to 2), and the reported and
-- derived rates side by side. Counts pair within one region, year and scope only.
-- Incremental by region, year and scope, as v1.
with cells as (
    select region_code, year, scope, cell_hash from {{ ref('int_indicator_cells') }}
    -- the cells with a stated rate, or appearances and hearings: only they can have a row
    where (region_code, year, scope) in (
        select region_code, year, scope from {{ ref('int_indicator_values') }}
        where indicator in ('litigation.head_appearance_rate', 'litigation.head_appearances', 'litigation.hearings')
        group by region_code, year, scope
        having bool_or(indicator = 'litigation.head_appearance_rate')
            or count(*) filter (where indicator <> 'litigation.head_appearance_rate') = 2
    )
    {% if is_incremental() %}
    and cell_hash not in (select cell_hash from {{ this }} where cell_hash is not null)
    {% endif %}
),
v as (
    select v.*, c.cell_hash
    from {{ ref('int_indicator_values') }} as v
    join cells as c using (region_code, year, scope)
    where v.indicator in ('litigation.head_appearance_rate', 'litigation.head_appearances', 'litigation.hearings')
),
rates as (
    select * from v where indicator = 'litigation.head_appearance_rate'
),
appearances as (
    select * from v where indicator = 'litigation.head_appearances'
),
hearings as (
    select * from v where indicator = 'litigation.hearings'
),
keys as (
    select region_code, year, scope from rates
    union
    select a.region_code, a.year, a.scope
    from appearances as a
    join hearings as h
        on h.region_code = a.region_code and h.year = a.year and h.scope = a.scope
),
paired as (
    select
        k.region_code,
        k.year,
        k.scope,
        r.value as reported_rate,
        a.value as appearances,
        h.value as hearings,
        case when h.value > 0 and a.value is not null
             then round(a.value / h.value * 100, 2) end as derived_rate,
        coalesce(r.region_name, h.region_name, a.region_name) as region_name,
        coalesce(r.region_level, h.region_level, a.region_level) as region_level,
        coalesce(r.province_code, h.province_code, a.province_code) as province_code,
        coalesce(r.doc_id, a.doc_id, h.doc_id) as doc_id,
        coalesce(r.evidence, a.evidence, h.evidence) as evidence,
        coalesce(r.cell_hash, a.cell_hash, h.cell_hash) as cell_hash
    from keys as k
    left join rates as r
        on r.region_code = k.region_code and r.year = k.year and r.scope = k.scope
    left join appearances as a
        on a.region_code = k.region_code and a.year = k.year and a.scope = k.scope
    left join hearings as h
        on h.region_code = k.region_code and h.year = k.year and h.scope = k.scope
)
select
    region_code,
    region_name,
    region_level,
    province_code,
    year,
    scope,
    coalesce(reported_rate, derived_rate) as rate,
    appearances,
    hearings,
    case when reported_rate is not null then 'reported' else 'derived' end as rate_source,
    doc_id,
    evidence,
    reported_rate,
    derived_rate,
    abs(reported_rate - derived_rate) <= {{ var('rate_tolerance', 0.5) }} as consistent,
    cell_hash
from paired
where coalesce(reported_rate, derived_rate) is not null

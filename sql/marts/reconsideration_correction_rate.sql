{{ config(materialized='incremental', unique_key=['region_code', 'year', 'scope'], incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where cell_hash is null or cell_hash not in (select cell_hash from {{ ref('int_indicator_cells') }}){% endif %}") }}
-- 行政复议纠错率: one row per region, year and scope where a correction rate or a count
-- of corrected cases is stated. corrected is the stated total, else the sum of its kinds
-- (撤销, 变更, 确认违法, 责令履行); derived_rate = corrected / closed * 100, rounded to 2;
-- consistent: reported and derived within rate_tolerance points (null if one is missing).
-- Counts pair within one region, year and scope. Incremental by region, year and scope,
-- as court_appearance_rate.
with cells as (
    select region_code, year, scope, cell_hash from {{ ref('int_indicator_cells') }}
    -- the cells with a correction rate, a count of corrected cases or one of its kinds: each has a row
    where (region_code, year, scope) in (
        select region_code, year, scope from {{ ref('int_indicator_values') }}
        where indicator in ('reconsideration.correction_rate', 'reconsideration.corrected', 'reconsideration.revoked',
                            'reconsideration.altered', 'reconsideration.confirmed_illegal',
                            'reconsideration.ordered_performance')
    )
    {% if is_incremental() %}
    and cell_hash not in (select cell_hash from {{ this }} where cell_hash is not null)
    {% endif %}
),
v as (
    select v.*, c.cell_hash
    from {{ ref('int_indicator_values') }} as v
    join cells as c using (region_code, year, scope)
    where v.indicator like 'reconsideration.%'
),
rates as (
    select * from v where indicator = 'reconsideration.correction_rate'
),
corrected as (
    select * from v where indicator = 'reconsideration.corrected'
),
components as (
    select
        region_code,
        year,
        scope,
        sum(value) as value,
        string_agg(cast(value as bigint) || ' ' || indicator, ' + ' order by span_order) as derivation,
        arg_min(region_name, span_order) as region_name,
        arg_min(region_level, span_order) as region_level,
        arg_min(province_code, span_order) as province_code,
        arg_min(doc_id, span_order) as doc_id,
        arg_min(evidence, span_order) as evidence,
        any_value(cell_hash) as cell_hash
    from (
        select *, row_number() over (order by doc_id, fact_id) as span_order
        from v
        where indicator in ('reconsideration.revoked', 'reconsideration.altered',
                            'reconsideration.confirmed_illegal', 'reconsideration.ordered_performance')
    ) as kinds
    group by region_code, year, scope
),
closed as (
    select * from v where indicator = 'reconsideration.closed'
),
accepted as (
    select * from v where indicator = 'reconsideration.accepted'
),
keys as (
    select region_code, year, scope from rates
    union
    select region_code, year, scope from corrected
    union
    select region_code, year, scope from components
),
paired as (
    select
        k.region_code,
        k.year,
        k.scope,
        r.value as reported_rate,
        coalesce(c.value, comp.value) as corrected,
        case
            when c.value is not null and c.derived then 'derived'
            when c.value is not null then 'stated'
            when comp.value is not null then 'components'
        end as corrected_source,
        coalesce(c.derivation, comp.derivation) as corrected_derivation,
        cl.value as closed,
        ac.value as accepted,
        coalesce(r.region_name, c.region_name, comp.region_name, cl.region_name) as region_name,
        coalesce(r.region_level, c.region_level, comp.region_level, cl.region_level) as region_level,
        coalesce(r.province_code, c.province_code, comp.province_code, cl.province_code) as province_code,
        coalesce(r.doc_id, c.doc_id, comp.doc_id, cl.doc_id) as doc_id,
        coalesce(r.evidence, c.evidence, comp.evidence, cl.evidence) as evidence,
        coalesce(r.cell_hash, c.cell_hash, comp.cell_hash) as cell_hash
    from keys as k
    left join rates as r
        on r.region_code = k.region_code and r.year = k.year and r.scope = k.scope
    left join corrected as c
        on c.region_code = k.region_code and c.year = k.year and c.scope = k.scope
    left join components as comp
        on comp.region_code = k.region_code and comp.year = k.year and comp.scope = k.scope
    left join closed as cl
        on cl.region_code = k.region_code and cl.year = k.year and cl.scope = k.scope
    left join accepted as ac
        on ac.region_code = k.region_code and ac.year = k.year and ac.scope = k.scope
),
rated as (
    select
        *,
        case when closed > 0 and corrected is not null
             then round(corrected / closed * 100, 2) end as derived_rate
    from paired
)
select
    region_code,
    region_name,
    region_level,
    province_code,
    year,
    scope,
    coalesce(reported_rate, derived_rate) as rate,
    corrected,
    closed,
    reported_rate,
    derived_rate,
    abs(reported_rate - derived_rate) <= {{ var('rate_tolerance', 0.5) }} as consistent,
    doc_id,
    evidence,
    case when reported_rate is not null then 'reported'
         when derived_rate is not null then 'derived' end as rate_source,
    corrected_source,
    corrected_derivation,
    accepted,
    cell_hash
from rated

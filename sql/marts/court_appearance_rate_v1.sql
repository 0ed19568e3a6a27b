{{ config(materialized='incremental', unique_key=['region_code', 'year', 'scope'], incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where cell_hash is null or cell_hash not in (select cell_hash from {{ ref('int_indicator_cells') }}){% endif %}") }}
-- 出庭应诉率, v1: one row per region, year and scope where a rate is stated. The counts
-- of the same region, year and scope (when stated) stand beside it.
-- Incremental by region, year and scope: a build recomputes the cells whose values changed
-- (int_indicator_cells) and its pre_hook deletes the rows of cells that are gone.
with cells as (
    select region_code, year, scope, cell_hash from {{ ref('int_indicator_cells') }}
    -- the cells with a stated rate: only they have a row
    where (region_code, year, scope) in (
        select region_code, year, scope from {{ ref('int_indicator_values') }}
        where indicator = 'litigation.head_appearance_rate'
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
)
select
    r.region_code,
    r.region_name,
    r.region_level,
    r.province_code,
    r.year,
    r.scope,
    r.value as rate,
    a.value as appearances,
    h.value as hearings,
    'reported' as rate_source,
    r.doc_id,
    r.evidence,
    r.cell_hash
from rates as r
left join appearances as a
    on a.region_code = r.region_code and a.year = r.year and a.scope = r.scope
left join hearings as h
    on h.region_code = r.region_code and h.year = r.year and h.scope = r.scope

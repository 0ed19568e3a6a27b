-- 出庭应诉率, v1: one row per region, year and scope where a rate is stated. The counts
-- of the same region, year and scope (when stated) stand beside it.
with v as (
    select * from {{ ref('int_indicator_values') }}
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
    r.evidence
from rates as r
left join appearances as a
    on a.region_code = r.region_code and a.year = r.year and a.scope = r.scope
left join hearings as h
    on h.region_code = r.region_code and h.year = r.year and h.scope = r.scope

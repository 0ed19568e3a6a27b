{{ config(materialized='table') }}
-- GB/T 2260 regions from seeds/regions.csv (codes are text: '110105', never 110105).
-- A table, not a view: ~45k rows joined three times by several marts.
select
    trim(code) as code,
    name,
    level,
    nullif(trim(parent_code), '') as parent_code,
    nullif(trim(province_code), '') as province_code,
    nullif(trim(city_code), '') as city_code,
    aliases
from {{ ref('regions') }}
where code is not null
-- one row per code, whatever the seed holds twice
qualify row_number() over (partition by trim(code) order by level, name) = 1

{{ config(alias='regions') }}
-- The region dimension (GB/T 2260 codes with their parents), from seeds/regions.csv.
-- Named dim_regions because dbt names must be unique and the seed is `regions`;
-- the relation is marts.regions.
select
    r.code,
    r.name,
    r.level,
    r.parent_code,
    r.province_code,
    r.city_code,
    r.aliases,
    pa.name as parent_name,
    p.name as province_name,
    c.name as city_name
from {{ ref('stg_regions') }} as r
left join {{ ref('stg_regions') }} as pa on pa.code = r.parent_code
left join {{ ref('stg_regions') }} as p on p.code = r.province_code
left join {{ ref('stg_regions') }} as c on c.code = r.city_code

-- One row per region, year and scope with values, and a hash of its int_indicator_values
-- groups (their group_hash, which covers every fact field they read): the marts made of
-- int_indicator_values (the rate marts, indicator_panel) rebuild a cell only when its
-- hash is not one they hold, and delete the rows of hashes that are gone.
select
    region_code,
    year,
    scope,
    hash(region_code, year, scope, count(*), sum(hash(group_hash))) as cell_hash
from {{ ref('int_indicator_values') }}
group by region_code, year, scope

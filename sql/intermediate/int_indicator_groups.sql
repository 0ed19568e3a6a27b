-- One row per region, year, scope and indicator with facts, and a hash of every fact field
-- int_indicator_values reads: the incremental int_indicator_values recomputes a group only
-- when its hash is not one it holds, and deletes the groups whose hash is gone.
select
    region_code,
    year,
    scope,
    indicator,
    md5(concat_ws('|', region_code, year, scope, indicator, count(*), sum(hash(
        fact_id, value, unit, qualifier, derived, derivation, about_reporting_body, evidence_count,
        doc_id, span_start, region_name, region_level, province_code, source_file, evidence)))) as group_hash
from {{ ref('facts') }}
where region_code is not null and year is not null and value is not null
group by region_code, year, scope, indicator

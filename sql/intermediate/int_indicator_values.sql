{{ config(materialized='incremental', unique_key=['region_code', 'year', 'scope', 'indicator'], incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where group_hash is null or group_hash not in (select group_hash from {{ ref('int_indicator_groups') }}){% endif %}") }}
-- One value per region, year, scope and indicator. Where several facts give one, the
-- preferred is about the reporting body, stated rather than derived, said most often,
-- then first in the earliest document; n_values > 1 means they disagree. Incremental by
-- group: a build recomputes the groups whose facts changed (int_indicator_groups).
with groups as (
    select * from {{ ref('int_indicator_groups') }}
    {% if is_incremental() %}
    where group_hash not in (select group_hash from {{ this }} where group_hash is not null)
    {% endif %}
),
f as (
    select f.*
    from {{ ref('facts') }} as f
    {% if is_incremental() %}
    join groups as g using (region_code, year, scope, indicator)
    {% endif %}
    where f.region_code is not null and f.year is not null and f.value is not null
),
ranked as (
    select
        *,
        row_number() over (
            partition by region_code, year, scope, indicator
            order by about_reporting_body desc, derived asc, evidence_count desc nulls last,
                     doc_id, span_start, fact_id
        ) as preference
    from f
),
stats as (
    select
        region_code,
        year,
        scope,
        indicator,
        count(*) as n_facts,
        count(distinct value) as n_values,
        min(value) as min_value,
        max(value) as max_value,
        list_sort(list(distinct value)) as all_values
    from f
    group by region_code, year, scope, indicator
)
select
    r.region_code,
    r.year,
    r.scope,
    r.indicator,
    r.value,
    r.unit,
    r.qualifier,
    r.derived,
    r.derivation,
    r.about_reporting_body,
    r.region_name,
    r.region_level,
    r.province_code,
    r.fact_id,
    r.doc_id,
    r.source_file,
    r.evidence,
    s.n_facts,
    s.n_values,
    s.min_value,
    s.max_value,
    s.all_values,
    g.group_hash
from ranked as r
join stats as s using (region_code, year, scope, indicator)
join groups as g using (region_code, year, scope, indicator)
where r.preference = 1

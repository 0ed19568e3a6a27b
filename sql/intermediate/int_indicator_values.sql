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
    -- only the keys and what the choice and the stats read: the window and the lists over a
    -- national corpus stay small (whole rows with their evidence did not fit the build's memory
    -- cap at 100k); the chosen fact's other fields are joined back by fact_id below
    select f.fact_id, f.region_code, f.year, f.scope, f.indicator, f.value, f.about_reporting_body,
           f.derived, f.evidence_count, f.doc_id, f.span_start
    from {{ ref('facts') }} as f
    {% if is_incremental() %}
    join groups as g using (region_code, year, scope, indicator)
    {% endif %}
    where f.region_code is not null and f.year is not null and f.value is not null
),
ranked as (
    select
        fact_id, region_code, year, scope, indicator,
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
    x.value,
    x.unit,
    x.qualifier,
    x.derived,
    x.derivation,
    x.about_reporting_body,
    x.region_name,
    x.region_level,
    x.province_code,
    r.fact_id,
    x.doc_id,
    x.source_file,
    x.evidence,
    s.n_facts,
    s.n_values,
    s.min_value,
    s.max_value,
    s.all_values,
    g.group_hash
from ranked as r
join stats as s using (region_code, year, scope, indicator)
join groups as g using (region_code, year, scope, indicator)
join {{ ref('facts') }} as x on x.fact_id = r.fact_id
where r.preference = 1

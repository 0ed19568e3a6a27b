{{ config(materialized='incremental', unique_key=['region_code', 'year', 'scope'], incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where cell_hash is null or cell_hash not in (select cell_hash from {{ ref('int_indicator_cells') }}){% endif %}") }}
-- A wide table for analysts: one row per region, year and scope, one column per headline
-- indicator (the list is the headline_indicators var in dbt_project.yml; a dot in the
-- code becomes an underscore). Values are int_indicator_values' preferred ones.
-- Incremental by region, year and scope: a build recomputes the cells whose values changed
-- (int_indicator_cells) and its pre_hook deletes the rows of cells that are gone.
with cells as (
    select region_code, year, scope, cell_hash from {{ ref('int_indicator_cells') }}
    {% if is_incremental() %}
    where cell_hash not in (select cell_hash from {{ this }} where cell_hash is not null)
    {% endif %}
)
select
    region_code,
    min(region_name) as region_name,
    min(region_level) as region_level,
    min(province_code) as province_code,
    year,
    scope,
    {%- for code in var('headline_indicators') %}
    max(value) filter (where indicator = '{{ code }}') as {{ code | replace('.', '_') }},
    {%- endfor %}
    count(*) as n_indicators,
    sum(n_facts) as n_facts,
    count(distinct doc_id) as n_documents,
    any_value(c.cell_hash) as cell_hash
from {{ ref('int_indicator_values') }} as v
join cells as c using (region_code, year, scope)
group by region_code, year, scope

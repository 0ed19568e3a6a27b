-- A wide table for analysts: one row per region, year and scope, one column per headline
-- indicator (the list is the headline_indicators var in dbt_project.yml; a dot in the
-- code becomes an underscore). Values are int_indicator_values' preferred ones.
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
    count(distinct doc_id) as n_documents
from {{ ref('int_indicator_values') }}
group by region_code, year, scope

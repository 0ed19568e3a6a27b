{{ config(materialized='incremental', unique_key='doc_id', incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where doc_version is null or doc_version not in (select doc_version from {{ ref('int_document_versions') }}){% endif %}") }}
-- One row per report (CONTRACT.md columns first, then what helps to read them).
-- Incremental like marts.facts: a build adds the rows of documents whose version is new.
with versions as (
    select doc_id, doc_version from {{ ref('int_document_versions') }}
    {% if is_incremental() %}
    where doc_version not in (select doc_version from {{ this }} where doc_version is not null)
    {% endif %}
),
fact_counts as (
    select doc_id, count(*) as facts
    from {{ ref('stg_facts') }}
    where doc_id in (select doc_id from versions)
    group by doc_id
),
mention_counts as (
    select doc_id, count(*) as mentions
    from {{ ref('stg_mentions') }}
    where doc_id in (select doc_id from versions)
    group by doc_id
)
select
    d.source_file,
    d.doc_id,
    d.title,
    d.region_code,
    d.region_name,
    d.region_level,
    coalesce(d.province_code, r.province_code) as province_code,
    coalesce(d.city_code, r.city_code) as city_code,
    d.report_year,
    d.published_on,
    d.chars,
    d.sha256,
    d.reporting_body,
    d.doc_kind,
    d.region_confidence,
    d.region_candidates,
    p.name as province_name,
    c.name as city_name,
    d.format,
    d.encoding,
    d.size,
    d.url,
    coalesce(fc.facts, 0) as facts,
    coalesce(mc.mentions, 0) as mentions,
    v.doc_version
from {{ ref('stg_documents') }} as d
join versions as v on v.doc_id = d.doc_id
left join {{ ref('stg_regions') }} as r on r.code = d.region_code
left join {{ ref('stg_regions') }} as p on p.code = coalesce(d.province_code, r.province_code)
left join {{ ref('stg_regions') }} as c on c.code = coalesce(d.city_code, r.city_code)
left join fact_counts as fc on fc.doc_id = d.doc_id
left join mention_counts as mc on mc.doc_id = d.doc_id

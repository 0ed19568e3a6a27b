{{ config(materialized='incremental', unique_key='doc_id', incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where doc_version is null or doc_version not in (select doc_version from {{ ref('int_document_versions') }}){% endif %}") }}
-- One row per fact, long format, with the hand corrections of corrections.csv applied (origin:
-- extracted, corrected or added). A fact about another body than the reporting one
-- (about_reporting_body = false) carries that body's region and names.
-- Incremental, a document at a time: a build adds the rows of the documents whose version
-- (intermediate.int_document_versions) it does not hold, and its pre_hook first deletes the
-- rows of versions that are gone (a changed, removed or re-corrected document).
with f as (
    select
        f.*,
        d.source_file,
        d.report_year,
        d.region_code = f.region_code and f.about_reporting_body as of_reporting_body,
        d.region_name as doc_region_name,
        d.region_level as doc_region_level,
        d.province_code as doc_province_code,
        d.city_code as doc_city_code,
        v.doc_version
    from {{ ref('int_facts_corrected') }} as f
    {% if is_incremental() %}
    -- the documents whose version this table does not hold, joined first: the other documents'
    -- facts leave before the joins below (a filter after them let every fact through them)
    join (
        select distinct doc_id from {{ ref('int_document_versions') }}
        -- distinct: a document's version is on each of its facts (16 a document on average), so
        -- the anti-join builds on one row a document rather than one a fact
        where doc_version not in (select distinct doc_version from {{ this }} where doc_version is not null)
    ) as changed on changed.doc_id = f.doc_id
    {% endif %}
    left join {{ ref('stg_documents') }} as d on d.doc_id = f.doc_id
    left join {{ ref('int_document_versions') }} as v on v.doc_id = f.doc_id
)
select
    f.fact_id,
    f.doc_id,
    f.source_file,
    f.indicator,
    i.name_zh as indicator_name,
    f.value,
    f.unit,
    f.unit_raw,
    f.qualifier,
    f.year,
    f.scope,
    f.region_code,
    case when f.of_reporting_body then coalesce(f.doc_region_name, r.name) else coalesce(r.name, f.doc_region_name) end as region_name,
    f.evidence,
    f.span_start,
    f.span_end,
    f.derived,
    f.derivation,
    f.about_reporting_body,
    f.evidence_count,
    i.family as indicator_family,
    i.tier as indicator_tier,
    case when f.of_reporting_body then coalesce(f.doc_region_level, r.level) else r.level end as region_level,
    coalesce(case when f.of_reporting_body then f.doc_province_code end, r.province_code) as province_code,
    p.name as province_name,
    coalesce(case when f.of_reporting_body then f.doc_city_code end, r.city_code) as city_code,
    c.name as city_name,
    f.report_year,
    f.origin,
    f.correction_reason,
    f.doc_version
from f
left join {{ ref('stg_indicators') }} as i on i.code = f.indicator
left join {{ ref('stg_regions') }} as r on r.code = f.region_code
left join {{ ref('stg_regions') }} as p
    on p.code = coalesce(case when f.of_reporting_body then f.doc_province_code end, r.province_code)
left join {{ ref('stg_regions') }} as c
    on c.code = coalesce(case when f.of_reporting_body then f.doc_city_code end, r.city_code)

-- One row per report; the text itself stays in raw.documents.
select
    doc_id,
    source_file,
    sha256,
    size,
    format,
    encoding,
    chars,
    title,
    reporting_body,
    doc_kind,
    nullif(trim(region_code), '') as region_code,
    region_name,
    region_level,
    nullif(trim(province_code), '') as province_code,
    nullif(trim(city_code), '') as city_code,
    region_confidence,
    region_candidates,
    report_year,
    published_on,
    url,
    facts_hash
from {{ source('raw', 'documents') }}

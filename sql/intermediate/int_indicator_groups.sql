-- One row per region, year, scope and indicator with facts, and a hash of the versions of
-- the documents its facts come from: the incremental int_indicator_values recomputes a
-- group only when its hash is not one it holds, and deletes the groups whose hash is gone.
-- A document's facts in marts.facts are a function of its doc_version (int_document_versions:
-- its row, its raw facts, its hand corrections) and of what all share (the seeds, the SQL,
-- which rebuild everything), so the versions and the count of facts stand for every field
-- int_indicator_values reads, and hashing them reads two columns instead of fifteen. The
-- hash is a 64-bit integer: comparing integers is about twice as fast as comparing md5 text.
select
    region_code,
    year,
    scope,
    indicator,
    hash(region_code, year, scope, indicator, count(*), sum(hash(doc_version))) as group_hash
from {{ ref('facts') }}
where region_code is not null and year is not null and value is not null
group by region_code, year, scope, indicator

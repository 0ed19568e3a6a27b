-- The version of each document's rows in the incremental marts (facts, documents): a hash
-- of everything they are made of that belongs to the document alone (its row of
-- stg_documents, its raw facts, the hand corrections of its file). Those marts rebuild the
-- documents whose version they do not hold yet and delete the rows of versions that are
-- gone, under lawgov and under dbt alike; what all documents share (the seeds, the SQL)
-- rebuilds them whole. A table: they read it several times.
-- The parser writes a hash of each document's raw facts into its row (facts_hash), so its
-- row stands for them; only documents loaded without one (by other means) have their raw
-- facts hashed here, which at 100k documents read every fact's fields at each run.
with fact_sums as (
    select doc_id, count(*) as n, sum(hash(f)) as h
    from {{ source('raw', 'facts') }} as f
    where doc_id in (select doc_id from {{ ref('stg_documents') }} where facts_hash is null)
    group by doc_id
),
fixes as (
    select source_file, sum(hash(c)) as h
    from {{ ref('stg_corrections') }} as c
    group by source_file
)
select
    d.doc_id,
    md5(concat_ws('|', d.doc_id, hash(d), coalesce(fs.n, 0), coalesce(fs.h, 0), coalesce(fx.h, 0))) as doc_version
from {{ ref('stg_documents') }} as d
left join fact_sums as fs on fs.doc_id = d.doc_id
left join fixes as fx on fx.source_file = d.source_file

-- Each hand correction with the fact it changes (set, retract) or adds (add), or, when it
-- finds none, why (stale). A fact is found by its document, the indicator it was read as and
-- the number as written, at the same span or, when the text around it moved, in the same
-- sentence; the nearest wins.
with c as (
    select * from {{ ref('stg_corrections') }}
),
docs as (
    select doc_id, source_file, text, nullif(trim(region_code), '') as region_code, report_year
    from {{ source('raw', 'documents') }}
    where source_file in (select source_file from c)
),
facts as (
    select
        f.fact_id, f.doc_id, d.source_file, f.indicator, f.span_start, f.evidence,
        substring(d.text, f.span_start + 1, f.span_end - f.span_start) as number_text
    from {{ ref('stg_facts') }} as f
    join docs as d on d.doc_id = f.doc_id
),
targets as (
    select c.correction_id, f.fact_id
    from c
    join facts as f
        on c.action in ('set', 'retract')
        and f.source_file = c.source_file
        and f.indicator = c.fact_indicator
        and f.number_text = c.number_text
        and (f.span_start = c.span_start or f.evidence = c.evidence)
    qualify row_number() over (
        partition by c.correction_id
        order by abs(f.span_start - coalesce(c.span_start, f.span_start)), f.fact_id) = 1
),
placed as (
    -- an added fact's number: at its span if the text there is the number, else in its sentence
    select
        c.correction_id,
        case
            when c.span_start is not null
                and substring(d.text, c.span_start + 1, c.span_end - c.span_start) = c.number_text
                then c.span_start
            when strpos(d.text, c.evidence) > 0
                then strpos(d.text, c.evidence) - 1 + strpos(c.evidence, c.number_text) - 1
        end as span_start
    from c
    join docs as d on d.source_file = c.source_file
    where c.action = 'add'
)
select
    c.correction_id,
    c.line,
    c.action,
    c.source_file,
    c.fact_indicator,
    c.number_text,
    c.span_start,
    c.span_end,
    c.evidence,
    c.indicator,
    c.value,
    c.unit,
    c.year,
    c.scope,
    c.reason,
    c.corrected_by,
    c.corrected_on,
    case
        when t.fact_id is not null then t.fact_id
        when p.span_start is not null then d.doc_id || '-a' || left(c.correction_id, 8)
    end as fact_id,
    d.doc_id,
    d.region_code as doc_region_code,
    d.report_year as doc_report_year,
    p.span_start as added_span_start,
    p.span_start + length(c.number_text) as added_span_end,
    case when t.fact_id is not null or p.span_start is not null then 'applied' else 'stale' end as status,
    case
        when t.fact_id is not null or p.span_start is not null then null
        when d.doc_id is null then 'the document is not in the warehouse'
        when c.action = 'add' then 'the number is neither at its span nor in its sentence'
        else 'no fact ' || c.fact_indicator || ' with this number at its span or in its sentence'
    end as stale_reason
from c
left join docs as d on d.source_file = c.source_file
left join targets as t on t.correction_id = c.correction_id
left join placed as p on p.correction_id = c.correction_id

{{ config(materialized='incremental', unique_key='problem_id', incremental_strategy='delete+insert') }}
{{ config(pre_hook="{% if is_incremental() %}delete from {{ this }} where source_version is null or source_version not in (select cell_hash from {{ ref('reconsideration_correction_rate') }} union all select cell_hash from {{ ref('court_appearance_rate') }} union all select group_hash from {{ ref('int_indicator_values') }} union all select hash(doc_version) from {{ ref('documents') }}){% endif %}") }}
-- One row per problem the marts can see. problem is one of:
--   rate_mismatch             a reported rate and the one derived from its counts differ
--   rate_mismatch_accepted    no cases closed stated; the reported correction rate does not
--                             match corrected / accepted either (warning)
--   rate_out_of_range         a rate (stated or derived) outside 0–100
--   corrected_exceeds_closed  more corrected reconsideration cases than closed ones
--   conflicting_values        one indicator with two values for one region, year and scope
--   unresolved_region         a document whose region could not be resolved
--   stale_correction          a hand correction (corrections.csv) whose fact is no longer there
-- Incremental: source_version is what a problem was read from (its cell's cell_hash for the
-- rate marts' problems, its group's group_hash for conflicting values, the hash of its
-- document's doc_version for a fact or a document; null for a stale correction, recomputed each time).
-- A build reads only the sources whose version the table does not hold, and the pre_hook
-- deletes the problems whose source row is gone or has another version.
with
{% if is_incremental() %}
known as (
    select distinct source_version from {{ this }} where source_version is not null
),
{% endif %}
docs as (
    select doc_id, source_file from {{ ref('documents') }}
),
recon as (
    select *, cell_hash as source_version from {{ ref('reconsideration_correction_rate') }}
    {% if is_incremental() %}where cell_hash not in (select source_version from known){% endif %}
),
court as (
    select *, cell_hash as source_version from {{ ref('court_appearance_rate') }}
    {% if is_incremental() %}where cell_hash not in (select source_version from known){% endif %}
),
stated_rates as (
    -- value < 0 and value > 100 apart: a plain comparison is filtered in the scan, so only the
    -- few rows out of range are read whole (an OR of the two would read every rate)
    select *, hash(doc_version) as source_version from {{ ref('facts') }}
    where unit = '%' and value < 0
    {% if is_incremental() %}and hash(doc_version) not in (select source_version from known){% endif %}
    union all
    select *, hash(doc_version) as source_version from {{ ref('facts') }}
    where unit = '%' and value > 100
    {% if is_incremental() %}and hash(doc_version) not in (select source_version from known){% endif %}
),
conflicts as (
    select *, group_hash as source_version from {{ ref('int_indicator_values') }}
    where n_values > 1
    {% if is_incremental() %}and group_hash not in (select source_version from known){% endif %}
),
unresolved as (
    select *, hash(doc_version) as source_version from {{ ref('documents') }}
    where (region_code is null or region_confidence in ('ambiguous', 'unresolved'))
    {% if is_incremental() %}and hash(doc_version) not in (select source_version from known){% endif %}
),
problems as (
    select
        'rate_mismatch' as problem,
        'error' as severity,
        'reconsideration.correction_rate' as indicator,
        region_code, region_name, year, scope,
        reported_rate as value,
        derived_rate as expected_value,
        doc_id,
        'reported ' || reported_rate || '% vs corrected/closed ' || corrected || '/' || closed
            || ' = ' || derived_rate || '%' as detail,
        evidence,
        null as fact_id,
        source_version
    from recon
    where consistent = false

    union all
    select
        'rate_mismatch', 'error', 'litigation.head_appearance_rate',
        region_code, region_name, year, scope,
        reported_rate, derived_rate, doc_id,
        'reported ' || reported_rate || '% vs appearances/hearings ' || appearances || '/' || hearings
            || ' = ' || derived_rate || '%',
        evidence, null, source_version
    from court
    where consistent = false

    union all
    select
        'rate_mismatch_accepted', 'warning', 'reconsideration.correction_rate',
        region_code, region_name, year, scope,
        reported_rate, round(corrected / accepted * 100, 2), doc_id,
        'reported ' || reported_rate || '% vs corrected/accepted ' || corrected || '/' || accepted
            || ' = ' || round(corrected / accepted * 100, 2) || '% (cases closed not stated)',
        evidence, null, source_version
    from recon
    where closed is null and accepted > 0 and reported_rate is not null and corrected is not null
      and abs(reported_rate - round(corrected / accepted * 100, 2)) > {{ var('rate_tolerance', 0.5) }}

    union all
    select
        'rate_out_of_range', 'error', indicator,
        region_code, region_name, year, scope,
        value, null, doc_id,
        'stated rate ' || value || '% is outside 0–100',
        evidence, fact_id, source_version
    from stated_rates

    union all
    select
        'rate_out_of_range', 'error', 'litigation.head_appearance_rate',
        region_code, region_name, year, scope,
        derived_rate, null, doc_id,
        'derived rate appearances/hearings ' || appearances || '/' || hearings || ' = ' || derived_rate || '% is outside 0–100',
        evidence, null, source_version
    from court
    where derived_rate < 0 or derived_rate > 100

    union all
    select
        'rate_out_of_range', 'error', 'reconsideration.correction_rate',
        region_code, region_name, year, scope,
        derived_rate, null, doc_id,
        'derived rate corrected/closed ' || corrected || '/' || closed || ' = ' || derived_rate || '% is outside 0–100',
        evidence, null, source_version
    from recon
    where derived_rate < 0 or derived_rate > 100

    union all
    select
        'corrected_exceeds_closed', 'error', 'reconsideration.corrected',
        region_code, region_name, year, scope,
        corrected, closed, doc_id,
        'corrected ' || corrected || ' > closed ' || closed,
        evidence, null, source_version
    from recon
    where corrected > closed

    union all
    select
        'conflicting_values', 'warning', indicator,
        region_code, region_name, year, scope,
        min_value, max_value, doc_id,
        n_facts || ' facts give ' || n_values || ' values: '
            || array_to_string(list_transform(all_values, x -> cast(x as varchar)), ', '),
        evidence, fact_id, source_version
    from conflicts

    union all
    select
        'unresolved_region', 'error', null,
        region_code, region_name, report_year, null,
        null, null, doc_id,
        'region ' || coalesce(region_confidence, 'unknown') || ': '
            || case
                when len(region_candidates) >= 2
                    then coalesce(reporting_body, 'the name it gives') || ' names several places and nothing in the text decides'
                when len(region_candidates) = 1
                    then 'the one place named fits, but is named too weakly (in passing, or only once by a short name) to state'
                when reporting_body is not null
                    then 'the body is named only as ' || reporting_body || ', and no place of its level is named for it'
                else 'the text names no reporting body'
            end
            || case when len(region_candidates) > 0
                then ' (candidates: ' || array_to_string(region_candidates, ', ') || ')' else '' end,
        title, null, source_version
    from unresolved

    union all
    select
        'stale_correction', 'warning', coalesce(fact_indicator, indicator),
        doc_region_code, null, year, scope,
        value, null, doc_id,
        'corrections.csv line ' || line || ': ' || action || ' of ' || number_text || ' in '
            || source_file || ' no longer applies: ' || stale_reason,
        evidence, 'correction ' || correction_id, null
    from {{ ref('int_corrections') }}
    where status = 'stale'
)
select
    md5(concat_ws('|', p.problem, p.indicator, p.region_code, p.year, p.scope, p.doc_id, p.fact_id)) as problem_id,
    p.problem,
    p.severity,
    p.region_code,
    p.region_name,
    p.year,
    p.scope,
    p.indicator,
    p.value,
    p.expected_value,
    p.doc_id,
    d.source_file,
    p.detail,
    p.evidence,
    p.source_version
from problems as p
left join docs as d on d.doc_id = p.doc_id

-- The indicator catalogue from seeds/indicators.csv.
select
    trim(code) as code,
    name_zh,
    family,
    unit,
    tier,
    definition
from {{ ref('indicators') }}
where code is not null
qualify row_number() over (partition by trim(code) order by name_zh) = 1

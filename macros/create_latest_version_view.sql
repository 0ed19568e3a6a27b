{# Post-hook: the latest version of a versioned model also gets a view under the
   model's plain name, so marts.X always points at marts.X_vN (lawgov does the same). #}
{% macro create_latest_version_view() %}
    {% if model.get('version') and model.get('version') == model.get('latest_version') %}
        {% set new_relation = this.incorporate(path={"identifier": model['name']}) %}
        {% set existing_relation = load_relation(new_relation) %}
        {% if existing_relation and not existing_relation.is_view %}
            {{ drop_relation_if_exists(existing_relation) }}
        {% endif %}
        create or replace view {{ new_relation }} as select * from {{ this }}
    {% else %}
        select 1 as no_latest_view
    {% endif %}
{% endmacro %}

{# Relations land in the schema named by +schema / config(schema=...) as is
   (staging, intermediate, marts, seeds), the same names lawgov's runner uses. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

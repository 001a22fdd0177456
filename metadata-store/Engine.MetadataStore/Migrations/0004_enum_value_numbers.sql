-- Every protobuf number ever given to a value of a resource's Enum field (0 is always <FIELD>_UNSPECIFIED). Rows are
-- never deleted, so a removed value's number stays reserved, and a value name keeps its number forever (re-adding it,
-- or the field, or the resource, gives it back).
CREATE TABLE engine_meta.enum_value_numbers (
    resource text    NOT NULL,
    field    text    NOT NULL,
    value    text    NOT NULL,
    number   integer NOT NULL CHECK (number > 0),
    version  bigint  NOT NULL REFERENCES engine_meta.versions (version),
    CONSTRAINT enum_value_numbers_pkey PRIMARY KEY (resource, field, number),
    CONSTRAINT enum_value_numbers_value_key UNIQUE (resource, field, value)
);

-- Enum fields defined before numbers were stored keep the numbers their clients have: declared order from 1.
-- Stored definitions are validated (no repeated values); DO NOTHING only keeps a damaged one from blocking startup.
INSERT INTO engine_meta.enum_value_numbers (resource, field, value, number, version)
SELECT r.name, f.field ->> 'name', v.value, v.position::integer, r.version
FROM engine_meta.resources r
CROSS JOIN LATERAL jsonb_array_elements(r.definition -> 'fields') AS f (field)
CROSS JOIN LATERAL jsonb_array_elements_text(f.field -> 'values') WITH ORDINALITY AS v (value, position)
WHERE f.field ->> 'type' = 'Enum' AND jsonb_typeof(f.field -> 'values') = 'array'
ON CONFLICT DO NOTHING;

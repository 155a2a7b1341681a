-- Saved replies per brand, with {{variables}} filled in when an agent picks one in the composer.
create table reply_template (
    id          bigint generated always as identity primary key,
    brand_id    bigint not null references brand (id),
    name        text not null,
    text        text not null,
    language    text,
    created_at  timestamptz not null default now()
);
create unique index reply_template_name_unique on reply_template (brand_id, lower(name));

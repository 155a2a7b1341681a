-- Each brand's tone of voice and what its order numbers look like; a brand without a row uses the global settings.
create table brand_reply_style (
    brand_id              bigint primary key references brand (id),
    tone                  text check (tone in ('FORMAL', 'PERSONAL')),
    order_number_pattern  text,
    updated_at            timestamptz not null default now()
);

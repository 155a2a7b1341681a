-- Where a post came from, for the listening fields channel: and site:.
alter table post
    add column channel_type text,
    add column url          text,
    add column site         text,
    -- The post's terms as the listening matcher folds them (lower case, no accents, hashtags also as bare words), so
    -- the archive is narrowed with exactly the terms a query needs before the matcher confirms each candidate.
    add column search_terms tsvector;

update post p set channel_type = c.type from channel c where c.id = p.channel_id;

create index post_search_terms on post using gin (search_terms);
-- Posts stored before this column are candidates of every query test until they have terms.
create index post_search_terms_missing on post (created_at) where search_terms is null;

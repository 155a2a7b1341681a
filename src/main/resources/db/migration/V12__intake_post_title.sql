-- A feed item's title or an e-mail's subject: shown with the post, and the subject an e-mail reply answers.
alter table post add column title text;

SQLite only: a database made before addresses were normalised (schema 10) is an SQLite file; on PostgreSQL the schema starts at version 12.

Identity and text (issue 15), in a database made before addresses were normalised.

  $ . use-database expeer.db
  $ expeer -q db init
  $ nfc=$(printf '\xc3\xa9lodie@exemple.fr')
  $ nfd=$(printf 'e\xcc\x81lodie@exemple.fr')
  $ expeer members add "$nfc" --name "Élodie Dupré"
  expeer: added member 1

A database made before normalisation, whose keys folded ASCII only, where a decomposed
address was stored as typed beside the composed one: migrating never merges them.

  $ sql "UPDATE email_key_rule SET rule = 'ascii'; INSERT INTO members (email, email_key, display_name, occupation, language, profile, newsletter_consent, registered_on, status, search_text, created_at, updated_at) VALUES (char(101, 769) || 'lodie@exemple.fr', char(101, 769) || 'lodie@exemple.fr', 'Élodie (twice)', 'other', 'fr', 'member', 0, '2024-01-01', 'active', '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
  $ sql "DROP TABLE letter_suspensions; DROP TABLE letter_bounces; DROP TABLE letter_editions; ALTER TABLE letter_issues DROP COLUMN allow_missing; DROP TABLE map_records; DROP TABLE map_categories; DROP TABLE maps; DROP TABLE email_key_rule; DROP TABLE erasure_list; DELETE FROM schema_migrations WHERE version >= 11"
  $ expeer db migrate
  expeer: applied 5 migration(s), now at schema version 15
  expeer: error: cannot compare addresses by the rule 'fold' (NFC, case folded): members 1 and 2 ('\xc3\xa9lodie@exemple.fr') would have the same address; keep one of each: move to it what the other holds and erase the other ('expeer members erase ID --yes'), or give the other its own address ('expeer members update ID --email ADDRESS'), then run 'expeer db migrate' again. Nothing was changed: addresses are still compared by the rule 'ascii' (only ASCII letters folded, as databases made before addresses were normalised) (esc)
  [65]
  $ sql "SELECT rule FROM email_key_rule; SELECT count(*) FROM members WHERE status = 'active'"
  ascii
  2
  $ expeer members erase 2 --yes 2>&1 | grep -v warning
  expeer: erased member 2
  expeer: the address of member 2 is not put on the erasure list: member 1 has the same one, and keeps it
  $ expeer db migrate
  expeer: the database is already at the latest schema version
  expeer: addresses are now compared by the rule 'fold' (0 key(s) computed again)
  $ expeer members add "$nfd" --name "Élodie Dupré"
  expeer: error: email '\xc3\xa9lodie@exemple.fr': is already the address of member 1 (esc)
  expeer: nothing was written
  [65]


Importing members from the files registration forms and partners produce.

  $ . use-database expeer.db
  $ expeer -q db init
  $ cp "$TESTS_DATA"/*.csv "$TESTS_DATA"/*.jsonl "$TESTS_DATA"/*.yaml .
  $ members() { sql "SELECT count(*) FROM members"; }

A French spreadsheet: semicolons, CRLF, French headers, first and last names in two columns.

  $ expeer members import french-semicolon.csv --dry-run
  french-semicolon.csv: 3 rows: 3 to create, 0 to update, 0 unchanged, 0 to skip, 0 rejected; dry run: nothing written
  $ members
  0
  $ expeer members import french-semicolon.csv
  french-semicolon.csv: 3 rows: 3 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer members list --format csv | cut -d, -f2-9
  email,name,country,organisation,occupation,language,profile,newsletter_consent
  amani@example.cd,Amani Kabila,CD,Ligue congolaise des droits humains,lawyer,fr,member,yes
  jean@example.bi,Jean Niyonzima,BI,"Collectif des avocats; Bujumbura",lawyer,fr,member,no
  salma@example.tn,Salma Trabelsi,TN,Observatoire des libertés,researcher,fr,member,yes
  $ expeer members show amani@example.cd --format csv | cut -d, -f10-12
  consent_at,consent_source,registered_on
  2024-09-15T08:30:00Z,expeer members import,2023-09-14

Running the same file again changes nothing and writes nothing.

  $ expeer members import french-semicolon.csv
  french-semicolon.csv: 3 rows: 0 created, 0 updated, 3 unchanged, 0 skipped, 0 rejected; nothing to change
  $ sql "SELECT action, count(*) FROM audit_log GROUP BY action ORDER BY action"
  db.init|1
  member.add|3
  members.import|1

A byte-order mark and English headers; a member already there is updated, skipped or refused.

  $ printf 'email,organisation\nsalma@example.tn,LTDH\n' > update.csv
  $ expeer members import update.csv --on-existing skip
  update.csv: 1 rows: 0 created, 0 updated, 0 unchanged, 1 skipped, 0 rejected; nothing to change
  $ expeer members import update.csv --on-existing error
  expeer: error: update.csv:2: email 'salma@example.tn': is already the address of member 2
  update.csv: 1 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: email: is already the address of another member: 1
  [65]
  $ EXPEER_NOW=2024-10-01T00:00:00Z expeer members import update.csv
  update.csv: 1 rows: 0 created, 1 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer audit list --action member.update --format csv
  id,at,actor,action,object_type,object_id,details
  6,2024-10-01T00:00:00Z,tester,member.update,member,2,"{""fields"":[""organisation""],""via"":""import""}"
  $ expeer members import bom.csv
  bom.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer members show grace@example.ug --format csv | cut -d, -f3-9
  name,country,organisation,occupation,language,profile,newsletter_consent
  Grace Namutebi,UG,Defenders Forum,activist,en,member,yes

Windows-1252 needs --encoding; without it, the error says so.

  $ expeer members import windows-1252.csv
  expeer: error: windows-1252.csv:2: Nom '(not valid UTF-8)': is not valid UTF-8 (saved by a spreadsheet in another encoding? try --encoding windows-1252)
  expeer: error: windows-1252.csv:2: Organisation '(not valid UTF-8)': is not valid UTF-8 (saved by a spreadsheet in another encoding? try --encoding windows-1252)
  expeer: error: windows-1252.csv:3: Nom '(not valid UTF-8)': is not valid UTF-8 (saved by a spreadsheet in another encoding? try --encoding windows-1252)
  expeer: error: windows-1252.csv:3: Organisation '(not valid UTF-8)': is not valid UTF-8 (saved by a spreadsheet in another encoding? try --encoding windows-1252)
  windows-1252.csv: 2 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 2 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: Nom: is not valid UTF-8: 2
    rejected: Organisation: is not valid UTF-8: 2
  [65]
  $ expeer -q members import windows-1252.csv --encoding windows-1252
  windows-1252.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer members list --search francois --format csv | cut -d, -f3,5
  name,organisation
  François Dubois,L’Observatoire
  $ expeer members list --search helene --format csv | cut -d, -f3,5
  name,organisation
  Hélène Lefèvre,Réseau Justice & Cœur

Quoted fields with separators, quotes and line breaks: lines are counted as a person sees
them in an editor, so the row after a two-line record is on line 5.

  $ expeer members import embedded-newlines.csv
  expeer: error: embedded-newlines.csv:3: organisation 'Association\npour la justice': contains a line break
  expeer: error: embedded-newlines.csv:5: organisation 'R\xc3\xa9seau\\n\\nJustice': contains a line break (esc)
  embedded-newlines.csv: 4 rows: 2 to create, 0 to update, 0 unchanged, 0 to skip, 2 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: organisation: contains a line break: 2
  [65]

All or nothing: one bad row, and nothing of the file is written.

  $ members
  7
  $ expeer members import duplicate-email.csv
  expeer: error: duplicate-email.csv:4: email 'Amina@Example.ORG': appears again: also on line 2
  duplicate-email.csv: 3 rows: 2 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: email: appears twice in the file: 1
  [65]
  $ expeer members import invalid-email.csv
  expeer: error: invalid-email.csv:3: email 'amina.example.org': is not a valid email address: has no '@'
  expeer: error: invalid-email.csv:4: email 'two@@example.org': is not a valid email address: has a character that is not allowed before '@'
  invalid-email.csv: 3 rows: 1 to create, 0 to update, 0 unchanged, 0 to skip, 2 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: email: is not a valid email address: has a character that is not allowed before '@': 1
    rejected: email: is not a valid email address: has no '@': 1
  [65]
  $ expeer members import unknown-country.csv
  expeer: error: unknown-country.csv:2: country 'Tunisi': unknown country (did you mean Tunisia (TN)?)
  expeer: error: unknown-country.csv:3: country 'Narnia': unknown country
  unknown-country.csv: 2 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 2 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: country: unknown country: 2
  [65]
  $ expeer members import cr-in-field.csv
  expeer: error: cr-in-field.csv:2: name 'Carla\rBcc: everyone@example.org': contains a line break
  cr-in-field.csv: 1 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: name: contains a line break: 1
  [65]
  $ members
  7

Files that are not member lists at all:

  $ expeer members import empty.csv
  expeer: error: empty.csv: the file is empty: the first line must name the columns
  [65]
  $ expeer members import binary.csv
  expeer: error: binary.csv: not a text file (it contains NUL bytes)
  [65]
  $ expeer members import header-only.csv
  header-only.csv: 0 rows: 0 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected; nothing to change
  $ expeer members import missing.csv
  expeer: error: cannot read 'missing.csv': No such file or directory
  [66]
  $ printf 'name;pays\nX;TN\n' > no-email.csv
  $ expeer members import no-email.csv
  expeer: error: no-email.csv:1: no email column (email, courriel, e-mail...)
  [65]
  $ printf 'email,name,country\n"a@example.org,A,TN\n' > unclosed.csv
  $ expeer members import unclosed.csv
  expeer: error: unclosed.csv:2: field 1: a quoted field is never closed
  [65]
  $ printf 'email,name,country\nb@example.org,B,Tunis, Tunisie\n' > extra.csv
  $ expeer members import extra.csv
  expeer: error: extra.csv:2: has 4 fields where the header has 3 (a separator inside an unquoted value?)
  extra.csv: 1 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: more fields than the header: 1
  [65]

With --skip-invalid the valid rows go in, and the rejected ones come out in the input's own
format, with a reason, ready to be fixed and imported again; the exit status says "partly".

  $ expeer members import duplicate-email.csv --skip-invalid --rejects rejects.csv
  expeer: error: duplicate-email.csv:4: email 'Amina@Example.ORG': appears again: also on line 2
  duplicate-email.csv: 3 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 1 rejected; the other rows were written
    rejected: email: appears twice in the file: 1
  [3]
  $ cat rejects.csv
  email,name,country,reason
  Amina@Example.ORG,Amina B. S.,TN,email: appears again: also on line 2
  $ stat -c %a rejects.csv
  600
  $ expeer members import duplicate-email.csv --skip-invalid --rejects rejects.csv
  expeer: error: 'rejects.csv' already exists: give --force to replace it
  [73]
  $ sed -i 's/Amina@Example.ORG,Amina B. S./amina.bs@example.org,Amina B. S./' rejects.csv
  $ expeer members import rejects.csv
  rejects.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer members import french-semicolon.csv --rejects r.csv
  expeer: error: --rejects goes with --skip-invalid
  [64]

JSON Lines, and a partner's own headers mapped with --map. Unknown columns are reported.

  $ expeer members import members.jsonl --skip-invalid
  expeer: error: members.jsonl:4: email 'bad': is not a valid email address: has no '@'
  expeer: error: members.jsonl:4: country 'XX': unknown country
  members.jsonl: 3 rows: 1 created, 0 updated, 1 unchanged, 0 skipped, 1 rejected; the other rows were written
    rejected: country: unknown country: 1
    rejected: email: is not a valid email address: has no '@': 1
  [3]
  $ expeer members import partner.csv --dry-run
  expeer: warning: partner.csv: column 'T\xc3\xa9l\xc3\xa9phone' is not imported: unknown header (name its field with --map) (esc)
  partner.csv: 1 rows: 1 to create, 0 to update, 0 unchanged, 0 to skip, 0 rejected; dry run: nothing written
  $ expeer members import partner.csv --map partner-map.yaml --report-format json
  {
    "file": "partner.csv",
    "dry_run": false,
    "written": true,
    "rows": 1,
    "created": 1,
    "updated": 0,
    "unchanged": 0,
    "skipped": 0,
    "rejected": 0,
    "joined_space": 0,
    "rejected_by_reason": {},
    "unknown_columns": []
  }
  $ printf 'columns:\n  Adresse: courriel\n' > bad-map.yaml
  $ expeer members import partner.csv --map bad-map.yaml
  expeer: error: bad-map.yaml:2: 'Adresse' maps to 'courriel', which is not one of email, name, first_name, last_name, country, organisation, occupation, language, profile, newsletter, consent_source, consent_at, registered_on, status, disabled_at, external_id, ignore
  [65]

Under --quiet, one summary line.

  $ expeer -q members import partner.csv --map partner-map.yaml
  partner.csv: 1 rows: 0 created, 0 updated, 1 unchanged, 0 skipped, 0 rejected; nothing to change

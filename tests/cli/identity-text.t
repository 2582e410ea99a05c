Identity and text (issue 15): one address however it is typed, and no name that hides,
floods or reverses what is around it.

  $ . use-database expeer.db
  $ expeer -q db init
  $ nfc=$(printf '\xc3\xa9lodie@exemple.fr')
  $ nfd=$(printf 'e\xcc\x81lodie@exemple.fr')
  $ test "$nfc" != "$nfd"

"élodie@" typed composed, then decomposed, then in capitals (É is outside ASCII): one member.

  $ expeer members add "$nfc" --name "Élodie Dupré"
  expeer: added member 1
  $ expeer members add "$nfd" --name "Élodie Dupré"
  expeer: error: email '\xc3\xa9lodie@exemple.fr': is already the address of member 1 (esc)
  expeer: nothing was written
  [65]
  $ expeer members add "ÉLODIE@EXEMPLE.FR" --name "Élodie Dupré"
  expeer: error: email '\xc3\x89LODIE@EXEMPLE.FR': is already the address of member 1 (esc)
  expeer: nothing was written
  [65]
  $ expeer members show "$(printf 'E\xcc\x81LODIE@Exemple.FR')" --format json | grep '"id"'
    "id": 1,
  $ printf 'email,name\n%s,Élodie D.\nΣΟΦΊΑ@example.gr,Sofia\nσοφία@example.gr,Sofia\n' "$nfd" > again.csv
  $ expeer members import again.csv
  expeer: error: again.csv:4: email '\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1@example.gr': appears again: also on line 3 (esc)
  again.csv: 3 rows: 1 to create, 1 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: email: appears twice in the file: 1
  [65]
  $ sql "SELECT count(*) FROM members"
  1

By configuration, case counts before the '@' (never in the domain); the database records
the rule its keys were computed by, and 'db migrate' computes them again.

  $ EXPEER_MEMBERS_EMAIL_LOCAL_PART=exact expeer members list --format csv | head -1
  expeer: warning: the database compares addresses by the rule 'fold' (NFC, case folded) and members.email_local_part asks for 'exact' (NFC, case kept before '@'): run 'expeer db migrate' to compute their keys again
  id,email,name,country,organisation,occupation,language,profile,newsletter_consent,consent_at,consent_source,registered_on,status,disabled_at,external_id,created_at,updated_at
  $ EXPEER_MEMBERS_EMAIL_LOCAL_PART=exact expeer db migrate
  expeer: the database is already at the latest schema version
  expeer: addresses are now compared by the rule 'exact' (0 key(s) computed again)
  $ EXPEER_MEMBERS_EMAIL_LOCAL_PART=exact expeer members add "ÉLODIE@EXEMPLE.FR" --name "Another Élodie"
  expeer: added member 2

Back to folding, those two would be one: nothing changes until someone decides which.

  $ expeer db migrate
  expeer: the database is already at the latest schema version
  expeer: error: cannot compare addresses by the rule 'fold' (NFC, case folded): members 1 and 2 ('\xc3\xa9lodie@exemple.fr') would have the same address; keep one of each: move to it what the other holds and erase the other ('expeer members erase ID --yes'), or give the other its own address ('expeer members update ID --email ADDRESS'), then run 'expeer db migrate' again. Nothing was changed: addresses are still compared by the rule 'exact' (NFC, case kept before '@') (esc)
  [65]
  $ expeer members erase 2 --yes 2>&1 | grep -v warning
  expeer: erased member 2
  expeer: the address of member 2 is not put on the erasure list: member 1 has the same one, and keeps it
  $ expeer db migrate
  expeer: the database is already at the latest schema version
  expeer: addresses are now compared by the rule 'fold' (0 key(s) computed again)
  $ expeer audit list --format csv | grep email_key_rule
  3,2024-09-15T08:30:00Z,tester,member.email_key_rule,database,,"{""from"":""fold"",""keys_changed"":0,""to"":""exact""}"
  6,2024-09-15T08:30:00Z,tester,member.email_key_rule,database,,"{""from"":""exact"",""keys_changed"":0,""to"":""fold""}"

Names: C1 controls (NEL U+0085, CSI U+009B), line and paragraph separators and
bidirectional controls are refused in every one-line field.

  $ expeer members add a@example.org --name "$(printf 'Amina\xc2\x85Ben')"
  expeer: error: name 'Amina\x85Ben': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add a@example.org --name "$(printf 'Amina\xe2\x80\xa8Ben')"
  expeer: error: name 'Amina\u2028Ben': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add a@example.org --name "$(printf 'Amina\xc2\x9b2J')"
  expeer: error: name 'Amina\x9b2J': contains a control character
  expeer: nothing was written
  [65]
  $ expeer members add a@example.org --name "$(printf 'Amina \xe2\x80\xaegpj.exe')"
  expeer: error: name 'Amina \u202egpj.exe': contains a bidirectional control character
  expeer: nothing was written
  [65]
  $ expeer members add a@example.org --name "نور الهدى"
  expeer: added member 3
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel a@example.org --role contributor
  $ expeer news post sahel --title "$(printf 'Alert\xe2\x80\xa8Fake second line')" --body "Text" --as a@example.org
  expeer: error: title 'Alert\u2028Fake second line': contains a line break
  expeer: nothing was written
  [65]
  $ expeer news post sahel --title "Alert" --body "$(printf 'Text \xe2\x80\xae override')" --as a@example.org
  expeer: error: body 'Text \u202e override': contains a bidirectional override or embedding
  expeer: nothing was written
  [65]
  $ expeer spaces create s --label "$(printf 'Label\xe2\x80\xae')"
  expeer: error: label 'Label\u202e': contains a bidirectional control character
  expeer: nothing was written
  [65]
  $ expeer spaces create s --label "$(printf '\xe2\x80\x8b\xe2\x80\x8b')"
  expeer: error: label '\xe2\x80\x8b\xe2\x80\x8b': is empty: it has only invisible characters (esc)
  expeer: nothing was written
  [65]

Limits count characters as a reader does and bytes: 20,000 zero-width spaces, or one letter
under 30,000 combining marks, are too long (too big for a command line: an import; the CSV
reader itself refuses a field over 64 KiB, as hostile-input.t shows).

  $ python3 -c 'print("email,name"); print("z@example.org," + "\u200b" * 20000); print("m@example.org,a" + "\u0301" * 30000); print("e@example.org," + "e\u0301" * 200)' > flood.csv
  $ expeer members import flood.csv --skip-invalid
  expeer: error: flood.csv:2: name '\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b...': is longer than 3200 bytes (esc)
  expeer: error: flood.csv:3: name 'a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81...': has more than 30 combining marks on one character (esc)
  flood.csv: 3 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 2 rejected; the other rows were written
    rejected: name: has more than 30 combining marks on one character: 1
    rejected: name: is longer than 3200 bytes: 1
  [3]
  $ expeer members show e@example.org --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["name"]))'
  200

SQLite only: it restores old backups into database files beside their list of erased people; postgres/engine.t restores into a server with the list replayed.

An erased person stays erased: the next run of the same registration-form import, `members
add` and a backup made before the erasure do not bring them back. The list of erased people
holds keyed hashes, never an address.

  $ export EXPEER_DB=$PWD/live/expeer.db
  $ expeer -q db init
  $ cat > form.csv <<'CSV'
  > courriel,nom,pays,lettre d'information
  > amina.bensalah@example.org,Amina Ben Salah,Tunisie,oui
  > jb@example.cd,Jean-Baptiste Mukendi,RDC,oui
  > CSV
  $ expeer -q members import form.csv
  form.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q backup create before.tar.gz
  $ expeer -q members erase amina.bensalah@example.org --yes

The erasure list is beside the database, private, and holds no address.

  $ stat -c %a live/expeer.db.erasures
  600
  $ grep -c -i amina live/expeer.db.erasures
  0
  [1]
  $ grep -c '^erased [0-9a-f]\{64\} 2024-09-15T08:30:00Z kept$' live/expeer.db.erasures
  1

The same import again: the erased person is refused, the other one unchanged.

  $ expeer members import form.csv
  expeer: error: form.csv:2: courriel 'amina.bensalah@example.org': was erased at the person's request (on 2024-09-15; give --allow-erased only if they asked to come back)
  form.csv: 2 rows: 0 to create, 0 to update, 1 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: courriel: was erased at the person's request: 1
  [65]
  $ expeer members add AMINA.BENSALAH@example.org --name "Amina"
  expeer: error: email 'AMINA.BENSALAH@example.org': was erased at the person's request (on 2024-09-15; give --allow-erased only if they asked to come back)
  expeer: nothing was written
  [65]
  $ expeer members list --format csv | cut -d, -f2
  email
  jb@example.cd

A backup made before the erasure holds her in full; its restore erases her again.

  $ EXPEER_DB=$PWD/restored/expeer.db EXPEER_ERASURES_FILE=$PWD/live/expeer.db.erasures expeer backup restore before.tar.gz
  expeer: restored 1 entries to '*/restored/expeer.db' (schema version *, backed up at 2024-09-15T08:30:00Z) (glob)
  expeer: erased again 1 member(s) erased since the backup was made
  $ EXPEER_DB=$PWD/restored/expeer.db expeer members list --format csv | cut -d, -f2
  email
  jb@example.cd
  $ grep -c amina.bensalah restored/expeer.db
  0
  [1]

A restore that cannot replay the erasures (here it is given the list of another database)
leaves no database behind: the database appears only once the erased are erased again.

  $ expeer -q backup create after.tar.gz
  $ export other=$PWD/other/expeer.db
  $ EXPEER_DB=$other expeer -q db init
  $ EXPEER_DB=$other expeer -q members add x@example.org --name X
  $ EXPEER_DB=$other expeer -q members erase x@example.org --yes 2>/dev/null
  $ EXPEER_DB=$PWD/failed/expeer.db EXPEER_ERASURES_FILE=$other.erasures expeer backup restore after.tar.gz
  expeer: error: the erasure list '*/other/expeer.db.erasures' was made for another database: without it, people erased from this database could come back; put the list kept with this database back there (see expeer-members(1), ERASURE) (glob)
  [78]
  $ ls -A failed

Without the list, a database that had erasures refuses to take people in rather than let an
erased one back.

  $ mv live/expeer.db.erasures list.saved
  $ expeer members add new@example.org --name "New Member"
  expeer: error: the erasure list '*/live/expeer.db.erasures' is missing: without it, people erased from this database could come back; put the list kept with this database back there (see expeer-members(1), ERASURE) (glob)
  [78]
  $ mv list.saved live/expeer.db.erasures

She asks to come back: --allow-erased lets her in, audited, and the list notes it.

  $ expeer -q members add amina.bensalah@example.org --name "Amina Ben Salah" --country TN --allow-erased
  $ expeer audit list --action member.add --format csv | tail -1 | cut -d, -f3-
  tester,member.add,member,3,"{""erased_before"":true}"
  $ grep -c '^returned ' live/expeer.db.erasures
  1
  $ expeer -q members import form.csv
  form.csv: 2 rows: 0 created, 1 updated, 1 unchanged, 0 skipped, 0 rejected

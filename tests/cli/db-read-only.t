SQLite only: it mounts the database file read-only; on a server, read-only access is the role's (default_transaction_read_only).

A copy of the database nobody may change (a coordinator's copy on a read-only mount) can
still be read by every command that only reads; a command that writes says why it cannot.
The mount is made in a user namespace (unshare): skipped where the kernel allows none.

  $ unshare -rm true 2>/dev/null || exit 80
  $ export EXPEER_DB=$PWD/copy/expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org
  $ expeer -q news post sahel --title "Bienvenue" --body "Texte" --as amina@example.org
  $ printf 'Notes\n' > notes.txt
  $ expeer -q library add sahel notes.txt --as amina@example.org
  $ read_only() { unshare -rm sh -c 'mount --bind copy copy && mount -o remount,bind,ro copy && exec "$@"' sh "$@"; }
  $ read_only touch copy/anything
  touch: cannot touch 'copy/anything': Read-only file system
  [1]

The commands that only read open it read-only: no WAL index beside it, no migration.
Members, news and comments, spaces, libraries, talks, the letter's figures, the report:

  $ read_only expeer members list --format csv | cut -d, -f1-4
  id,email,name,country
  1,amina@example.org,Amina Ben Salah,TN
  $ read_only expeer members show amina@example.org --format json | grep '"name"'
    "name": "Amina Ben Salah",
  $ read_only expeer news list --format csv | cut -d, -f3,5
  space,title
  sahel,Bienvenue
  $ read_only expeer db status --format csv | cut -d, -f2-
  schema_version,program_schema_version,state,migrated_at
  *,*,current,2024-09-15T08:30:00Z (glob)
  $ read_only expeer audit list --format csv | wc -l
  7
  $ read_only expeer members data-export amina@example.org | grep -c amina@example.org
  1
  $ read_only expeer backup create backup.tar.gz
  expeer: backed up 2 entries (0.*MB) to 'backup.tar.gz' (glob)
  $ read_only expeer spaces list --format csv | cut -d, -f1,2
  slug,label
  sahel,Sahel
  $ read_only expeer spaces show sahel --format json | grep '"members"'
    "members": 1,
  $ read_only expeer spaces members list sahel --format csv | cut -d, -f2
  email
  amina@example.org
  $ read_only expeer news show 1 --format json | grep '"title"'
    "title": "Bienvenue",
  $ read_only expeer news comments list 1 --format csv
  id,news,posted_at,author,body,edited_at
  $ read_only expeer library list sahel --format csv
  path,size,revision,revisions,updated_at,sha256
  notes.txt,6,1,1,2024-09-15T08:30:00Z,38732073f309589131fec63f417896537e63d27fc29fcf7c60d5f47379f0887a
  $ read_only expeer library history sahel notes.txt --format csv | cut -d, -f1,2
  revision,added_at
  1,2024-09-15T08:30:00Z
  $ read_only expeer library get sahel notes.txt
  Notes
  $ read_only expeer library export sahel export.zip
  expeer: 1 files written to 'export.zip'
  $ read_only expeer talks list --format csv | wc -l
  1
  $ read_only expeer letter recipients 2024-09 --format csv
  language,recipients
  en,0
  fr,0
  $ read_only expeer letter status 2024-09 --format csv
  expeer: issue 2024-09 is not approved
  language,pending,sending,sent,failed,interrupted
  fr,0,0,0,0,0
  en,0,0,0,0,0
  $ read_only expeer stats audit --year 2024 --format csv 2>/dev/null | head -1
  cell,description,published_by,shown_as,low,high,interval,needs,verdict
  $ read_only expeer stats report --year 2024 --format csv,html --out report && ls report
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.en.csv
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.en.html
  expeer-report-2024-01-01_2024-12-31.en.csv
  expeer-report-2024-01-01_2024-12-31.en.html

A command that writes says that the database is read-only, and why.

  $ read_only expeer members add noor@example.org --name Noor
  expeer: error: the database '*/copy/expeer.db' is read-only here: it is on a read-only file system; this command changes it, while commands that only read it (list, show, export, reports) work on a read-only copy (glob)
  [73]

Where the database's WAL file still holds changes the file lacks, and its index is beside
it, they are read too: the copy is shown whole.

  $ expeer -q members add noor@example.org --name Noor --country MA
  $ /usr/bin/python3 -c '
  > import sqlite3, os
  > db = sqlite3.connect("copy/expeer.db")
  > db.execute("PRAGMA wal_autocheckpoint = 0")
  > db.execute("UPDATE members SET display_name = ? WHERE email = ?", ("Noor Al-Huda", "noor@example.org"))
  > db.commit()
  > os._exit(0)
  > '
  $ test -s copy/expeer.db-wal && echo "changes in the WAL file"
  changes in the WAL file
  $ read_only expeer members list --format csv | cut -d, -f2,3
  email,name
  amina@example.org,Amina Ben Salah
  noor@example.org,Noor Al-Huda

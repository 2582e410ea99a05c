SQLite only: it restores into database files and reads them; postgres/engine.t backs up a server and restores into one, and a SQLite backup into a server.

Backups: one file with the database, every stored content and a manifest of checksums.

  $ export EXPEER_DB=$PWD/live/expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ expeer -q members add noor@example.org --name "نور الهدى" --country MA
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org noor@example.org
  $ printf 'rapport\n' > rapport.txt && printf 'notes\n' > notes.md
  $ expeer -q library add sahel rapport.txt notes.md --folder études --as amina@example.org
  $ expeer -q news post sahel --title "Bienvenue" --body "Texte" --as noor@example.org

  $ expeer backup create backup.tar.gz
  expeer: backed up 3 entries (0.3 MB) to 'backup.tar.gz'
  $ stat -c %a backup.tar.gz
  600
  $ expeer backup create backup.tar.gz
  expeer: error: 'backup.tar.gz' already exists: give --force to replace it
  [73]
  $ expeer backup verify backup.tar.gz --format json | grep -E '"(schema_version|entries)"'
    "schema_version": 15,
    "entries": 3,

A restored installation gives the same listings and the same files.

  $ EXPEER_DB=$PWD/restored/expeer.db expeer backup restore backup.tar.gz
  expeer: restored 3 entries to '*/restored/expeer.db' (schema version 15, backed up at 2024-09-15T08:30:00Z) (glob)
  $ EXPEER_DB=$PWD/restored/expeer.db expeer -q backup restore backup.tar.gz
  expeer: error: '*/restored/expeer.db' exists: a backup is restored only where there is no database yet (glob)
  [73]
  $ for command in "members list" "spaces list" "spaces members list sahel" "library list sahel" "news list" "activity list"; do
  >   diff <(expeer $command --format csv) <(EXPEER_DB=$PWD/restored/expeer.db expeer $command --format csv) > /dev/null && echo "same: $command"
  > done
  same: members list
  same: spaces list
  same: spaces members list sahel
  same: library list sahel
  same: news list
  same: activity list
  $ EXPEER_DB=$PWD/restored/expeer.db expeer library get sahel études/rapport.txt
  rapport
  $ stat -c %a restored restored/expeer.db
  700
  600

A damaged or incomplete backup is refused before anything is written.

  $ cp backup.tar.gz damaged.tar.gz
  $ /usr/bin/python3 -c '
  > import gzip
  > data = bytearray(gzip.decompress(open("damaged.tar.gz", "rb").read()))
  > at = data.find(b"rapport\n")
  > data[at] = ord("R")
  > open("damaged.tar.gz", "wb").write(gzip.compress(bytes(data)))
  > '
  $ expeer backup verify damaged.tar.gz
  expeer: error: the backup 'damaged.tar.gz' cannot be used: entry 'files/*' does not match its checksum (glob)
  [65]
  $ EXPEER_DB=$PWD/r2/expeer.db expeer backup restore damaged.tar.gz
  expeer: error: the backup 'damaged.tar.gz' cannot be used: entry 'files/*' does not match its checksum (glob)
  [65]
  $ ls r2 2>&1
  ls: cannot access 'r2': No such file or directory
  [2]
  $ /usr/bin/python3 -c '
  > import gzip, tarfile, io
  > src = tarfile.open("backup.tar.gz")
  > out = tarfile.open("incomplete.tar.gz", "w:gz")
  > for m in src.getmembers():
  >     if not m.name.startswith("files/"): out.addfile(m, src.extractfile(m))
  > out.close()
  > '
  $ EXPEER_DB=$PWD/r3/expeer.db expeer backup restore incomplete.tar.gz
  expeer: error: the backup 'incomplete.tar.gz' cannot be used: it is incomplete: entry 'files/*' is missing (glob)
  [65]
  $ ls r3 2>&1 | head -1
  ls: cannot access 'r3': No such file or directory
  $ head -c 300 backup.tar.gz > cut.tar.gz
  $ expeer backup verify cut.tar.gz > /dev/null 2>&1
  [65]
  $ expeer backup verify rapport.txt
  expeer: error: the backup 'rapport.txt' cannot be used: not a backup of expeer (*) (glob)
  [65]

A backup taken while another process writes is consistent.

  $ (for i in $(seq 1 60); do expeer -q members add "w$i@example.org" --name "Writer $i"; done) &
  $ sleep 0.2; expeer -q backup create during.tar.gz; wait
  $ expeer backup verify during.tar.gz --format csv | cut -d, -f3-4
  schema_version,entries
  15,3
  $ EXPEER_DB=$PWD/r4/expeer.db expeer -q backup restore during.tar.gz
  $ sqlite3 r4/expeer.db "PRAGMA integrity_check; PRAGMA foreign_key_check;"
  ok
  $ n=$(sqlite3 r4/expeer.db "SELECT count(*) FROM members"); [ "$n" -ge 2 ] && [ "$n" -le 62 ] && echo "a consistent moment: $n members"
  a consistent moment: * members (glob)
  $ sqlite3 r4/expeer.db "SELECT count(*) FROM members m WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.object_type = 'member' AND a.object_id = m.id)"
  0

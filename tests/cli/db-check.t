`expeer db check` finds where the database and its content store disagree, and what crashes
and hands left; --repair removes what can go, never a content a row records.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ printf 'rapport\n' > rapport.txt && printf 'notes\n' > notes.txt && printf 'annexe\n' > annexe.txt
  $ expeer -q library add sahel rapport.txt notes.txt annexe.txt --as amina@example.org
  $ expeer db check
  expeer: the database and its contents agree
  $ expeer db check --format json
  []
  expeer: the database and its contents agree

Damage made by hand: an orphan content (a file no row records), a temporary file an older
version left, a download the platform pull left beside the contents, a content removed
behind expeer's back, another truncated.

  $ sha() { printf "$1" | sha256sum | cut -c1-64; }
  $ orphan=$(sha 'orphan\n'); mkdir -p expeer.db.files/${orphan:0:2} && printf 'orphan\n' > expeer.db.files/${orphan:0:2}/$orphan
  $ printf 'half' > expeer.db.files/tmp/incoming-AbC123
  $ printf 'half' > expeer.db.files/incoming-platform-XyZ789
  $ notes=$(sha 'notes\n'); rm expeer.db.files/${notes:0:2}/$notes
  $ annexe=$(sha 'annexe\n'); : > expeer.db.files/${annexe:0:2}/$annexe
  $ expeer db check --format csv 2>/dev/null | sed "s/$orphan/ORPHAN/; s/$notes/NOTES/; s/$annexe/ANNEXE/"
  problem,item,action
  content missing,NOTES,restore a backup
  content of the wrong size,"ANNEXE (0 bytes, recorded as 7)",restore a backup
  content no row records,ORPHAN,remove with --repair
  stray file,incoming-platform-XyZ789,remove with --repair
  stray file,tmp/incoming-AbC123,remove with --repair
  $ expeer db check 2>&1 >/dev/null | sed "s/$orphan/ORPHAN/; s/$notes/NOTES/; s/$annexe/ANNEXE/"
  expeer: content missing: * (restore a backup) (glob)
  expeer: content of the wrong size: * (0 bytes, recorded as 7) (restore a backup) (glob)
  expeer: content no row records: * (remove with --repair) (glob)
  expeer: stray file: incoming-platform-XyZ789 (remove with --repair)
  expeer: stray file: tmp/incoming-AbC123 (remove with --repair)
  expeer: the database or its contents are damaged: restore a backup (expeer-backup(1))
  $ expeer db check > /dev/null 2>&1
  [1]

--repair removes the orphan and the strays, audited; what only a backup can mend stays
reported (exit 1).

  $ expeer -q db check --repair
  [1]
  $ ls expeer.db.files/${orphan:0:2}/$orphan expeer.db.files/incoming-platform-XyZ789 expeer.db.files/tmp/incoming-AbC123 2>&1 | grep -c "No such file"
  3
  $ expeer audit list --action db.repair --format csv | cut -d, -f4-
  action,object_type,object_id,details
  db.repair,database,,"{""interrupted_runs"":0,""orphan_contents"":1,""strays"":2}"
  $ expeer db check --format csv 2>/dev/null | cut -d, -f1
  problem
  content missing
  content of the wrong size

Once the contents are back (here, added again), all agree.

  $ printf 'annexe\n' > expeer.db.files/${annexe:0:2}/$annexe
  $ mkdir -p expeer.db.files/${notes:0:2} && printf 'notes\n' > expeer.db.files/${notes:0:2}/$notes
  $ expeer db check
  expeer: the database and its contents agree

The database itself: a row whose parent is gone (written with references off, as a hand
with sqlite3 or psql could) is found.

  $ case $EXPEER_TEST_ENGINE in sqlite) off='PRAGMA foreign_keys = OFF' ;; postgres) off='SET session_replication_role = replica' ;; esac
  $ sql "$off; INSERT INTO library_revisions (file_id, revision, sha256, size, added_at) VALUES (99, 1, NULL, 0, '2024-01-01')"
  $ expeer db check 2>&1 | head -1
  expeer: row without its parent: library_revisions row 4: no library_files row it refers to (restore a backup)

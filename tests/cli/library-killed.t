kill -9 in the middle of `library import`: the database is as it was, and what the killed
process left (hundreds of MB of temporary files, contents put in place and never recorded)
is cleaned by the next command that stores contents, or by `expeer db check --repair`.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ make_archive() { /usr/bin/python3 "$TESTS_DATA/../cli/archives.py" "$@"; }
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ state() { sql "select (select count(*) from library_files) || ' files, ' || (select count(*) from blobs) || ' contents, ' || (select count(*) from audit_log) || ' audit rows'"; }
  $ state
  0 files, 0 contents, 4 audit rows

An archive of 30 MB of random bytes (three 10 MB files: no compression bomb). The import is
killed once it has written 2 MB of temporary files (polled every 10 ms: they stay temporary
until all 30 MB are read and synced, far longer than that).

  $ make_archive big big.tar 10 3
  $ expeer -q library import sahel big.tar --as amina@example.org > /dev/null 2>&1 &
  $ importer=$!
  $ written() { find expeer.db.files/tmp -name 'incoming-*' -size +2M 2>/dev/null | grep -q .; }
  $ for i in $(seq 1 3000); do written && break; sleep 0.01; done
  $ kill -9 $importer; wait $importer 2>/dev/null; echo "killed: $?"
  killed: 137

The database is as it was; the killed process's folder holds its temporary files.

  $ state
  0 files, 0 contents, 4 audit rows
  $ find expeer.db.files/tmp -mindepth 1 -maxdepth 1 -name 'run-*' | wc -l
  1
  $ du -sm expeer.db.files/tmp | awk '{ print ($1 >= 2) ? "2 MB or more left" : "less" }'
  2 MB or more left

`db check` sees it, and removes nothing without --repair (exit 1).

  $ expeer db check --format csv
  problem,item,action
  left by a killed command,"1 folder(s), * temporary file(s), * bytes",remove with --repair (glob)
  expeer: left by a killed command: 1 folder(s), * temporary file(s), * bytes (remove with --repair) (glob)
  expeer: run again with --repair to remove what is listed
  [1]

The next import cleans it first, then adds its own files; nothing is left in tmp/.

  $ printf 'notes\n' > notes.txt && tar cf small.tar notes.txt
  $ expeer library import sahel small.tar --as amina@example.org
  expeer: 1 files added from 'small.tar' (1 new contents, 0 already stored)
  $ find expeer.db.files/tmp -type f | wc -l
  0
  $ expeer db check
  expeer: the database and its contents agree
  $ state
  1 files, 1 contents, 5 audit rows

The whole import then goes through.

  $ expeer library import sahel big.tar --as amina@example.org
  expeer: 3 files added from 'big.tar' (3 new contents, 0 already stored)
  $ expeer db check
  expeer: the database and its contents agree

SQLite only: it kills the copy of a database file (VACUUM INTO) half-way; a server's backup is copied through a connection, in postgres/engine.t.

A backup killed half-way (kill -9: no chance to clean up) leaves no copy of the database
outside the database's own directory, and what it left is removed by the next backup. A
backup that cannot be written names the backup, not the database.

  $ export EXPEER_DB=$PWD/live/expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org
  $ head -c 30000000 /dev/urandom > big.bin
  $ expeer -q library add sahel big.bin --as amina@example.org
  $ rm big.bin
  $ mkdir backups

Start a backup, wait until it has written a good part of the archive, and kill it.

  $ expeer -q backup create backups/expeer.tar.gz &
  $ backup=$!
  $ for i in $(seq 1 3000); do [ -n "$(find backups -name '.expeer.tar.gz.*' -size +2M)" ] && break; sleep 0.01; done
  $ kill -9 $backup; wait $backup 2>/dev/null; echo "killed: $?"
  killed: 137

No file outside the database's directory is a database (a plain copy would start so), and
the half-written archive and the copy it was made from are recognisable by their names.

  $ grep -rla "SQLite format 3" . | grep -v '^\./live/'
  [1]
  $ ls -A backups
  .expeer.tar.gz.?????? (glob)
  $ ls -A live | grep backup
  .expeer.db.backup-?????? (glob)

The next backup removes them.

  $ expeer -q backup create backups/expeer.tar.gz
  $ ls -A backups
  expeer.tar.gz
  $ ls -A live | grep backup
  [1]

A backup that cannot be written (a full disk; here a limit on the size of files this
process may write, which gives EFBIG where a full disk gives ENOSPC) names the file that
could not be written, and leaves nothing behind.

  $ (trap '' XFSZ; ulimit -f 2000; expeer backup create backups/full.tar.gz)
  expeer: error: cannot write 'backups/full.tar.gz': the file grew larger than this process may write (File too large; see ulimit -f)
  [74]
  $ ls -A backups
  expeer.tar.gz
  $ ls -A live | grep backup
  [1]

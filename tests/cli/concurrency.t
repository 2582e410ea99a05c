Two processes writing at once both succeed: the second waits for the first's lock instead
of failing with "database is locked".

  $ export EXPEER_DB=$PWD/expeer.db
  $ expeer -q db init
  $ writer() { for i in $(seq 1 40); do expeer -q members add "$1$i@example.org" --name "$1 $i" --country TN || echo "FAILED $1 $i"; done; }
  $ writer alpha & writer beta & wait
  $ sqlite3 expeer.db "SELECT count(*), count(DISTINCT email) FROM members"
  80|80
  $ sqlite3 expeer.db "SELECT count(*) FROM audit_log WHERE action = 'member.add'"
  80

A writer that waits longer than the busy timeout gets exit 75, worth retrying later, and
writes nothing.

  $ /usr/bin/python3 - <<'PY' &
  > import os, sqlite3, time
  > db = sqlite3.connect("expeer.db", isolation_level=None)
  > db.execute("BEGIN IMMEDIATE")
  > open("locked", "w").close()
  > while not os.path.exists("release"):
  >     time.sleep(0.01)
  > db.execute("ROLLBACK")
  > PY
  $ while [ ! -e locked ]; do sleep 0.01; done
  $ EXPEER_BUSY_TIMEOUT_MS=50 expeer members add late@example.org --name Late
  expeer: error: the database '*/expeer.db' is busy: another command kept it locked; try again later (glob)
  [75]
  $ touch release; wait
  $ sqlite3 expeer.db "SELECT count(*) FROM members WHERE email = 'late@example.org'"
  0

Two processes writing at once both succeed: the second waits for the first's lock instead
of failing with "database is locked".

  $ . use-database expeer.db
  $ expeer -q db init
  $ writer() { for i in $(seq 1 40); do expeer -q members add "$1$i@example.org" --name "$1 $i" --country TN || echo "FAILED $1 $i"; done; }
  $ writer alpha & writer beta & wait
  $ sql "SELECT count(*), count(DISTINCT email) FROM members"
  80|80
  $ sql "SELECT count(*) FROM audit_log WHERE action = 'member.add'"
  80

A writer that waits longer than the busy timeout gets exit 75, worth retrying later, and
writes nothing.

  $ hold-write-lock &
  $ for i in $(seq 1 3000); do [ -e locked ] && break; sleep 0.01; done
  $ EXPEER_BUSY_TIMEOUT_MS=50 expeer members add late@example.org --name Late
  expeer: error: the database '*' is busy: another command kept it locked; try again later (glob)
  [75]
  $ touch release; wait
  $ sql "SELECT count(*) FROM members WHERE email = 'late@example.org'"
  0

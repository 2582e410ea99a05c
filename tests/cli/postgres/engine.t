The network on a PostgreSQL server, named by its URL: every command as on SQLite, with
the same output. The test fixture started the server (tests/postgres/server); this
transcript makes a database of its own there.

  $ server_dir=${EXPEER_TEST_POSTGRES#*host=}; server_dir=$(dirname "${server_dir%%&*}")
  $ for db in expeer_cli expeer_cli_copy expeer_cli_restored; do
  >   psql -qX "$EXPEER_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" 2>&1 | grep -v NOTICE
  > done
  [1]
  $ export PG="postgresql:///expeer_cli?host=$server_dir/socket&user=postgres"
  $ export COPY="postgresql:///expeer_cli_copy?host=$server_dir/socket&user=postgres"
  $ export RESTORED="postgresql:///expeer_cli_restored?host=$server_dir/socket&user=postgres"
  $ export EXPEER_STATS_TEST_ACCOUNTS='*@test.expeer.example'

A database on a server has no file beside which to keep the libraries' contents and the
list of erased people: it asks where.

  $ expeer --db "$PG" db init
  expeer: database ready at 'postgresql:///expeer_cli?host=*/socket&user=postgres' (glob)
  $ expeer --db "$PG" library list anything
  expeer: error: the database is on a server: set files_dir (where the contents of the file libraries are kept on this machine), in the configuration or the environment
  [78]
  $ export EXPEER_FILES_DIR=$TMPDIR/files EXPEER_ERASURES_FILE=$TMPDIR/erasures

The demonstration network, on both engines: the same report, lists and exports.

  $ expeer --db "$PG" demo seed
  expeer: seeded 907 fictional members, 320 spaces, 2562 news, 1100 comments and 11998 activities
  $ expeer -q --db demo.db db init && expeer --db demo.db demo seed > /dev/null 2>&1
  $ for command in "stats report --year 2024 --lang fr,en --format table" "members list" \
  >   "spaces list --format json" "news list" "activity list --format json" "audit list"; do
  >   expeer --db "$PG" $command > pg.out 2>&1; echo "$? $command"
  >   expeer --db demo.db $command > sqlite.out 2>&1
  >   cmp -s pg.out sqlite.out || diff sqlite.out pg.out | head -5
  > done
  0 stats report --year 2024 --lang fr,en --format table
  0 members list
  0 spaces list --format json
  0 news list
  0 activity list --format json
  0 audit list

The server's database and the contents kept on this machine agree:

  $ expeer --db "$PG" db check
  expeer: the database and its contents agree

A network moves to a server, and back, with `db copy`, which compares every table before it
keeps anything; it copies only into a new database.

  $ expeer db copy demo.db "$COPY"
  expeer: copied 17404 rows of 27 tables from 'demo.db' to 'postgresql:///expeer_cli_copy?host=*/socket&user=postgres', and compared every table (glob)
  $ expeer db copy "$COPY" back.db --format json > copied.json
  expeer: copied 17405 rows of 27 tables from 'postgresql:///expeer_cli_copy?host=*/socket&user=postgres' to 'back.db', and compared every table (glob)
  $ head -4 copied.json
  [
    {
      "table": "audit_log",
      "rows": 3
  $ expeer --db back.db news list > back.out && expeer --db demo.db news list | cmp - back.out && echo same news
  same news
  $ expeer db copy demo.db "$COPY"
  expeer: error: 'postgresql:///expeer_cli_copy?host=*/socket&user=postgres' already holds data (table audit_log): a network is copied only into a new database (glob)
  [73]
  $ expeer db copy demo.db demo.db
  expeer: error: 'demo.db' is both where to copy from and to
  [64]

A backup of the server is an SQLite database in the usual backup file: it restores into a
server or into a file.

  $ expeer --db "$COPY" backup create copy.tar.gz
  expeer: backed up 1 entries (*) to 'copy.tar.gz' (glob)
  $ ls -a | grep -c backup-
  0
  [1]
  $ EXPEER_FILES_DIR=$TMPDIR/restored-files expeer --db "$RESTORED" backup restore copy.tar.gz
  expeer: restored 1 entries to 'postgresql:///expeer_cli_restored?host=*/socket&user=postgres' (schema version 15, backed up at 2024-09-15T08:30:00Z) (glob)
  $ EXPEER_FILES_DIR=$TMPDIR/restored-files expeer --db "$RESTORED" members list | cmp - <(expeer --db demo.db members list) && echo same members
  same members
  $ ls -a $TMPDIR | grep -c expeer-restore
  0
  [1]

An erasure leaves nothing of the person in the server's files: the tables are written
anew (VACUUM FULL) and the old files removed. (The server's write-ahead log, pg_wal/, keeps
the change until its next checkpoints recycle it, as a backup of the server would.)

  $ expeer --db "$PG" members add amina.distinct@example.org --name "Amina Distinct-Person" --country TN --occupation lawyer
  expeer: added member 908
  $ psql -qX "$PG" -c CHECKPOINT
  $ grep -r -l -a "Distinct-Person" "$server_dir/data/base" | wc -l | sed 's/[1-9][0-9]*/some/'
  some
  $ expeer --db "$PG" members erase amina.distinct@example.org --yes > /dev/null 2>&1
  $ psql -qX "$PG" -c CHECKPOINT
  $ grep -r -l -a "Distinct-Person" "$server_dir/data/base" | wc -l
  0

A URL that holds a password is refused: it would be shown wherever the database is named.
The password goes in EXPEER_DB_PASSWORD, or libpq's password file.

  $ expeer --db "postgresql://expeer:s3cret@db.example/expeer" db status
  expeer: error: the database URL holds a password: give it in EXPEER_DB_PASSWORD or in libpq's password file (PGPASSFILE) instead, so that it is never shown
  [78]
  $ expeer --db "postgresql:///expeer_cli?host=$server_dir/socket&user=postgres&password=s3cret" db status 2>&1 | grep -c s3cret
  0
  [1]

A server that does not answer is a temporary failure (75: cron tries again later); a login
the server refuses is a permission error (77).

  $ expeer --db "postgresql:///expeer_cli?host=$TMPDIR/no-server" members list 2>&1 | sed 's/"[^"]*"/"..."/'
  expeer: error: cannot reach the database server of 'postgresql:///expeer_cli?host=*/no-server': connection to server on socket "..." failed: No such file or directory Is the server running locally and accepting connections on that socket?; try again later (glob)
  $ expeer --db "postgresql:///expeer_cli?host=$TMPDIR/no-server" members list > /dev/null 2>&1
  [75]
  $ expeer --db "postgresql:///expeer_cli?host=$server_dir/socket&user=nobody" members list
  expeer: error: the database server of 'postgresql:///expeer_cli?host=*/socket&user=nobody' refused: connection to server on socket "*" failed: FATAL: role "nobody" does not exist (glob)
  [77]

TLS asked for by one side and not offered by the other is refused too, and will not change by
trying again (77): a server without TLS when the URL requires it, and a server that accepts
only TLS (`hostssl`) when the URL disables it. (Servers that speak just the start of the
protocol, on loopback: the test server listens on a Unix socket, where libpq never asks for
TLS.)

  $ refusal() { (fake-postgres-refusal "$1" "$1.port" &); for i in $(seq 1 100); do [ -s "$1.port" ] && break; sleep 0.1; done; }
  $ refusal no-tls && refusal tls-only
  $ expeer --db "postgresql://expeer@127.0.0.1:$(cat no-tls.port)/expeer?sslmode=require" members list
  expeer: error: the database server of 'postgresql://expeer@127.0.0.1:*/expeer?sslmode=require' refused: connection to server at "127.0.0.1", port * failed: server does not support SSL, but SSL was required (glob)
  [77]
  $ expeer --db "postgresql://expeer@127.0.0.1:$(cat tls-only.port)/expeer?sslmode=disable" members list
  expeer: error: the database server of 'postgresql://expeer@127.0.0.1:*/expeer?sslmode=disable' refused: connection to server at "127.0.0.1", port * failed: FATAL: no pg_hba.conf entry for host "127.0.0.1", user "expeer", database "expeer", no encryption (glob)
  [77]
  $ kill $(cat no-tls.port.pid) $(cat tls-only.port.pid)
  $ for db in expeer_cli expeer_cli_copy expeer_cli_restored; do
  >   psql -qX "$EXPEER_TEST_POSTGRES" -c "DROP DATABASE $db WITH (FORCE)"
  > done

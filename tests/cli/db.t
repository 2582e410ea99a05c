SQLite only: it creates, migrates and locks database files by path; postgres/engine.t does init, status, migrate and copy on a server.

The database: created private, migrated, its status shown.

  $ export EXPEER_DB=$PWD/data/expeer.db
  $ expeer db status
  expeer: error: no database at '*/data/expeer.db': run 'expeer db init' first, or give --db (glob)
  [78]
  $ expeer members list
  expeer: error: no database at '*/data/expeer.db': run 'expeer db init' first, or give --db (glob)
  [78]
  $ expeer db init
  expeer: database ready at '*/data/expeer.db' (glob)
  $ stat -c '%a %n' data data/expeer.db
  700 data
  600 data/expeer.db
  $ expeer db init
  expeer: database at '*/data/expeer.db' is already up to date (glob)
  $ expeer db migrate
  expeer: the database is already at the latest schema version
  $ expeer db status --format table
  database                */data/expeer.db (glob)
  schema_version          15
  program_schema_version  15
  state                   current
  migrated_at             2024-09-15T08:30:00Z
  $ expeer db status --format json
  {
    "database": "*/data/expeer.db", (glob)
    "schema_version": 15,
    "program_schema_version": 15,
    "state": "current",
    "migrated_at": "2024-09-15T08:30:00Z"
  }

The default place follows XDG_DATA_HOME, and --db overrides everything.

  $ unset EXPEER_DB
  $ XDG_DATA_HOME=$PWD/xdg expeer --quiet db init
  $ stat -c '%a' xdg/expeer xdg/expeer/expeer.db
  700
  600
  $ EXPEER_DB=$PWD/elsewhere.db expeer --db "$PWD/flag.db" --quiet db init
  $ ls *.db
  flag.db

A database from a newer expeer is refused, with nothing changed.

  $ sqlite3 flag.db "INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')"
  $ expeer --db flag.db members list
  expeer: error: the database 'flag.db' is at schema version 99, newer than this program knows (15): upgrade expeer
  [78]
  $ expeer --db flag.db db migrate
  expeer: error: the database 'flag.db' is at schema version 99, newer than this program knows (15): upgrade expeer
  [78]
  $ expeer --db flag.db db status --format csv
  database,schema_version,program_schema_version,state,migrated_at
  flag.db,99,15,newer than this program,2030-01-01T00:00:00Z

A file that is not a database is named.

  $ printf 'not a database at all, just some text that is long enough' > notes.txt
  $ expeer --db notes.txt members list
  expeer: error: 'notes.txt' is not a usable expeer database: file is not a database
  [78]

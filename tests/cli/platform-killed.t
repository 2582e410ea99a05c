SQLite only: it waits on the database file to kill a pull half-way and checks the file's pages; a pull killed on a server rolls back as any transaction.

kill -9 in the middle of a pull: what was committed is whole (the accounts, the spaces read
before), nothing of the space being read is there, nothing is left behind, and the next run
ends where an uninterrupted pull ends.

  $ cli="$TESTS_DATA/../cli"
  $ export EXPEER_NOW=2025-06-01T10:00:00Z
  $ /usr/bin/python3 "$cli/tracim_world.py" small --output world.json
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y &) ; while [ ! -s port ]; do sleep 0.1; done
  $ control() { curl -s -X "$1" "http://127.0.0.1:$(cat port)/__control/$2" ${3:+-d "$3"}; }
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=admin@asf.example EXPEER_PLATFORM_API_KEY=k3y
  $ export EXPEER_PLATFORM_SPACES=tunisia-anti-discrimination,morocco-prisons,sfax-hearings
  $ state() { sqlite3 "$1" "select (select count(*) from members), (select count(*) from spaces), (select count(*) from news), (select count(*) from comments), (select count(*) from library_revisions), (select count(*) from activities), (select count(*) from platform_cursors)"; }

The reference: an uninterrupted pull, with the files' bytes.

  $ EXPEER_DB=$PWD/whole.db expeer -q db init
  $ EXPEER_DB=$PWD/whole.db expeer -q platform pull --with-files > /dev/null
  $ state whole.db
  6|4|5|5|7|30|3

The interrupted one: the file of the second space takes seconds to come; the pull is killed
while it waits for its bytes (the first space written, a download under way).

  $ export EXPEER_DB=$PWD/killed.db
  $ expeer -q db init
  $ control POST faults '[{"method": "GET", "path": "/api/workspaces/7/files/53/revisions/171/raw", "times": 1, "delay_seconds": 30}]' > /dev/null
  $ expeer -q platform pull --with-files > /dev/null 2>&1 &
  $ waiting() { [ "$(sqlite3 killed.db 'select count(*) from platform_cursors')" = 1 ] && ls killed.db.files/tmp/run-*/incoming-platform-*; }
  $ for i in $(seq 1 300); do waiting >/dev/null 2>&1 && break; sleep 0.1; done
  $ { kill -9 $! && wait $!; } 2>/dev/null
  [137]
  $ sqlite3 killed.db 'pragma integrity_check'
  ok
  $ state killed.db
  6|4|3|2|6|18|1
  $ sqlite3 killed.db "select slug from spaces where id in (select space_id from platform_cursors)"
  tunisia-anti-discrimination
  $ find killed.db.files -name 'incoming-*' | wc -l
  1

The next run takes the space again, cleans what the killed one left, and ends as the whole one.

  $ control DELETE faults > /dev/null
  $ expeer -q platform pull --with-files > /dev/null
  $ state killed.db
  6|4|5|5|7|30|3
  $ find killed.db.files -name 'incoming-*' | wc -l
  0
  $ for t in news comments library_revisions activities; do
  >   a=$(sqlite3 whole.db "select count(*) from $t where external_id is not null")
  >   b=$(sqlite3 killed.db "select count(*) from $t where external_id is not null")
  >   echo "$t $a $b"
  > done
  news 5 5
  comments 5 5
  library_revisions 7 7
  activities 30 30
  $ diff <(sqlite3 whole.db "select sha256, size from blobs order by 1") <(sqlite3 killed.db "select sha256, size from blobs order by 1") && echo same contents
  same contents

Two pulls at once: the second does not wait, and says why (exit 75: cron tries later).

  $ control POST faults '[{"method": "GET", "path": "^/api/users$", "times": 1, "delay_seconds": 3}]' > /dev/null
  $ expeer -q platform pull > /dev/null &
  $ for i in $(seq 1 300); do flock -n killed.db.platform.lock true || break; sleep 0.1; done
  $ expeer platform pull
  expeer: error: another `expeer platform pull` or `push` is already running (lock '*/killed.db.platform.lock'): try again later (glob)
  [75]
  $ wait
  $ kill $(cat port.pid)

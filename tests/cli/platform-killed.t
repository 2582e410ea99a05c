kill -9 in the middle of a pull: what was committed is whole (the accounts, the spaces read
before), nothing of the space being read is there, nothing is left behind, and the next run
ends where an uninterrupted pull ends.

  $ cli="$TESTS_DATA/../cli"
  $ export EXPEER_NOW=2025-06-01T10:00:00Z
  $ /usr/bin/python3 "$cli/tracim_world.py" small --output world.json
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ control() { curl -s -X "$1" "http://127.0.0.1:$(cat port)/__control/$2" ${3:+-d "$3"}; }
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=admin@asf.example EXPEER_PLATFORM_API_KEY=k3y
  $ export EXPEER_PLATFORM_SPACES=tunisia-anti-discrimination,morocco-prisons,sfax-hearings
  $ state() { sql "select (select count(*) from members), (select count(*) from spaces), (select count(*) from news), (select count(*) from comments), (select count(*) from library_revisions), (select count(*) from activities), (select count(*) from platform_cursors)"; }

The reference: an uninterrupted pull, with the files' bytes.

  $ . use-database whole.db
  $ expeer -q db init
  $ expeer -q platform pull --with-files > /dev/null
  $ state
  6|4|5|5|7|30|3
  $ for t in news comments library_revisions activities; do sql "select count(*) from $t where external_id is not null"; done > whole.counts
  $ sql "select sha256, size from blobs order by 1" > whole.blobs

The interrupted one: the file of the second space takes seconds to come; the pull is killed
while it waits for its bytes (the first space written, a download under way).

  $ . use-database killed.db
  $ expeer -q db init
  $ control POST faults '[{"method": "GET", "path": "/api/workspaces/7/files/53/revisions/171/raw", "times": 1, "delay_seconds": 30}]' > /dev/null
  $ expeer -q platform pull --with-files > /dev/null 2>&1 &
  $ waiting() { [ "$(sql 'select count(*) from platform_cursors')" = 1 ] && ls killed.db.files/tmp/run-*/incoming-platform-*; }
  $ for i in $(seq 1 300); do waiting >/dev/null 2>&1 && break; sleep 0.1; done
  $ { kill -9 $! && wait $!; } 2>/dev/null
  [137]
The database holds together; what the killed run was downloading is left in its folder
until the next run (or `db check --repair`) removes it.

  $ expeer db check
  expeer: left by a killed command: 1 folder(s), 1 temporary file(s), 0 bytes (remove with --repair)
  expeer: run again with --repair to remove what is listed
  [1]
  $ state
  6|4|3|2|6|18|1
  $ sql "select slug from spaces where id in (select space_id from platform_cursors)"
  tunisia-anti-discrimination
  $ find killed.db.files -name 'incoming-*' | wc -l
  1

The next run takes the space again, cleans what the killed one left, and ends as the whole one.

  $ control DELETE faults > /dev/null
  $ expeer -q platform pull --with-files > /dev/null
  $ state
  6|4|5|5|7|30|3
  $ find killed.db.files -name 'incoming-*' | wc -l
  0
  $ expeer db check
  expeer: the database and its contents agree
  $ for t in news comments library_revisions activities; do sql "select count(*) from $t where external_id is not null"; done | diff whole.counts - && cat whole.counts
  5
  5
  7
  30
  $ sql "select sha256, size from blobs order by 1" | diff whole.blobs - && echo same contents
  same contents

Two pulls at once: the second does not wait, and says why (exit 75: cron tries later).

  $ control POST faults '[{"method": "GET", "path": "^/api/users$", "times": 1, "delay_seconds": 3}]' > /dev/null
  $ expeer -q platform pull > /dev/null &
  $ held() { case "$EXPEER_DB" in
  >   postgresql://*) [ "$(sql "select count(*) from pg_locks where locktype = 'advisory' and granted")" != 0 ] ;;
  >   *) ! flock -n killed.db.platform.lock true ;;
  > esac; }
  $ for i in $(seq 1 300); do held && break; sleep 0.1; done
  $ expeer platform pull
  expeer: error: another `expeer platform pull` or `push` is already running (*): try again later (glob)
  [75]
  $ wait
  $ kill $(cat port.pid)

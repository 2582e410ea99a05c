Files made to hurt (issue 15): too deep, too wide, endless, with odd line ends, odd ids and
dates, or with bytes a terminal acts on. Each is refused with the place named, or read, and
never crashes or leaves a half-written state. The inputs are in tests/data/hostile/.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina --external-id u-17
  $ cp $TESTS_DATA/hostile/* .
  $ members() { sql "SELECT count(*) FROM members"; }

A JSON value nested 200,000 deep crashed both imports (the stack overflowed): the depth is
bounded as the parser meets it.

  $ python3 -c 'print("{\"id\": " + "[" * 200000 + "]" * 200000 + "}")' > deep.jsonl
  $ expeer activity import deep.jsonl
  expeer: error: deep.jsonl:1: line '{"id": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...': nests arrays and objects more than 32 deep
  deep.jsonl: 1 lines: 0 to add, 0 already there, 1 rejected; nothing written: fix the rejected lines, or give --skip-invalid
  [65]
  $ expeer members import deep.jsonl
  expeer: error: deep.jsonl:1: not a JSON object: it nests arrays and objects more than 32 deep
  [65]
  $ members
  1

A one-line CSV of 400 MB (email, then 200 million ",x") drove memory to 24 GB, and
/dev/zero never ended: fields, bytes per field and per record are bounded, and the reader
stops at the first bound passed, long before the end of the file. (The memory bound is
generous, to hold on any platform; without the bounds it would be over 400 MB.)

  $ python3 -c '
  > import sys
  > sys.stdout.write("email")
  > chunk = ",x" * 1000000
  > try:
  >     for _ in range(200): sys.stdout.write(chunk)
  >     sys.stdout.write("\n")
  > except BrokenPipeError:
  >     sys.stderr.close()
  > ' | /usr/bin/time -f '%M' -o rss expeer members import --format csv /dev/stdin
  expeer: error: /dev/stdin:1: field 1001: more than 1000 fields in one record
  [65]
  $ test "$(tail -n 1 rss)" -lt 200000 && echo flat
  flat
  $ timeout 20 expeer members import --format csv /dev/zero
  expeer: error: /dev/zero: not a text file (it contains NUL bytes)
  [65]
  $ timeout 20 expeer members import --format jsonl /dev/zero
  expeer: error: /dev/zero:1: the line is longer than 1048576 bytes
  [65]
  $ timeout 20 expeer activity import /dev/zero
  expeer: error: /dev/zero:1: the line is longer than 1048576 bytes
  [65]
  $ python3 -c 'print("email,name\na@example.org,\"" + "x" * 100000 + "\"")' > long-field.csv
  $ expeer members import long-field.csv
  expeer: error: long-field.csv:2: field 2: longer than 65536 bytes (a quote never closed?)
  [65]
  $ members
  1

Lines ending in CR alone (old Mac exports) made a silent "0 rows": they are read as lines.

  $ expeer members import cr-only.csv
  cr-only.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q spaces create sahel --label Sahel
  $ expeer activity import cr-only.jsonl
  cr-only.jsonl: 2 lines: 2 added, 0 already there, 0 rejected; written
  $ members
  3

Activity ids must be strings or whole numbers, times between 1990 and tomorrow, and one id
twice in a file with other content is refused (the same line twice counts once).

  $ expeer activity import odd-ids.jsonl
  expeer: error: odd-ids.jsonl:1: id '7.0': must be a string or a whole number, not a number with a fraction
  expeer: error: odd-ids.jsonl:2: id 'true': must be a string or a whole number, not true or false
  expeer: error: odd-ids.jsonl:3: id '[[["ev"]]]': must be a string or a whole number, not an array
  expeer: error: odd-ids.jsonl:4: time '0000-01-01T00:00:00Z': is before 1990-01-01
  expeer: error: odd-ids.jsonl:5: time '9999-12-31T23:59:59Z': is in the future
  expeer: error: odd-ids.jsonl:8: id 'ev-ok': appears again with other content: also on line 6
  odd-ids.jsonl: 8 lines: 1 to add, 0 already there, 1 repeated in the file, 6 rejected; nothing written: fix the rejected lines, or give --skip-invalid
  [65]
  $ sql "SELECT count(*) FROM activities WHERE external_id = 'ev-ok'"
  0

--skip-invalid and --rejects, as for members: the valid lines go in, the others come out
with a reason.

  $ expeer activity import odd-ids.jsonl --skip-invalid --rejects rejected.jsonl
  expeer: error: odd-ids.jsonl:1: id '7.0': must be a string or a whole number, not a number with a fraction
  expeer: error: odd-ids.jsonl:2: id 'true': must be a string or a whole number, not true or false
  expeer: error: odd-ids.jsonl:3: id '[[["ev"]]]': must be a string or a whole number, not an array
  expeer: error: odd-ids.jsonl:4: time '0000-01-01T00:00:00Z': is before 1990-01-01
  expeer: error: odd-ids.jsonl:5: time '9999-12-31T23:59:59Z': is in the future
  expeer: error: odd-ids.jsonl:8: id 'ev-ok': appears again with other content: also on line 6
  odd-ids.jsonl: 8 lines: 1 added, 0 already there, 1 repeated in the file, 6 rejected; the other lines were written
  [3]
  $ cat rejected.jsonl
  {"id":7.0,"time":"2024-03-01T10:00:00Z","member":"u-17","kind":"login","reason":"id: must be a string or a whole number, not a number with a fraction"}
  {"id":true,"time":"2024-03-01T10:00:00Z","member":"u-17","kind":"login","reason":"id: must be a string or a whole number, not true or false"}
  {"id":[[["ev"]]],"time":"2024-03-01T10:00:00Z","member":"u-17","kind":"login","reason":"id: must be a string or a whole number, not an array"}
  {"id":"ev-y0","time":"0000-01-01T00:00:00Z","member":"u-17","kind":"login","reason":"time: is before 1990-01-01"}
  {"id":"ev-y9","time":"9999-12-31T23:59:59Z","member":"u-17","kind":"login","reason":"time: is in the future"}
  {"id":"ev-ok","time":"2024-03-02T10:00:00Z","member":"u-17","kind":"login","reason":"id: appears again with other content: also on line 6"}
  $ stat -c %a rejected.jsonl
  600
  $ expeer activity import odd-ids.jsonl --rejects rejected.jsonl
  expeer: error: --rejects goes with --skip-invalid
  [64]
  $ sql "SELECT external_id, at FROM activities ORDER BY id"
  ev-m1|2024-03-01T10:00:00Z
  ev-m2|2024-03-01T11:00:00Z
  ev-ok|2024-03-01T10:00:00Z

One date parser for every option: "yesterday" and "7d" count from the clock (EXPEER_NOW is
2024-09-15T08:30:00Z), "01/12/2026" is refused rather than compared as text.

  $ cat > recent.jsonl <<'JSON'
  > {"id": "ev-r1", "time": "2024-09-14T12:00:00Z", "member": "u-17", "kind": "login"}
  > {"id": "ev-r2", "time": "2024-09-10T12:00:00Z", "member": "u-17", "kind": "login"}
  > JSON
  $ expeer -q activity import recent.jsonl
  recent.jsonl: 2 lines: 2 added, 0 already there, 0 rejected; written
  $ expeer activity list --from yesterday --format csv
  at,kind,member_id,space,content
  2024-09-14T12:00:00Z,login,1,,
  $ expeer activity list --from 7d --to yesterday --format csv
  at,kind,member_id,space,content
  2024-09-10T12:00:00Z,login,1,,
  2024-09-14T12:00:00Z,login,1,,
  $ expeer activity list --from 01/12/2026
  expeer: error: --from '01/12/2026' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer audit list --since yesterday --format csv | tail -n +2 | cut -d, -f4 | sort | uniq -c
        1 db.init
        3 member.add
        1 members.import
        1 space.create
  $ expeer audit list --since 01/12/2026
  expeer: error: --since '01/12/2026' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer news list --since tomorrow
  expeer: error: --since 'tomorrow' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]

Imports read dates written another way with --date-format.

  $ expeer members import dates.csv
  expeer: error: dates.csv:2: date d'inscription '15/03/2024': must be a date as 2024-05-01 (written another way? see --date-format)
  expeer: error: dates.csv:2: date du consentement '15/03/2024 10:23:45': must be a date as 2024-05-01 or a time as 2024-05-01T10:00:00Z (or with an offset, +02:00) (written another way? see --date-format)
  expeer: error: dates.csv:3: date d'inscription '1/4/2024': must be a date as 2024-05-01 (written another way? see --date-format)
  expeer: error: dates.csv:3: date du consentement '01/04/2024 09:00:00': must be a date as 2024-05-01 or a time as 2024-05-01T10:00:00Z (or with an offset, +02:00) (written another way? see --date-format)
  dates.csv: 2 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 2 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: date d'inscription: must be a date as 2024-05-01: 2
    rejected: date du consentement: must be a date as 2024-05-01 or a time as 2024-05-01T10:00:00Z: 2
  [65]
  $ expeer members import dates.csv --date-format '%d/%m/%Y %H:%M:%S' --date-format %d/%m/%Y
  dates.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer members show fr1@example.org --format csv | cut -d, -f10,12
  consent_at,registered_on
  2024-03-15T10:23:45Z,2024-03-15
  $ expeer members import dates.csv --date-format '%d/%q/%Y'
  expeer: error: --date-format '%d/%q/%Y': '%q' is not supported: use %d %m %Y %H %M %S %z %F %T or %% (see expeer-members(1))
  [64]

A header that is not UTF-8 made the JSON report fail after the import was committed (exit 1
with the members written): the report is written, and says what was.

  $ expeer members import latin1-header.csv --report-format json
  expeer: warning: latin1-header.csv: column 'Remarqu\xe9e' is not imported: unknown header (name its field with --map)
  {
    "file": "latin1-header.csv",
    "dry_run": false,
    "written": true,
    "rows": 1,
    "created": 1,
    "updated": 0,
    "unchanged": 0,
    "skipped": 0,
    "rejected": 0,
    "joined_space": 0,
    "rejected_by_reason": {},
    "unknown_columns": [
      "Remarqu\\xe9e"
    ]
  }
  $ members
  6

Headers and cells are quoted with what a terminal acts on escaped: no file can clear the
screen, retitle the window or reverse the text of an error.

  $ expeer members import escapes.csv
  expeer: error: escapes.csv:2: country 'Narnia\x1b[31m': contains a control character
  expeer: warning: escapes.csv: column '\x1b[2J\x1b]0;pwned\x07col\u202e' is not imported: unknown header (name its field with --map)
  escapes.csv: 1 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; nothing written: fix the rejected rows, or give --skip-invalid
    rejected: country: contains a control character: 1
  [65]

The activity history: brought in from the platform, listed with filters.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina --external-id u-17
  $ expeer -q members add jb@example.org --name JB --external-id u-18
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces create euromed --label Euromed
  $ cat > history.jsonl <<'JSON'
  > {"id": "ev-1", "time": "2024-03-01T10:00:00Z", "member": "u-17", "kind": "login"}
  > {"id": "ev-2", "time": "2024-03-01T10:02:13Z", "member": "u-17", "kind": "view", "space": "sahel"}
  > 
  > {"id": 3, "time": "2024-03-02T08:00:00Z", "member": "jb@example.org", "kind": "file", "space": "euromed", "content": "rapport-2023.pdf", "device": "phone"}
  > {"id": "ev-4", "time": "2024-04-01T00:00:00Z", "member": "u-18", "kind": "news", "space": "euromed", "content": "Appel"}
  > JSON
  $ expeer activity import history.jsonl --dry-run
  expeer: warning: history.jsonl: key 'device' is not imported
  history.jsonl: 4 lines: 4 to add, 0 already there, 0 rejected; dry run: nothing written
  $ expeer -q activity import history.jsonl
  history.jsonl: 4 lines: 4 added, 0 already there, 0 rejected; written

Importing the same file again adds nothing.

  $ expeer -q activity import history.jsonl --report-format json
  {
    "file": "history.jsonl",
    "dry_run": false,
    "written": false,
    "lines": 4,
    "added": 0,
    "already": 4,
    "repeated": 0,
    "rejected": 0,
    "unknown_keys": [
      "device"
    ]
  }

A bad line: reported by line, and nothing of the file is written.

  $ cat > bad.jsonl <<'JSON'
  > {"id": "ev-5", "time": "2024-05-01T10:00:00Z", "member": "u-17", "kind": "view", "space": "sahel"}
  > {"id": "ev-6", "time": "2024-05-01 10:00", "member": "u-99", "kind": "dance", "space": "atlantis"}
  > not json
  > {"time": "2024-05-01T10:00:00Z", "member": "u-17", "kind": "view"}
  > JSON
  $ expeer activity import bad.jsonl
  expeer: error: bad.jsonl:2: time '2024-05-01 10:00': must be a time as 2024-05-01T10:00:00Z (or with an offset, +02:00)
  expeer: error: bad.jsonl:2: kind 'dance': must be one of news, comment, file, membership, login, view
  expeer: error: bad.jsonl:2: member 'u-99': no such member
  expeer: error: bad.jsonl:2: space 'atlantis': no such space
  expeer: error: bad.jsonl:3: line 'not json': is not valid JSON (at byte 2)
  expeer: error: bad.jsonl:4: id '': is required: the platform's id of the event
  expeer: error: bad.jsonl:4: space '': is required for this kind
  bad.jsonl: 4 lines: 1 to add, 0 already there, 3 rejected; nothing written: fix the rejected lines, or give --skip-invalid
  [65]
  $ sql "SELECT count(*) FROM activities WHERE external_id = 'ev-5'"
  0
  $ expeer activity import missing.jsonl
  expeer: error: cannot read 'missing.jsonl'
  [66]

Listing, with filters by member, space, kind and period (both days included).

  $ expeer activity list --format table
  at                    kind   member_id  space    content
  2024-03-01T10:00:00Z  login  1          -        -
  2024-03-01T10:02:13Z  view   1          sahel    -
  2024-03-02T08:00:00Z  file   2          euromed  rapport-2023.pdf
  2024-04-01T00:00:00Z  news   2          euromed  Appel
  $ expeer activity list --member u-17 --format csv
  expeer: error: no member with email 'u-17'
  [67]
  $ expeer activity list --member amina@example.org --format csv | tail -n +2
  2024-03-01T10:00:00Z,login,1,,
  2024-03-01T10:02:13Z,view,1,sahel,
  $ expeer activity list --space euromed --kind file --format csv | tail -n +2
  2024-03-02T08:00:00Z,file,2,euromed,rapport-2023.pdf
  $ expeer activity list --from 2024-03-02 --to 2024-03-31 --format csv | tail -n +2
  2024-03-02T08:00:00Z,file,2,euromed,rapport-2023.pdf
  $ expeer activity list --to 2024-03-01 --format csv | wc -l
  3
  $ expeer activity list --limit 1 --format csv | tail -n +2
  2024-04-01T00:00:00Z,news,2,euromed,Appel
  $ expeer activity list --from March
  expeer: error: --from 'March' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer activity list --kind dance
  expeer: error: --kind: dance not in {news,comment,file,membership,login,view}
  run 'expeer activity list --help' for usage
  [64]

The collaboration platform: expeer pulls the network from a fake Tracim on loopback, written
from ../shared/tracim-api (tests/cli/fake_tracim.py), and pushes new members to it.

  $ cli="$TESTS_DATA/../cli"
  $ . use-database expeer.db && export EXPEER_NOW=2025-06-01T10:00:00Z
  $ /usr/bin/python3 "$cli/tracim_world.py" small --output world.json
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key the-key-SECRET &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ control() { curl -s -X "$1" "http://127.0.0.1:$(cat port)/__control/$2" ${3:+-d "$3"}; }
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=admin@asf.example
  $ export EXPEER_PLATFORM_API_KEY=the-key-SECRET EXPEER_PLATFORM_RETRY_DELAY_MS=20
  $ expeer -q db init

The check: the platform, who the key acts as, and what it cannot read. The administrator is
not a member of "Open resources", whose contents the platform then keeps from it.

  $ expeer platform check > check.txt
  [3]
  $ sed "s#$EXPEER_PLATFORM_URL#URL#" check.txt
  platform:       Tracim 5.0.0 (release_2025-04.00) at URL
  acts as:        ASF Admin (admin@asf.example), an administrator
  reads:          7 accounts, 4 spaces
  cannot read:    the contents of 'open-resources' (the login is not a member)
  $ control POST world '{"memberships": [{"workspace_id": 9, "user_id": 1, "role": "reader", "created": "2025-05-01T08:00:00Z"}]}' >/dev/null
  $ expeer platform check --format json | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["version"], c["administrator"], c["unreadable_spaces"], c["problems"])'
  5.0.0 True [] []

A dry run reads everything and writes nothing, and says what a pull keeps, field by field.

  $ dump-database > before.sql
  $ expeer platform pull --dry-run > dry.txt
  $ head -10 dry.txt
  kind           to create  to update  unchanged  skipped
  members        6          0          0          1
  spaces         4          0          0          0
  memberships    13         0          0          3
  news           5          0          0          0
  comments       5          0          0          0
  library files  6          0          0          0
  file versions  9          0          0          0
  activities     35         0          0          0
  skipped: 1 members: accounts without an email
  $ grep -A2 'field by field' dry.txt | cut -c1-40
  dry run: nothing was written. A pull sto
  table          fields                   
  members        email, name, language, pr
  $ dump-database | cmp - before.sql && echo unchanged
  unchanged

The pull. An account without an email is skipped and counted, and so are its memberships.

  $ expeer platform pull
  kind           created  updated  unchanged  skipped
  members        6        0        0          1
  spaces         4        0        0          0
  memberships    13       0        0          3
  news           5        0        0          0
  comments       5        0        0          0
  library files  6        0        0          0
  file versions  9        0        0          0
  activities     35       0        0          0
  skipped: 1 members: accounts without an email
  skipped: 3 memberships: members whose account is not brought in
  $ expeer members list --format csv | cut -d, -f2,3 | sort
  admin@asf.example,ASF Admin
  amel@example.org,Amel B.
  email,name
  nadia@example.org,Nadia T.
  ops@asf.example,Ops Admin
  salma@example.org,Salma R.
  youssef@example.org,Youssef K.
  $ expeer members show youssef@example.org --format json | python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["status"], m["profile"], m["external_id"], m["registered_on"])'
  disabled trusted tracim:user:3 2023-11-02
  $ expeer spaces list --format csv | cut -d, -f1-4
  slug,label,access,kind
  morocco-prisons,Morocco prisons,on-request,thematic
  open-resources,Open resources,open,thematic
  sfax-hearings,Sfax hearings,confidential,thematic
  tunisia-anti-discrimination,Tunisia anti-discrimination,confidential,thematic
  $ expeer spaces members list tunisia-anti-discrimination --format csv | cut -d, -f2,4
  email,role
  admin@asf.example,space-manager
  amel@example.org,contributor
  youssef@example.org,contributor
  nadia@example.org,content-manager

Nothing that counting does not need is kept from a space that is not public: the confidential
spaces' titles, texts and file names are nowhere in the database. The open space's are kept.

  $ secrets='Hearing report|postponed|Interview notes|Contacts.txt|Lawyers|Annual report 2024|a typo in the table'
  $ grep -c -E "$secrets" world.json
  8
  $ database-bytes | grep -c -a -E "$secrets"
  0
  [1]
  $ expeer news list --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  2,2025-01-15T10:20:00Z,tunisia-anti-discrimination,ASF Admin,(not kept: the space is not public),1,,
  5,2024-05-13T18:00:00Z,sfax-hearings,Nadia T.,(not kept: the space is not public),2,,
  1,2024-04-01T08:00:00Z,tunisia-anti-discrimination,Amel B.,(not kept: the space is not public),1,,
  4,2023-02-14T09:00:00Z,morocco-prisons,Salma R.,(not kept: the space is not public),1,,
  3,2023-01-10T09:00:00Z,tunisia-anti-discrimination,ASF Admin,(not kept: the space is not public),0,,
  $ expeer library list open-resources --format csv
  path,size,revision,revisions,updated_at,sha256
  Legal aid handbook.pdf,131072,2,2,2022-09-10T09:00:00Z,
  $ expeer activity list --space tunisia-anti-discrimination --format csv | cut -d, -f2,5 | sort | uniq -c | sed 's/^ *//'
  2 comment,
  7 file,
  1 kind,content
  6 membership,
  3 news,

A rerun brings nothing twice. New activity on the platform: a news item in the open space,
which the letter may show, so its title and text are kept; only what is new is asked for.

  $ expeer platform pull | grep -E '^(news|comments|activities) '
  news           0        0        0          0
  comments       0        0        2          0
  activities     0        0        0          0
  $ control POST world '{"contents": [
  >   {"content_id": 900, "workspace_id": 9, "content_namespace": "publication", "content_type": "thread", "parent_id": null,
  >    "label": "Guide: filing a complaint", "author_id": 5, "created": "2025-05-20T08:00:00Z", "is_archived": false,
  >    "is_deleted": false, "raw_content": ""},
  >   {"content_id": 901, "workspace_id": 9, "content_namespace": "publication", "content_type": "comment", "parent_id": 900,
  >    "label": "", "author_id": 5, "created": "2025-05-20T08:00:01Z", "is_archived": false, "is_deleted": false,
  >    "raw_content": "<p>Write it down &amp; keep a copy.</p><p>Then <b>call</b> us.</p>"}],
  >   "events": [{"event_type": "content.created.thread", "created": "2025-05-20T08:00:00Z", "author_id": 5, "workspace_id": 9, "content_id": 900},
  >              {"event_type": "content.created.comment", "created": "2025-05-20T08:00:01Z", "author_id": 5, "workspace_id": 9, "content_id": 901}]}' >/dev/null
  $ control DELETE requests
  [] (no-eol)
  $ expeer platform pull | grep -E '^(news|comments|activities) '
  news           1        0        0          0
  comments       0        0        2          0
  activities     1        0        0          0
  $ expeer news list --space open-resources --format json | python3 -c 'import json,sys; n=json.load(sys.stdin)[0]; print(n["title"]); print(n["body"])'
  Guide: filing a complaint
  Write it down & keep a copy.
  
  Then call us.
  $ control GET requests | python3 -c '
  > import json, sys
  > calls = json.load(sys.stdin)
  > feeds = [c for c in calls if c["path"].endswith("/messages")]
  > print(len(feeds), "feeds read,", sum(1 for c in feeds if "page_token" in c["params"]), "past their first page")'
  4 feeds read, 0 past their first page

When a space stops being public, the next pull removes the titles, texts and file names it
brought from there.

  $ control POST world '{"spaces": [{"workspace_id": 9, "label": "Open resources", "access_type": "confidential", "parent_id": null, "created": "2022-04-05T08:00:00Z", "is_deleted": false, "description": ""}]}' >/dev/null
  $ expeer platform pull | grep -E '^spaces '
  spaces         0        1        3          0
  $ expeer news list --space open-resources --format csv | cut -d, -f5,7
  title,body
  (not kept: the space is not public),
  $ expeer library list open-resources --format csv | cut -d, -f1
  path
  platform-file-60
  $ database-bytes | grep -c -a -E 'Guide: filing|keep a copy|Legal aid handbook'
  0
  [1]

A space deleted on the platform is archived here; its history stays.

  $ control POST world '{"spaces": [{"workspace_id": 7, "label": "Morocco prisons", "access_type": "on_request", "parent_id": null, "created": "2022-03-02T09:00:00Z", "is_deleted": true, "description": ""}]}' >/dev/null
  $ expeer platform pull | grep -E '^spaces '
  spaces         0        1        3          0
  $ expeer spaces show morocco-prisons --format json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["access"], s["archived_on"])'
  on-request 2025-06-01
  $ expeer activity list --space morocco-prisons --format csv | tail -n +2 | wc -l
  6

A person erased here at their request is not brought back by the next pull, though the
platform still has their account.

  $ expeer -q members erase salma@example.org --yes 2>/dev/null
  $ expeer platform pull | grep -E '^members '
  members        0        0        5          2
  $ expeer platform pull --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["skipped"])'
  {'members: accounts without an email': 1, "members: erased at the person's request: not brought back": 1, 'memberships: members whose account is not brought in': 4}
  $ expeer members list --format csv | grep -c salma
  0
  [1]

Bad options.

  $ expeer platform pull --since 01/12/2026
  expeer: error: --since '01/12/2026' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer platform pull --api-key x
  expeer: error: The following arguments were not expected: x --api-key
  run 'expeer platform pull --help' for usage
  [64]

  $ kill $(cat port.pid)

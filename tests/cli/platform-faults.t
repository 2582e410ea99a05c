What a pull does when the platform or the network fails: each fault made on demand by the
fake Tracim.

  $ cli="$TESTS_DATA/../cli"
  $ export EXPEER_NOW=2025-06-01T10:00:00Z
  $ /usr/bin/python3 "$cli/tracim_world.py" small --output world.json
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ control() { curl -s -X "$1" "http://127.0.0.1:$(cat port)/__control/$2" ${3:+-d "$3"}; }
  $ fault() { control DELETE faults >/dev/null; control POST faults "$1" >/dev/null; }
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=admin@asf.example EXPEER_PLATFORM_API_KEY=k3y
  $ export EXPEER_PLATFORM_RETRIES=2 EXPEER_PLATFORM_RETRY_DELAY_MS=10 EXPEER_PLATFORM_SPACES=tunisia-anti-discrimination,morocco-prisons
  $ fresh() { n=$((${n:-0} + 1)); . use-database x$n.db; expeer -q db init; }
  $ counts() { sql "select (select count(*) from members), (select count(*) from activities), (select count(*) from platform_cursors)"; }

A wrong key: the error names the login, never the key.

  $ fresh
  $ EXPEER_PLATFORM_API_KEY=not-the-k3y expeer platform pull 2> err.txt
  [77]
  $ cat err.txt
  expeer: error: GET /api/auth/whoami: the platform refused the login 'admin@asf.example' with this API key: check platform.login and the key
  $ grep -c 'not-the-k3y' err.txt
  0
  [1]
  $ EXPEER_PLATFORM_LOGIN=salma.r expeer platform pull
  expeer: error: the platform account 'salma.r' is not an administrator: a pull reads every account and space (give platform.login an administrator's account)
  [77]

A space the login may not read (403, code 4003) is skipped with its name, the others go on.

  $ EXPEER_PLATFORM_SPACES=open-resources,morocco-prisons expeer -q platform pull --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["warnings"], r["counts"]["activities"]["created"])'
  ["space 'open-resources': asf-admin cannot read its contents (not a member); skipped"] 6

A 500 once, a slow answer, a dropped connection: each tried again, and the pull completes.

  $ fresh
  $ fault '[{"method": "GET", "path": "^/api/users$", "times": 1, "status": 500},
  >         {"method": "GET", "path": "/api/workspaces/4/contents$", "times": 1, "drop": true},
  >         {"method": "GET", "path": "/api/users/1/messages$", "times": 1, "delay_seconds": 2}]'
  $ control DELETE requests >/dev/null
  $ EXPEER_PLATFORM_TIMEOUT_SECONDS=1 expeer -q platform pull > /dev/null
  $ counts
  6|24|2
  $ sleep 2; control GET requests | python3 -c '
  > import json, sys
  > for r in json.load(sys.stdin):
  >     if r["fault"] is not None or r["status"] >= 500: print(r["method"], r["path"], r["status"])'
  GET /api/users 500
  GET /api/workspaces/4/contents 0
  GET /api/users/1/messages 200

A platform that keeps failing: the pull stops after its tries, exit 75, and what it was reading
is not half-written: the accounts and the first space are there, the second space not at all.

  $ fresh
  $ fault '[{"method": "GET", "path": "/api/users/1/messages$", "query": "workspace_ids=7", "times": -1, "status": 503}]'
  $ expeer -q platform pull
  expeer: error: GET /api/users/1/messages: the platform failed 3 times (HTTP 503); try again later
  [75]
  $ counts
  6|18|1
  $ sql "select count(*) from news where space_id = (select id from spaces where slug = 'morocco-prisons')"
  0
  $ control DELETE faults >/dev/null
  $ expeer -q platform pull > /dev/null
  $ counts
  6|24|2

A feed the platform refuses midway (403 on its second page): the space's contents and the
activity read so far are kept, its feed is read again from where the last pull stopped, and
nothing is recorded twice.

  $ fresh
  $ fault '[{"method": "GET", "path": "/api/users/1/messages$", "query": "workspace_ids=7.*page_token", "times": 1, "status": 403, "code": 4003, "message": "Not allowed"}]'
  $ EXPEER_PLATFORM_PAGE_SIZE=2 expeer -q platform pull --format json > pull.json
  [3]
  $ python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["warnings"], r["counts"]["activities"])' < pull.json
  ["space 'morocco-prisons': its event feed could not be read (GET /api/users/1/messages: the platform refused it (HTTP 403, code 4003): Not allowed); the next pull reads it again"] {'created': 20, 'updated': 0, 'unchanged': 0, 'skipped': 0}
  $ counts
  6|20|2
  $ sql "select s.slug, CASE WHEN c.last_event_id IS NULL THEN 'from the start' ELSE 'goes on where it stopped' END from platform_cursors c join spaces s on s.id = c.space_id order by s.slug"
  morocco-prisons|from the start
  tunisia-anti-discrimination|goes on where it stopped
  $ sql "select count(*) from news where space_id = (select id from spaces where slug = 'morocco-prisons')"
  1
  $ control DELETE faults >/dev/null
  $ expeer -q platform pull --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["warnings"], r["counts"]["activities"])'
  [] {'created': 4, 'updated': 0, 'unchanged': 2, 'skipped': 0}
  $ counts
  6|24|2

An item deleted while it was read (400, code 1003) is skipped and counted: a file whose
versions were asked for, a version whose bytes were. A later pull with --with-files fetches
the bytes of versions earlier pulls recorded without them, even of files unchanged since.

  $ fresh
  $ fault '[{"method": "GET", "path": "/files/38/revisions$", "times": 1, "status": 400, "code": 1003, "message": "Content not found"}]'
  $ expeer -q platform pull | grep -E '^(library files|skipped: 1 library)'
  library files  4        0        0          1
  skipped: 1 library files: files deleted on the platform while they were read
  $ fault '[{"method": "GET", "path": "/revisions/152/raw", "times": 1, "status": 400, "code": 1003, "message": "Content not found"}]'
  $ expeer -q platform pull --with-files | grep -E '^(file versions|skipped: 1 file)'
  file versions  0        4        0          1
  skipped: 1 file versions: bytes deleted on the platform while they were read
  $ control DELETE faults >/dev/null
  $ expeer -q platform pull --dry-run --with-files | grep -E '^file versions  +[0-9]'
  file versions  0          0          1          0

Answers expeer cannot read stop the pull with the call and the field, exit 65; fields it does
not use are ignored.

  $ fresh
  $ fault '[{"method": "GET", "path": "^/api/users$", "times": 1, "bad_json": "truncate"}]'
  $ expeer -q platform pull
  expeer: error: GET /api/users: the answer is not valid JSON (A string is opened, but never closed.)
  [65]
  $ fault '[{"method": "GET", "path": "^/api/users$", "times": 1, "missing_field": "public_name"}]'
  $ expeer -q platform pull
  expeer: error: GET /api/users: item 1: field 'public_name' is missing
  [65]
  $ fault '[{"method": "GET", "path": "^/api/workspaces$", "times": 1, "unknown_enum": {"field": "access_type", "value": "secret\u001b[2J"}}]'
  $ expeer -q platform pull
  expeer: error: GET /api/workspaces: item 1: field 'access_type': unknown value 'secret\x1b[2J' (expected one of open, on_request, confidential)
  [65]
  $ counts
  0|0|0
  $ fault '[{"path": "^/api/", "times": -1, "extra_fields": true}]'
  $ expeer -q platform pull > /dev/null
  $ counts
  6|24|2

Pages of one item: every page token (they hold '>', ':', '~' and spaces) goes back as the
platform gave it, and the pull is the same.

  $ fresh
  $ control DELETE faults >/dev/null
  $ control DELETE requests >/dev/null
  $ EXPEER_PLATFORM_PAGE_SIZE=1 expeer -q platform pull > /dev/null
  $ counts
  6|24|2
  $ control GET requests | python3 -c '
  > import json, sys
  > tokens = [r["params"]["page_token"] for r in json.load(sys.stdin) if "page_token" in r["params"]]
  > print(len(tokens), all(c in "".join(tokens) for c in ">:~ "))'
  50 True
  $ kill $(cat port.pid)

Platforms before 4.0 answered comments as a bare list.

  $ rm port port.pid
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y --legacy-comments &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ fresh
  $ EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) expeer -q platform pull | grep -E '^comments '
  comments       3        0        0          0
  $ kill $(cat port.pid)

TLS is checked: a certificate nobody vouches for is refused, unless platform.ca_file trusts
it. Plain http goes only to this machine.

  $ openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>/dev/null
  $ rm port port.pid
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y --tls-cert cert.pem --tls-key key.pem &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ export EXPEER_PLATFORM_URL=https://localhost:$(cat port)
  $ expeer platform check 2>&1 | grep -o 'GET /api/system/about: SSL certificate problem'
  GET /api/system/about: SSL certificate problem
  $ EXPEER_PLATFORM_CA_FILE=$PWD/cert.pem expeer platform check --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'
  5.0.0
  $ kill $(cat port.pid)
  $ EXPEER_PLATFORM_URL=http://tracim.network.example expeer platform check
  expeer: error: platform.url 'http://tracim.network.example' (environment EXPEER_PLATFORM_URL): plain http:// would send the API key unencrypted: use https://, or set platform.insecure_http
  [78]
  $ EXPEER_PLATFORM_URL=https://admin:pw@tracim.network.example expeer platform check
  expeer: error: platform.url 'https://***:***@tracim.network.example/' (environment EXPEER_PLATFORM_URL): no user or password in the URL: the key authenticates
  [78]

The key is a secret: never shown, and a key file others can read is refused.

  $ expeer config show | grep -E '^platform.api_key,'
  platform.api_key,********
  $ unset EXPEER_PLATFORM_API_KEY
  $ echo k3y > key.txt && chmod 644 key.txt
  $ EXPEER_PLATFORM_API_KEY_FILE=$PWD/key.txt expeer platform check
  expeer: error: platform.api_key_file '*/key.txt' (environment EXPEER_PLATFORM_API_KEY_FILE): others can read it (mode 644): chmod 600 it (glob)
  [78]
  $ expeer platform check
  expeer: error: no platform API key: set EXPEER_PLATFORM_API_KEY, or platform.api_key_file
  [78]

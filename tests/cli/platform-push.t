Pushing to the collaboration platform: accounts for the members it does not have yet, and
memberships made to match, against the fake Tracim, which records what it was asked.

  $ cli="$TESTS_DATA/../cli"
  $ . use-database expeer.db && export EXPEER_NOW=2025-06-01T10:00:00Z EXPEER_STATS_TIME_ZONE=Africa/Tunis
  $ /usr/bin/python3 "$cli/tracim_world.py" small --output world.json
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ control() { curl -s -X "$1" "http://127.0.0.1:$(cat port)/__control/$2" ${3:+-d "$3"}; }
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=asf-admin EXPEER_PLATFORM_API_KEY=k3y
  $ expeer -q db init
  $ expeer -q platform pull > /dev/null
  [3]

New members registered in expeer (a form's import), one of whom has an account already.

  $ printf 'email,name,country,language,profile\nleila@example.org,Leila Haddad,TN,fr,member\nsam@example.org,Sam Okello,UG,en,trusted\nrim@example.org,Rim Jaziri,TN,ar,member\n' > new.csv
  $ expeer -q members import new.csv
  new.csv: 3 rows: 3 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ control POST world '{"users": [{"user_id": 30, "email": "Rim@Example.org", "public_name": "Rim J.", "username": null, "profile": "users", "lang": "ar", "timezone": "Africa/Tunis", "created": "2025-05-30T10:00:00Z", "is_active": true, "is_deleted": false}]}' >/dev/null
  $ expeer platform push --dry-run --format csv
  what,space,email,outcome,detail
  account,,leila@example.org,would create,
  account,,sam@example.org,would create,
  account,,rim@example.org,would link,
  expeer: 3 accounts, 0 membership changes, 0 failed; dry run: nothing was changed
  $ control GET pushed
  [] (no-eol)
  $ expeer platform push --format csv
  what,space,email,outcome,detail
  account,,leila@example.org,created,
  account,,sam@example.org,created,
  account,,rim@example.org,linked,
  expeer: 3 accounts, 0 membership changes, 0 failed

Each account as asked: no invitation unless platform.invite says so, never the platform's
default; language, profile and the network's time zone.

  $ control GET pushed | python3 -c '
  > import json, sys
  > for p in json.load(sys.stdin):
  >     b = p["body"]
  >     print(p["action"], b["email"], b["profile"], b["lang"], b["timezone"], b["email_notification"])'
  create_user leila@example.org users fr Africa/Tunis False
  create_user sam@example.org trusted-users en Africa/Tunis False
  $ expeer members list --format json | python3 -c 'import json,sys; [print(m["email"], m["external_id"]) for m in json.load(sys.stdin) if m["email"][0] in "lrs"]'
  leila@example.org tracim:user:31
  rim@example.org tracim:user:30
  salma@example.org tracim:user:5
  sam@example.org tracim:user:32
  $ expeer audit list --action member.update --format csv | grep -c 'platform push'
  3

A second run has nothing to do.

  $ expeer platform push --format csv
  what,space,email,outcome,detail
  expeer: 0 accounts, 0 membership changes, 0 failed

Invitations, when asked.

  $ printf 'email,name\nnora@example.org,Nora K.\n' > nora.csv
  $ expeer -q members import nora.csv
  nora.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ control DELETE pushed >/dev/null
  $ EXPEER_PLATFORM_INVITE=true expeer -q platform push --format csv
  what,space,email,outcome,detail
  account,,nora@example.org,created,
  $ control GET pushed | python3 -c 'import json,sys; [print(p["action"], p["body"]["email"], p["body"]["email_notification"]) for p in json.load(sys.stdin)]'
  create_user nora@example.org True

An account the platform says exists (code 2036) is linked, not created twice: what a run that
died after creating it, before recording it, leaves behind.

  $ printf 'email,name\nomar@example.org,Omar B.\n' > omar.csv
  $ expeer -q members import omar.csv
  omar.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ control POST world '{"users": [{"user_id": 40, "email": "omar@example.org", "public_name": "Omar B.", "username": null, "profile": "users", "lang": "en", "timezone": "", "created": "2025-05-31T10:00:00Z", "is_active": true, "is_deleted": false}]}' >/dev/null
  $ control POST faults '[{"method": "GET", "path": "^/api/users$", "times": 1, "status": 200, "body": "[]"}]' >/dev/null
  $ control DELETE requests >/dev/null
  $ expeer platform push --format csv
  what,space,email,outcome,detail
  account,,omar@example.org,linked,
  expeer: 1 account, 0 membership changes, 0 failed
  $ control GET requests | python3 -c 'import json,sys; [print(r["method"], r["path"], r["status"]) for r in json.load(sys.stdin)]'
  GET /api/auth/whoami 200
  GET /api/users 200
  POST /api/users 400
  GET /api/users 200
  $ expeer members show omar@example.org --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["external_id"])'
  tracim:user:40

Memberships: expeer's become the platform's in the spaces both have.

  $ expeer -q spaces members add morocco-prisons leila@example.org sam@example.org --role contributor
  $ expeer -q spaces members set-role tunisia-anti-discrimination reader amel@example.org
  $ expeer -q spaces members remove morocco-prisons amel@example.org
  $ control DELETE pushed >/dev/null
  $ expeer platform push --memberships --dry-run --format csv | sort
  expeer: 0 accounts, 4 membership changes, 0 failed; dry run: nothing was changed
  membership,morocco-prisons,amel@example.org,would be removed,
  membership,morocco-prisons,leila@example.org,would be added,
  membership,morocco-prisons,sam@example.org,would be added,
  membership,tunisia-anti-discrimination,amel@example.org,would be role changed,
  what,space,email,outcome,detail
  $ control POST faults '[{"method": "POST", "path": "/members$", "times": 1, "status": 400, "code": 3008, "message": "User is already member"}]' >/dev/null
  $ expeer platform push --memberships --format csv | sort
  expeer: 0 accounts, 4 membership changes, 0 failed
  membership,morocco-prisons,amel@example.org,removed,
  membership,morocco-prisons,leila@example.org,already,
  membership,morocco-prisons,sam@example.org,added,
  membership,tunisia-anti-discrimination,amel@example.org,role changed,
  what,space,email,outcome,detail
  $ control GET pushed | python3 -c 'import json,sys; [print(p["action"], p["path"], json.dumps(p["body"], sort_keys=True)) for p in json.load(sys.stdin)]'
  change_member /api/workspaces/4/members/2 {"role": "reader"}
  add_member /api/workspaces/7/members {"role": "contributor", "user_id": 32}
  remove_member /api/workspaces/7/members/2 null
  $ expeer platform push --memberships --format csv | sort
  expeer: 0 accounts, 1 membership change, 0 failed
  membership,morocco-prisons,leila@example.org,added,
  what,space,email,outcome,detail

A refusal is reported with the platform's reason, and the others go on.

  $ printf 'email,name\nbad@example.org,Bad Address\n' > bad.csv
  $ expeer -q members import bad.csv
  bad.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ control POST faults '[{"method": "POST", "path": "^/api/users$", "times": 1, "status": 400, "code": 2001, "message": "Validation error of input data"}]' >/dev/null
  $ expeer platform push --format csv
  what,space,email,outcome,detail
  account,,bad@example.org,failed,"POST /api/users: the platform refused it (HTTP 400, code 2001): Validation error of input data"
  expeer: 1 account, 0 membership changes, 1 failed
  [3]
  $ expeer platform push --members country=TN --dry-run --format csv
  what,space,email,outcome,detail
  expeer: 0 accounts, 0 membership changes, 0 failed; dry run: nothing was changed
  $ expeer platform push --members rank=1
  expeer: error: --members 'rank=1': expected an email, or country=, language= or organisation=
  [64]

  $ kill $(cat port.pid)

The annual report computed from a platform shaped like the demo network gives the demo's
figures. The network's registry is expeer's (exported, imported: countries, dates); everything
members did comes from the platform, whose world tests/cli/demo_to_tracim.py makes from the
demo (Tracim records no logins or views: a member is active when they wrote or shared).

  $ cli="$TESTS_DATA/../cli"
  $ export EXPEER_STATS_YEAR_STARTS=8 EXPEER_STATS_TIME_ZONE=Europe/Brussels EXPEER_STATS_ACTIVE_KINDS=news,comment,file
  $ export EXPEER_STATS_TEST_ACCOUNTS='*@test.expeer.example'
  $ EXPEER_DB=$PWD/demo.db expeer -q db init
  $ EXPEER_DB=$PWD/demo.db expeer -q demo seed
  $ /usr/bin/python3 "$cli/demo_to_tracim.py" --db demo.db --output world.json --admin-login admin
  demo_to_tracim: 908 users, 320 spaces, 834 memberships, 10709 contents, 10709 events
  $ (/usr/bin/python3 "$cli/fake_tracim.py" --port-file port --world world.json --api-key k3y &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ export EXPEER_PLATFORM_URL=http://127.0.0.1:$(cat port) EXPEER_PLATFORM_LOGIN=admin EXPEER_PLATFORM_API_KEY=k3y

The registry, then the pull.

  $ EXPEER_DB=$PWD/demo.db expeer -q members export registry.csv
  $ . use-database network.db
  $ expeer -q db init
  $ expeer -q members import registry.csv
  registry.csv: 907 rows: 907 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer platform pull --format json | python3 -c '
  > import json, sys
  > r = json.load(sys.stdin)
  > for kind, c in r["counts"].items(): print(kind, c["created"], c["updated"], c["unchanged"], c["skipped"])
  > print(r["skipped"], r["warnings"])'
  members 0 907 0 1
  spaces 320 0 0 0
  memberships 514 0 0 320
  news 2562 0 0 0
  comments 1022 0 0 78
  library files 4418 0 0 0
  file versions 4418 0 0 0
  activities 8080 0 0 0
  {'comments: comments on contents that are not news (library files, discussions)': 78, 'members: accounts without an email': 1, 'memberships: members whose account is not brought in': 320} []

The same report, internal and public, in both years.

  $ for year in 2023 2024; do for kind in --internal ""; do
  >   EXPEER_DB=$PWD/demo.db expeer stats report --year $year $kind --format json > demo.json
  >   expeer stats report --year $year $kind --format json > network.json
  >   cmp demo.json network.json && echo "$year ${kind:-public}: the same"
  > done; done
  2023 --internal: the same
  2023 public: the same
  2024 --internal: the same
  2024 public: the same
  $ expeer stats report --year 2024 --format csv | grep -E '^(registered_members|active_members|news|files),'
  registered_members,Registered members,831,524,307,
  active_members,Active members,*,*,*, (glob)
  news,News published,1324,1000,324,
  files,Files shared,1084,900,184,

  $ kill $(cat port.pid)

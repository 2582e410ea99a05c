Disclosure control against an attacker with a calculator: what the public outputs publish,
together and with what was published before, never pins a hidden count of people.

  $ . use-database expeer.db && export EXPEER_STATS_YEAR_STARTS=8 EXPEER_STATS_TIME_ZONE=Europe/Brussels
  $ export EXPEER_STATS_TEST_ACCOUNTS='*@test.expeer.example'
  $ expeer -q db init
  $ expeer -q demo seed

The attack on the demo network: registered members minus the countries shown leaves what
the hidden countries hold between them; when that equals their number, each holds exactly
one member. A country is listed only when it has members, so each holds at least one.

  $ expeer stats report --year 2024 --format json > public.json
  $ python3 - <<'PY'
  > import json
  > r = json.load(open("public.json"))
  > registered = next(f["value"] for f in r["figures"] if f["id"] == "registered_members")
  > rows = r["members_by_country"]["rows"]
  > shown = sum(c["members"] for c in rows if c["members"] is not None)
  > hidden = [c for c in rows if c["members"] is None]
  > print(registered, shown, len(hidden), registered - shown)
  > print("pinned: one member each" if registered - shown == len(hidden) else "not pinned")
  > print(sorted({c["hidden"] for c in hidden}), r["disclosure"])
  > PY
  831 803 24 28
  not pinned
  ['fewer_than_min_cell', 'withheld'] {'covered': 1, 'coarsened': 0, 'audit_passed': True}

The smallest shown country (Ghana, 5 members) is hidden too, and the report says so. The main
countries and the totals stay shown.

  $ expeer stats report --year 2024 | grep -E '^(Registered members|Active members|One more|Members in|Ghana)'
  One more count is hidden so that no hidden count can be worked out from the others.
  Registered members                              831              524    +307
  Active members                                  514              330    +184
  Members in 55 countries — Mainly DR Congo 173, Tunisia 123, Belgium 103, France 56, Uganda 47, Burundi 35, Morocco 20, Niger 19, Central African Republic 13
  Ghana                           hidden
  $ expeer stats report --year 2024 --lang fr | grep -E '^Un autre'
  Un autre effectif est masqué pour qu'aucun effectif masqué ne puisse être déduit des autres.

`stats audit` works out each hidden count as an outsider would, with GLPK where figures are
linked; every one of the 23 countries of "fewer than 5" could be any of 1 to 4.

  $ expeer stats audit --year 2024 --format csv > audit.csv
  expeer: 27 counts checked, none can be worked out
  $ grep -E '^country\.(LY|GH)@' audit.csv
  country.GH@2024-07-31,"members in GH, on 2024-07-31",this report,hidden,1,5,1 to 5,,
  country.LY@2024-07-31,"members in LY, on 2024-07-31",this report,fewer than,1,4,1 to 4,a small count,protected
  $ python3 -c 'import csv,collections; print(sorted(collections.Counter((r["needs"], r["verdict"]) for r in csv.DictReader(open("audit.csv"))).items()))'
  [(('', ''), 4), (('a small count', 'protected'), 23)]
  $ expeer stats audit --year 2024 --format json | python3 -c 'import json,sys; rows=json.load(sys.stdin); print(len(rows), sorted({r["verdict"] for r in rows}))'
  expeer: 27 counts checked, none can be worked out
  27 ['', 'protected']

A sensitive country's 47 members: nobody can rule out that it has none, nor that it has more.

  $ EXPEER_STATS_SENSITIVE_COUNTRIES=Ouganda expeer stats audit --year 2024 --format csv 2>/dev/null | grep '^country.UG'
  country.UG@2024-07-31,"members in UG, on 2024-07-31",this report,not listed,0,51,0 to 51,sensitive,protected

Across periods: the report is frozen when it is published; next year's report shows the
previous period as it was published, and is audited with it.

  $ expeer stats snapshot --year 2024
  expeer: froze the figures of 2023-08-01 to 2024-07-31
  $ export EXPEER_NOW=2025-09-15T08:30:00Z
  $ printf 'email,name,country,registered_on\nlate@example.org,Late Registration,SE,2024-01-15\n' > late.csv
  $ expeer -q members import late.csv
  late.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer stats report --year 2025 | grep -E '^(The previous|Registered members)'
  expeer: warning: not linked, the figures were corrected in between: registered on 2025-07-31 = registered on 2024-07-31 + new \xe2\x88\x92 left (esc)
  The previous period's figures are those frozen on September 15, 2024 for its report.
  Registered members                              832              831      +1
  $ expeer stats audit --year 2025 --format csv 2>/dev/null | grep -c 'report 2023-08-01/2024-07-31'
  24
  $ unset EXPEER_NOW

The late registration (January 2024, imported in 2025) makes 832 registered at the end of
July 2025 with no one new since 831 were published: the relation between the two years is
false for it, so nobody can rely on it, and the report says so.

A letter and a report of the same month: the letter of September said "fewer than 5" new
members in August; a report of August shows 10 registered members at the end of July and 13 at
the end of August, so those new members were at least 3. That report is refused.

  $ export EXPEER_DB=$PWD/small.db
  $ export EXPEER_LETTER_FROM=letter@network.example EXPEER_LETTER_LIST_ID=letter.network.example
  $ export EXPEER_LETTER_UNSUBSCRIBE_MAILTO=unsubscribe@network.example
  $ export EXPEER_LETTER_UNSUBSCRIBE_URL=https://network.example/letter/unsubscribe
  $ export EXPEER_LETTER_TOKEN_SECRET=a-secret-for-the-tests-only
  $ expeer -q db init
  $ { echo "email,name,country,registered_on"
  >   for i in $(seq 1 9); do echo "m$i@example.org,Member $i,TN,2024-07-0$i"; done
  >   echo "m10@example.org,Member 10,TN,2024-07-10"
  >   for i in 1 2 3; do echo "n$i@example.org,New $i,TN,2024-08-1$i"; done; } > members.csv
  $ expeer -q members import members.csv
  members.csv: 13 rows: 13 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q letter new 2024-09
  $ printf 'subject:\n  fr: "La Lettre"\n  en: "The Letter"\neditorial:\n  fr: "La rentrée."\n  en: "Back to work."\n' > letters/2024-09.yaml
  $ expeer -q letter approve 2024-09
  $ expeer -q letter build 2024-09 && grep 'New members' letters/2024-09/2024-09.en.txt
    - New members: fewer than 5
  $ expeer stats report --from 2024-08-01 --to 2024-08-31 --format html --lang fr,en --out august
  expeer: error: these figures cannot be published safely: new members, 2024-08-01 to 2024-08-31 (as letter 2024-09 published it) could be worked out from them and the outputs published before (see `expeer stats audit`); nothing was written
  [65]
  $ ls august
  ls: cannot access 'august': No such file or directory
  [2]
  $ expeer stats audit --from 2024-08-01 --to 2024-08-31 --format csv > pinned.csv
  expeer: error: 1 hidden count can be worked out from the published figures
  [65]
  $ grep PINNED pinned.csv
  new@2024-08-01/2024-08-31,"new members, 2024-08-01 to 2024-08-31",letter 2024-09,fewer than,3,4,3 to 4,a small count,PINNED

The other way round: the report of August frozen first, the letter that follows says "hidden"
rather than "fewer than 5", and keeps saying it once approved.

  $ rm -r small.db* letters
  $ expeer -q db init
  $ expeer -q members import members.csv
  members.csv: 13 rows: 13 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer stats snapshot --from 2024-08-01 --to 2024-08-31
  expeer: froze the figures of 2024-08-01 to 2024-08-31
  $ expeer stats report --from 2024-08-01 --to 2024-08-31 --snapshot | grep -E '^(New members |Registered|Accounts)'
  Registered members                               13               10      +3
  Accounts                                     hidden               10
  New members                                  hidden               10
  New members who became active                     0                0       0
  $ expeer -q letter new 2024-09
  $ printf 'subject:\n  fr: "La Lettre"\n  en: "The Letter"\neditorial:\n  fr: "La rentrée."\n  en: "Back to work."\n' > letters/2024-09.yaml
  $ expeer -q letter approve 2024-09
  $ printf 'email,name,country,registered_on\nn4@example.org,New 4,TN,2024-08-20\n' > later.csv
  $ expeer -q members import later.csv
  later.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q letter build 2024-09 && grep 'New members' letters/2024-09/2024-09.en.txt
    - New members: hidden
  $ expeer stats audit --from 2024-08-01 --to 2024-08-31 --snapshot --format csv 2>&1 | grep -E '^new@|counts checked'
  new@2024-08-01/2024-08-31,"new members, 2024-08-01 to 2024-08-31",report 2024-08-01/2024-08-31,hidden,3,13,3 to 13,a small count,protected
  expeer: 5 counts checked, none can be worked out

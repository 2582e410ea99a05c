The annual report, on the demo network shaped like the 2023-2024 report (August to July, in
Brussels time, test accounts left out).

  $ . use-database expeer.db && export EXPEER_STATS_YEAR_STARTS=8 EXPEER_STATS_TIME_ZONE=Europe/Brussels
  $ export EXPEER_STATS_TEST_ACCOUNTS='*@test.expeer.example'
  $ expeer -q db init
  $ expeer demo seed
  expeer: seeded 907 fictional members, 320 spaces, 2562 news, 1100 comments and 11998 activities
  $ expeer demo seed
  expeer: error: '*' is not empty: the demo network goes into a new database (expeer db init) (glob)
  [73]
  $ expeer stats report --year 2024 --format csv | grep -E '^(registered_members|accounts|new_members|active_members|new_active_members|files_total|news_and_comments_total|active_spaces|countries),'
  registered_members,Registered members,831,524,307,
  accounts,Accounts,907,587,320,
  new_members,New members,320,119,201,
  active_members,Active members,514,330,184,
  new_active_members,New members who became active,134,75,59,
  news_and_comments_total,"News and comments, since the beginning",3662,1738,1924,
  files_total,"Files shared, since the beginning",4418,3334,1084,
  active_spaces,Active spaces,306,318,-12,
  countries,Countries,55,,,
  $ expeer stats report --year 2024 --format csv | grep -E '^(news|files)_per_month' | cut -d, -f3 | paste -sd' '
  135 143 97 81 84 113 89 129 111 126 112 104 102 116 82 37 50 66 125 105 117 58 105 121
  $ expeer stats report --year 2024 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["period"], r["previous_period"]); print([c["code"] + " " + str(c["members"]) for c in r["members_by_country"]["rows"][:9]])'
  {'from': '2023-08-01', 'to': '2024-07-31', 'time_zone': 'Europe/Brussels'} {'from': '2022-08-01', 'to': '2023-07-31'}
  ['CD 173', 'TN 123', 'BE 103', 'FR 56', 'UG 47', 'BI 35', 'MA 20', 'NE 19', 'CF 13']

French: labels, month names, numbers and country names.

  $ expeer stats report --year 2024 --lang fr | grep -E '^(Membres inscrits|Actualités publiées  |Membres dans)|^(janv|août)'
  Membres inscrits                                       831                 524       +307
  Actualit\xc3\xa9s publi\xc3\xa9es                                  1\xe2\x80\xaf324               1\xe2\x80\xaf000       +324 (esc)
  ao\xc3\xbbt 2023     135 (esc)
  janv. 2024    113
  ao\xc3\xbbt 2023     102 (esc)
  janv. 2024     66
  Membres dans 55 pays \xe2\x80\x94 Principalement RD Congo 173, Tunisie 123, Belgique 103, France 56, Ouganda 47, Burundi 35, Maroc 20, Niger 19, R\xc3\xa9publique centrafricaine 13 (esc)

The same database gives the same bytes, in every format.

  $ expeer -q stats report --year 2024 --lang fr,en --format table,csv,json,markdown,html --out one
  $ expeer -q stats report --year 2024 --lang fr,en --format table,csv,json,markdown,html --out two
  $ ls one | wc -l; for f in one/*; do cmp "$f" "two/${f#one/}" || echo "differs: $f"; done
  10
  $ stat -c %a one/expeer-report-2023-08-01_2024-07-31.en.html
  600

Small counts of people are hidden in public outputs, and so are the cells that would reveal
them (Ghana's 5 here, the smallest shown country: see disclosure.t); --internal shows them,
marked.

  $ expeer stats report --year 2024 --format csv | grep -E '^members_by_country\.(SE|GH),'
  members_by_country.GH,Ghana,,,,hidden
  members_by_country.SE,Sweden,,,,fewer than 5
  $ expeer stats report --year 2024 --format csv --internal | grep -E '^members_by_country\.(SE|GH),'
  members_by_country.GH,Ghana,5,,,
  members_by_country.SE,Sweden,1,,,
  $ expeer stats report --year 2024 --internal | grep INTERNAL
  INTERNAL: exact figures, not for publication
  $ expeer stats report --year 2024 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["hidden_cells"]), r["hidden_cells"][:3], r["internal"])'
  24 ['members_by_country.CO', 'members_by_country.DE', 'members_by_country.DJ'] False

A sensitive country is never shown: not in the tables, not in the count of countries, and
"not shown" on the map. Uganda's 47 members are then hidden among the small countries and one
more (disclosure.t), so that the total does not give them away.

  $ export EXPEER_STATS_SENSITIVE_COUNTRIES=Ouganda
  $ expeer -q stats report --year 2024 --lang fr,en --format table,csv,json,markdown,html --out sensitive
  $ grep -l -E 'UG|Uganda|Ouganda' sensitive/*.txt sensitive/*.csv sensitive/*.json sensitive/*.md
  [1]
  $ grep -o -E '<title>(Uganda|Ouganda)[^<]*</title>' sensitive/*.html
  sensitive/expeer-report-2023-08-01_2024-07-31.en.html:<title>Uganda: not shown</title>
  sensitive/expeer-report-2023-08-01_2024-07-31.fr.html:<title>Ouganda : non affich\xc3\xa9</title> (esc)
  $ grep -E '^countries,' sensitive/*.en.csv
  countries,Countries,54,,,
  $ grep -c '"withheld"' sensitive/*.en.json
  1
  $ unset EXPEER_STATS_SENSITIVE_COUNTRIES

Months are counted in the report's time zone: a news item posted at 00:30 on 1 August in
Brussels is July's in UTC.

  $ expeer -q spaces create veille --label Veille
  $ expeer -q spaces members add veille member0001@example.org --role contributor
  $ expeer -q news post veille --title "Minuit" --body "x" --as member0001@example.org --at 2024-07-31T22:30:00Z
  $ expeer stats report --from 2024-07-01 --to 2024-08-31 --format csv | grep '^news_per_month'
  news_per_month.2024-07,News published per month \xe2\x80\x93 Jul 2024,104,,, (esc)
  news_per_month.2024-08,News published per month \xe2\x80\x93 Aug 2024,1,,, (esc)
  $ expeer stats report --from 2024-07-01 --to 2024-08-31 --tz UTC --format csv | grep '^news_per_month'
  news_per_month.2024-07,News published per month \xe2\x80\x93 Jul 2024,105,,, (esc)
  news_per_month.2024-08,News published per month \xe2\x80\x93 Aug 2024,0,,, (esc)

Every month has its value, zeros included.

  $ expeer stats report --from 2030-01-01 --to 2030-03-31 --format csv | grep '^files_per_month'
  files_per_month.2030-01,Files shared per month \xe2\x80\x93 Jan 2030,0,,, (esc)
  files_per_month.2030-02,Files shared per month \xe2\x80\x93 Feb 2030,0,,, (esc)
  files_per_month.2030-03,Files shared per month \xe2\x80\x93 Mar 2030,0,,, (esc)

A snapshot freezes the published figures; a later correction does not change them.

  $ expeer stats snapshot --year 2024
  expeer: froze the figures of 2023-08-01 to 2024-07-31
  $ printf 'email,name,country,registered_on\nlate@example.org,Late Registration,BE,2024-01-15\n' > late.csv
  $ expeer -q members import late.csv
  late.csv: 1 rows: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer stats report --year 2024 --format csv | grep '^registered_members,'
  registered_members,Registered members,832,524,308,
  $ expeer stats report --year 2024 --snapshot --format csv | grep '^registered_members,'
  registered_members,Registered members,831,524,307,
  $ expeer stats report --year 2024 --snapshot | grep frozen
  Figures as frozen on September 15, 2024.
  $ expeer stats snapshot --year 2024
  expeer: error: 2023-08-01 to 2024-07-31 has a snapshot already: give --replace to take another
  [73]
  $ expeer stats snapshot --year 2024 --replace
  expeer: froze the figures of 2023-08-01 to 2024-07-31
  $ expeer stats report --year 2024 --snapshot --format csv | grep '^registered_members,'
  registered_members,Registered members,832,524,308,
  $ expeer audit list --action stats. --format csv | cut -d, -f3-6
  actor,action,object_type,object_id
  tester,stats.snapshot,report,2023-08-01/2024-07-31
  tester,stats.snapshot.replace,report,2023-08-01/2024-07-31

Bad input is refused with what is wrong.

  $ expeer stats report --from 2024-02-30 --to 2024-03-01
  expeer: error: --from '2024-02-30' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer stats report --year 2024 --tz Mars/Olympus_Mons
  expeer: error: unknown time zone 'Mars/Olympus_Mons': give a name such as Europe/Brussels or UTC
  [64]
  $ expeer stats report
  expeer: error: give the period: --year YEAR, or --from DATE --to DATE
  [64]
  $ expeer stats report --year 2024 --format csv,json
  expeer: error: several formats, or several languages in csv, json or html, need --out DIR
  [64]
  $ expeer stats report --year 2023 --snapshot
  expeer: error: no snapshot of 2022-08-01 to 2023-07-31: take one with `expeer stats snapshot`
  [67]
  $ EXPEER_STATS_ACTIVE_KINDS=news,dancing expeer stats report --year 2024
  expeer: error: stats.active_kinds 'news,dancing' (environment EXPEER_STATS_ACTIVE_KINDS): 'dancing' is not an activity kind (news, comment, file, membership, login, view)
  [78]
  $ EXPEER_STATS_MAP_CLASSES=1,35,19 expeer stats report --year 2024
  expeer: error: stats.map_classes '1,35,19' (environment EXPEER_STATS_MAP_CLASSES): lower bounds of the classes above 0, increasing, from 1
  [78]
  $ EXPEER_STATS_SENSITIVE_COUNTRIES=Atlantis expeer stats report --year 2024
  expeer: error: stats.sensitive_countries 'Atlantis' (environment EXPEER_STATS_SENSITIVE_COUNTRIES): unknown country 'Atlantis'
  [78]

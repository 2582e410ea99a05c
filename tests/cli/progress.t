Long imports draw a progress bar on a terminal, and nothing of it under --quiet or in a pipe
(cron). `script` gives the command a terminal.

  $ . use-database expeer.db
  $ expeer -q db init
  $ /usr/bin/python3 -c '
  > with open("m.csv", "w") as f:
  >     f.write("email,name\n")
  >     for i in range(30000):
  >         f.write(f"m{i}@example.org,Membre {i}\n")
  > '
  $ script -qec "expeer members import m.csv" /dev/null < /dev/null > terminal.txt
  $ tr '\r' '\n' < terminal.txt | grep -c 'importing \[' | awk '$1 > 5 { print "bar drawn" }'
  bar drawn
  $ tr '\r' '\n' < terminal.txt | grep -a 'importing \[' | tail -n 1 | cut -c1-50
  importing [##############################] 100%  0
  $ tr '\r' '\n' < terminal.txt | grep -a rows
  \x1b[Km.csv: 30000 rows: 30000 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected (esc)

Under --quiet, one summary line and nothing else, even on a terminal:

  $ . use-database fresh.db; expeer -q db init
  $ script -qec "expeer -q members import m.csv" /dev/null < /dev/null | tr -d '\r'
  m.csv: 30000 rows: 30000 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected

In a pipe, as under cron, no bar either:

  $ expeer members import m.csv 2>&1 | cat
  m.csv: 30000 rows: 0 created, 0 updated, 30000 unchanged, 0 skipped, 0 rejected; nothing to change

The activity import too:

  $ expeer -q spaces create sahel --label Sahel
  $ /usr/bin/python3 -c '
  > with open("history.jsonl", "w") as f:
  >     for i in range(40000):
  >         f.write(f"{{\"id\": \"ev-{i}\", \"time\": \"2024-03-01T10:00:00Z\", \"member\": \"m{i % 100}@example.org\", \"kind\": \"view\", \"space\": \"sahel\"}}\n")
  > '
  $ script -qec "expeer activity import history.jsonl" /dev/null < /dev/null | tr '\r' '\n' | grep -ac 'importing \[' | awk '$1 > 5 { print "bar drawn" }'
  bar drawn
  $ expeer -q activity import history.jsonl
  history.jsonl: 40000 lines: 0 added, 40000 already there, 0 rejected; nothing to change

An import killed half-way (kill -9: no chance to clean up) leaves the database as it was.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ /usr/bin/python3 -c '
  > with open("big.csv", "w") as f:
  >     f.write("email,name,country,organisation\n")
  >     for i in range(200000):
  >         f.write(f"member{i}@example.org,Membre {i},Tunisie,Organisation {i % 50}\n")
  > '
  $ before=$(sql "SELECT count(*) || ' members, ' || (SELECT count(*) FROM audit_log) || ' audit entries' FROM members")
  $ echo "$before"
  1 members, 2 audit entries

Start the import, wait until it has written a good part of its transaction (3 MB more on
disk), and kill it.

  $ start=$(database-size)
  $ expeer -q members import big.csv > /dev/null 2>&1 &
  $ importer=$!
  $ for i in $(seq 1 3000); do [ $(( $(database-size) - start )) -gt 3000000 ] && break; sleep 0.01; done
  $ kill -9 $importer; wait $importer 2>/dev/null; echo "killed: $?"
  killed: 137

  $ sql "SELECT count(*) || ' members, ' || (SELECT count(*) FROM audit_log) || ' audit entries' FROM members"
  1 members, 2 audit entries
  $ expeer db check
  expeer: the database and its contents agree
  $ sql "SELECT count(*) FROM import_lines"
  0
  $ expeer members list --format csv | cut -d, -f2
  email
  amina@example.org

The same import then runs to the end.

  $ expeer -q members import big.csv
  big.csv: 200000 rows: 200000 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected

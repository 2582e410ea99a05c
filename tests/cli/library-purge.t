`library purge` erases a file for good: every revision, and every content no other file
uses, from the database (secure_delete, WAL emptied) and from the content store. `rm` only
hides a file.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create open-space --label Open
  $ expeer -q spaces members add open-space amina@example.org --role contributor
  $ expeer -q spaces create kivu --label Kivu --access confidential
  $ expeer -q spaces members add kivu amina@example.org --role contributor
  $ stored() { find expeer.db.files -type f -not -path '*/tmp/*' | wc -l; }
  $ printf 'TEMOIN-SECRET version 1\n' > temoin.txt
  $ expeer -q library add kivu temoin.txt --folder auditions --as amina@example.org
  $ printf 'TEMOIN-SECRET version 2\n' > temoin.txt
  $ expeer -q library add kivu temoin.txt --folder auditions --as amina@example.org
  $ printf 'shared report\n' > report.txt
  $ expeer -q library add kivu report.txt --as amina@example.org
  $ expeer -q library add open-space report.txt --as amina@example.org

Re-adding the same content makes no new revision, and says so.

  $ expeer library add kivu temoin.txt --folder auditions --as amina@example.org
  expeer: auditions/temoin.txt unchanged: revision 2 has the same content, no new revision
  $ expeer library history kivu auditions/temoin.txt --format csv | cut -d, -f1
  revision
  1
  2

rm hides the file: its revisions and contents stay, and count in the quota.

  $ expeer -q library rm --as amina@example.org kivu auditions/temoin.txt
  $ stored
  3
  $ expeer spaces show kivu --format json | grep library_bytes
    "library_bytes": 62

Without --yes, purge says what it would erase and erases nothing.

  $ expeer library purge --as amina@example.org kivu auditions/temoin.txt
  expeer: would erase 'auditions/temoin.txt': 1 file, 2 revisions, 2 contents (0.0 MB) no other file uses
  expeer: nothing was erased: run again with --yes to erase
  $ stored
  3
  $ expeer library purge --as amina@example.org kivu auditions/temoin.txt --yes
  expeer: erased 'auditions/temoin.txt': 1 file, 2 revisions, 2 contents (0.0 MB) no other file uses
  $ stored
  1
  $ LC_ALL=C grep -rl TEMOIN-SECRET expeer.db.files | wc -l
  0

Nothing of it is left in the database's files: not the name, not a row.

  $ database-bytes | LC_ALL=C grep -c -a 'temoin'
  0
  [1]
  $ sql "select count(*) from library_files; select count(*) from library_revisions; select count(*) from blobs"
  2
  2
  1
  $ expeer spaces show kivu --format json | grep library_bytes
    "library_bytes": 14

The activity of adding it keeps its count (statistics need it), not its name; the audit log
of a confidential space keeps ids and counts, never the name.

  $ expeer activity list --space kivu --kind file --format csv
  at,kind,member_id,space,content
  2024-09-15T08:30:00Z,file,1,kivu,
  2024-09-15T08:30:00Z,file,1,kivu,
  2024-09-15T08:30:00Z,file,1,kivu,report.txt
  $ expeer audit list --action library.purge --format csv
  id,at,actor,action,object_type,object_id,details
  12,2024-09-15T08:30:00Z,tester,library.purge,space,2,"{""as"":1,""contents"":2,""files"":[1],""revisions"":2}"

A content another file uses stays; in a public space the audit names the path.

  $ expeer library purge --as amina@example.org open-space report.txt --yes
  expeer: erased 'report.txt': 1 file, 1 revision, 0 contents (0.0 MB) no other file uses
  $ expeer library get kivu report.txt
  shared report
  $ expeer audit list --action library.purge --format csv | tail -1
  13,2024-09-15T08:30:00Z,tester,library.purge,space,1,"{""as"":1,""contents"":0,""files"":[3],""path"":""report.txt"",""revisions"":1}"
  $ expeer library purge --as amina@example.org open-space report.txt --yes
  expeer: error: no file 'report.txt' in space 'open-space', nor a removed one
  [67]

The rows are overwritten, not only unlinked (SQLite: secure_delete is in force whatever its
build says; PostgreSQL: the tables are written anew). The name is in the
database's files before, and nowhere in them after.

  $ printf 'canary\n' > canary-PURGE-7f3a.txt
  $ expeer -q library add kivu canary-PURGE-7f3a.txt --as amina@example.org
  $ database-bytes | LC_ALL=C grep -q -a 'canary-PURGE-7f3a' && echo "in the database"
  in the database
  $ expeer -q library purge --as amina@example.org kivu canary-PURGE-7f3a.txt --yes
  $ database-bytes | LC_ALL=C grep -c -a 'canary-PURGE-7f3a'
  0
  [1]

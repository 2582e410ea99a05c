The file library of a space.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q members add jb@example.org --name JB
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces create euromed --label Euromed
  $ expeer -q spaces members add sahel amina@example.org jb@example.org --role contributor
  $ expeer -q spaces members add euromed amina@example.org jb@example.org --role contributor
  $ printf 'rapport version 1\n' > rapport.pdf
  $ printf 'notes\n' > "notes de réunion.md"

  $ expeer library add sahel rapport.pdf "notes de réunion.md" --folder études/2024 --as amina@example.org
  expeer: études/2024/rapport.pdf revision 1
  expeer: études/2024/notes de réunion.md revision 1
  $ printf 'rapport version 2, longer\n' > rapport.pdf
  $ EXPEER_NOW=2024-10-01T00:00:00Z expeer library add sahel rapport.pdf --folder études/2024 --as jb@example.org
  expeer: études/2024/rapport.pdf revision 2

The same content shared in another space is stored once.

  $ expeer library add euromed rapport.pdf --as jb@example.org
  expeer: rapport.pdf revision 1 (content already stored)
  $ find expeer.db.files -type f | grep -v /tmp/ | wc -l
  3
  $ stat -c '%a' expeer.db.files $(find expeer.db.files -type f | head -1)
  700
  600

Listing, the tree, the history, any revision.

  $ expeer library list sahel --format table
  path                             size  revision  updated_at
  études/2024/notes de réunion.md  6     1         2024-09-15T08:30:00Z
  études/2024/rapport.pdf          26    2         2024-10-01T00:00:00Z
  $ expeer library list sahel --tree
  └── études/
      └── 2024/
          ├── notes de réunion.md (6 B, r1)
          └── rapport.pdf (26 B, r2)
  $ expeer library history sahel études/2024/rapport.pdf --format csv | cut -d, -f1-4
  revision,added_at,added_by,size
  1,2024-09-15T08:30:00Z,1,18
  2,2024-10-01T00:00:00Z,2,26
  $ expeer library get sahel études/2024/rapport.pdf
  rapport version 2, longer
  $ expeer library get sahel études/2024/rapport.pdf --revision 1 -o old.pdf && cat old.pdf && stat -c %a old.pdf
  rapport version 1
  600
  $ expeer library get sahel études/2024/rapport.pdf --revision 7
  expeer: error: 'études/2024/rapport.pdf' has no revision 7 (it has 2)
  [67]

A space's library size counts every revision:

  $ expeer spaces show sahel --format json | grep library_bytes
    "library_bytes": 50

Moving and removing; the revisions follow and stay.

  $ expeer library mv sahel études/2024/rapport.pdf rapports/final.pdf --as-admin
  $ expeer library mv sahel "études/2024/notes de réunion.md" rapports/final.pdf --as-admin
  expeer: error: to 'rapports/final.pdf': is already a file in space 'sahel'
  expeer: nothing was written
  [65]
  $ expeer library rm sahel "études/2024/notes de réunion.md" --as-admin
  $ expeer library list sahel --format csv | cut -d, -f1-4
  path,size,revision,revisions
  rapports/final.pdf,26,2,2
  $ expeer library get sahel "études/2024/notes de réunion.md"
  expeer: error: no file '\xc3\xa9tudes/2024/notes de r\xc3\xa9union.md' in space 'sahel' (esc)
  [67]

Every file added is an activity of the member who shared it. The activity names the file as
the library lists it now: moved, by its new path; removed, by nothing, so that no public
output (the letter, `activity list --public`) shows a file the library no longer has.

  $ expeer activity list --kind file --format csv
  at,kind,member_id,space,content
  2024-09-15T08:30:00Z,file,1,sahel,rapports/final.pdf
  2024-09-15T08:30:00Z,file,1,sahel,
  2024-09-15T08:30:00Z,file,2,euromed,rapport.pdf
  2024-10-01T00:00:00Z,file,2,sahel,rapports/final.pdf
  $ expeer activity list --public --kind file --format csv | grep -c "notes de réunion"
  0
  [1]

Refused, with nothing stored: a path outside the library, a directory, a missing file, an
unknown member, an archived space, a quota exceeded.

  $ printf 'secret draft\n' > draft.txt
  $ expeer library add sahel draft.txt --folder ../../etc --as amina@example.org
  expeer: error: path '../../etc/draft.txt': has a '.' or '..' folder
  expeer: nothing was written
  [65]
  $ expeer library add sahel draft.txt /etc missing.txt --as nobody@example.org
  expeer: error: as 'nobody@example.org': no such member
  expeer: error: file '/etc': is not a readable regular file
  expeer: error: file 'missing.txt': is not a readable regular file
  expeer: nothing was written
  [65]
  $ expeer -q spaces archive euromed
  $ expeer library add euromed draft.txt --as amina@example.org
  expeer: error: space 'euromed': is archived: its content can be read, not changed
  expeer: nothing was written
  [65]
  $ head -c 1500000 /dev/zero > big.bin
  $ EXPEER_LIBRARY_QUOTA_MB=1 expeer library add sahel big.bin draft.txt --as amina@example.org
  expeer: error: space 'sahel' would hold 1.5 MB, over its quota of 1.0 MB: nothing was added
  [65]
  $ printf 'library:\n  quota_mb: 1\n  space_quota_mb:\n    sahel: 2\n' > quotas.yaml
  $ expeer --config quotas.yaml library add sahel big.bin --as amina@example.org
  expeer: big.bin revision 1
  $ expeer --config quotas.yaml library add sahel big.bin --folder copy --as amina@example.org
  expeer: error: space 'sahel' would hold 3.0 MB, over its quota of 2.0 MB: nothing was added
  [65]
  $ expeer -q library rm sahel big.bin --as-admin
  $ LC_ALL=C grep -rl "secret draft" expeer.db.files | wc -l
  0
  $ expeer library list sahel --format csv | wc -l
  2

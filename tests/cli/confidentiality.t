Nothing from a confidential space reaches a public output: not its title, not its news,
not its files' names, not the spaces beneath it. --public shows exactly what the
newsletter, the public report and the web archives may show.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina --external-id u-17
  $ expeer -q spaces create grands-lacs --label "Grands Lacs"
  $ expeer -q spaces create kivu-litigation --label "SECRET-SPACE Kivu litigation" --access confidential --parent grands-lacs
  $ expeer -q spaces create kivu-witnesses --label "SECRET-CHILD witnesses" --parent kivu-litigation
  $ expeer -q spaces create asylum-requests --label "SECRET-REQUEST asylum" --access on-request
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members join amina@example.org kivu-litigation kivu-witnesses asylum-requests grands-lacs sahel --role contributor
  $ for space in kivu-litigation kivu-witnesses asylum-requests; do
  >   expeer -q news post $space --title "SECRET-NEWS in $space" --body "SECRET-BODY of $space" --as amina@example.org
  > done
  $ for space in grands-lacs sahel; do
  >   expeer -q news post $space --title "news in $space" --body "body of $space" --as amina@example.org
  > done
  $ cat > files.jsonl <<'JSON'
  > {"id": "f1", "time": "2024-03-01T10:00:00Z", "member": "u-17", "kind": "file", "space": "kivu-litigation", "content": "SECRET-FILE witness-list.pdf"}
  > {"id": "f2", "time": "2024-03-01T10:00:00Z", "member": "u-17", "kind": "file", "space": "kivu-witnesses", "content": "SECRET-FILE statements.docx"}
  > {"id": "f3", "time": "2024-03-01T10:00:00Z", "member": "u-17", "kind": "file", "space": "sahel", "content": "public-report.pdf"}
  > {"id": "l1", "time": "2024-03-01T11:00:00Z", "member": "u-17", "kind": "login"}
  > JSON
  $ expeer -q activity import files.jsonl
  files.jsonl: 4 lines: 4 added, 0 already there, 0 rejected; written

The internal listings have everything:

  $ expeer spaces list --format csv | grep -c SECRET
  3
  $ expeer activity list --format csv | grep -c SECRET
  5
  $ expeer news list --format csv | grep -c SECRET-NEWS
  3

The public ones have nothing secret, in any format:

  $ for format in table csv json; do
  >   expeer spaces list --public --format $format
  >   expeer news list --public --format $format
  >   expeer activity list --public --format $format
  > done > public.txt
  $ grep -c SECRET public.txt
  0
  [1]
  $ expeer spaces list --public --format csv | cut -d, -f1,6
  slug,public
  grands-lacs,yes
  sahel,yes
  $ expeer news list --public --format csv | cut -d, -f3 | sort
  grands-lacs
  sahel
  space
  $ expeer activity list --public --kind file --format csv | tail -n +2
  2024-03-01T10:00:00Z,file,1,sahel,public-report.pdf

A space that becomes confidential takes its content out of public outputs at once.

  $ expeer -q spaces update sahel --access confidential
  $ expeer activity list --public --kind file --format csv | tail -n +2
  $ expeer news list --public --format csv | cut -d, -f3 | tail -n +2
  grands-lacs

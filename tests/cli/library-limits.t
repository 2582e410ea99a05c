Archive bombs: an archive small to send and costly to take in is refused before anything is
stored, naming the archive and the limit.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ make_archive() { /usr/bin/python3 "$TESTS_DATA/../cli/archives.py" "$@"; }
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ state() { echo "$(sql 'select count(*) from library_files') library files, $(sql 'select count(*) from audit_log') audit rows, $(find expeer.db.files -type f 2>/dev/null | wc -l) files stored"; }
  $ before=$(state)

200,000 empty files in a tar.gz of 2 MB (each would cost rows, an audit entry and an activity):
refused after 10,000 entries, the default of library.max_archive_entries.

  $ make_archive empties many.tar.gz 200000
  $ ls -l many.tar.gz | awk '{ print ($5 < 2500000) ? "under 2.5 MB" : "bigger" }'
  under 2.5 MB
  $ expeer library import sahel many.tar.gz --as amina@example.org
  expeer: error: 'many.tar.gz' refused: it holds more than 10000 entries, the limit (library.max_archive_entries); nothing was added
  [65]
  $ [ "$(state)" = "$before" ] && echo "nothing written"
  nothing written
  $ expeer activity list --kind file --format csv | tail -n +2 | wc -l
  0

The limit is a configuration key.

  $ make_archive files twelve.tar 12
  $ EXPEER_LIBRARY_MAX_ARCHIVE_ENTRIES=10 expeer library import sahel twelve.tar --as amina@example.org
  expeer: error: 'twelve.tar' refused: it holds more than 10 entries, the limit (library.max_archive_entries); nothing was added
  [65]

Files per space (library.max_files, or library.space_max_files.SLUG): counted with the
quota, removed files included until purged, for archives and single files alike.

  $ printf 'library:\n  max_files: 20\n  space_max_files:\n    sahel: 15\n' > limits.yaml
  $ expeer --config limits.yaml library import sahel twelve.tar --as amina@example.org
  expeer: 12 files added from 'twelve.tar' (12 new contents, 0 already stored)
  $ expeer --config limits.yaml library import sahel twelve.tar --folder again --as amina@example.org
  expeer: error: space 'sahel' would hold 24 files, over its limit of 15 (library.max_files; removed files count until `expeer library purge`): nothing was added
  [65]
  $ printf 'one\n' > a.txt; printf 'two\n' > b.txt; printf 'three\n' > c.txt; printf 'four\n' > d.txt
  $ expeer --config limits.yaml library add sahel a.txt b.txt c.txt --as amina@example.org 2>&1 | tail -1
  expeer: c.txt revision 1
  $ expeer --config limits.yaml library add sahel d.txt --as amina@example.org
  expeer: error: space 'sahel' would hold 16 files, over its limit of 15 (library.max_files; removed files count until `expeer library purge`): nothing was added
  [65]
  $ expeer -q library rm --as amina@example.org sahel a.txt
  $ expeer --config limits.yaml library add sahel d.txt --as amina@example.org 2>&1 | cut -c1-60
  expeer: error: space 'sahel' would hold 16 files, over its l
  $ expeer -q library purge --as amina@example.org sahel a.txt --yes
  $ expeer --config limits.yaml library add sahel d.txt --as amina@example.org
  expeer: d.txt revision 1
  $ expeer library list sahel --format csv | tail -n +2 | wc -l
  15

Other bombs are refused as before (library-archives.t shows each): an entry or an archive
that unpacks to more than its limit, or to 100 times the archive's size, links, devices,
absolute paths and "..".

Names in a library are names every system can unpack: an export made here opens on Windows
and macOS with every file there, under its own name.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ make_archive() { /usr/bin/python3 "$TESTS_DATA/../cli/archives.py" "$@"; }
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ stored() { find expeer.db.files -type f -not -path '*/tmp/*' 2>/dev/null | wc -l; }

Names Windows refuses or keeps for devices, a drive, a bidirectional override (which shows
"cod.exe" as "exe.doc"): each entry named, escaped, and nothing stored.

  $ make_archive names windows.tar CON aux.txt "dossier/NUL.tar.gz" "com1" "lpt9.doc" "notes." "notes " \
  >   "qui?.txt" "a:b.txt" 'guillemets"".txt' "C:/Windows/evil.dll" $'facture\u202ecod.exe' "ok.txt"
  $ expeer library import sahel windows.tar --as amina@example.org
  expeer: error: entry 'CON': has the name 'CON', which Windows keeps for a device
  expeer: error: entry 'aux.txt': has the name 'aux.txt', which Windows keeps for a device
  expeer: error: entry 'dossier/NUL.tar.gz': has the name 'NUL.tar.gz', which Windows keeps for a device
  expeer: error: entry 'com1': has the name 'com1', which Windows keeps for a device
  expeer: error: entry 'lpt9.doc': has the name 'lpt9.doc', which Windows keeps for a device
  expeer: error: entry 'notes.': has a name ending in a dot or a space, which Windows drops
  expeer: error: entry 'notes ': has a name ending in a dot or a space, which Windows drops
  expeer: error: entry 'qui?.txt': contains '?', which Windows refuses in names
  expeer: error: entry 'a:b.txt': contains ':', which Windows refuses in names
  expeer: error: entry 'guillemets"".txt': contains '"', which Windows refuses in names
  expeer: error: entry 'C:/Windows/evil.dll': starts with a Windows drive (C:)
  expeer: error: entry 'facture\u202ecod.exe': contains a bidirectional control character
  expeer: nothing was written
  [65]
  $ stored
  0

Names that are one file on Windows or macOS: case, Unicode normalisation (NFC from Windows
or Linux, NFD from a Mac), a file where another entry needs a folder.

  $ make_archive names case.tar "Rapport.pdf" "rapport.pdf" "Études/a.txt" "études/b.txt" "x" "X/y.txt"
  $ expeer library import sahel case.tar --as amina@example.org
  expeer: error: entry 'rapport.pdf': is the same file as 'Rapport.pdf' on Windows and macOS
  expeer: error: entry '\xc3\xa9tudes/b.txt': is in folder '\xc3\xa9tudes', the same folder as '\xc3\x89tudes' on Windows and macOS (esc)
  expeer: error: entry 'X/y.txt': needs a folder where 'x' is a file
  expeer: nothing was written
  [65]
  $ make_archive names nfd.tar $'caf\u00e9.txt' $'cafe\u0301.txt'
  $ expeer library import sahel nfd.tar --as amina@example.org
  expeer: error: entry 'cafe\xcc\x81.txt': appears twice in the archive (esc)
  expeer: nothing was written
  [65]

A name from a Mac alone is kept in NFC, the form Windows and Linux type:

  $ make_archive names mac.tar $'re\u0301sume\u0301.txt'
  $ expeer -q library import sahel mac.tar --as amina@example.org
  $ expeer library list sahel --format csv | tail -1 | cut -d, -f1 | /usr/bin/python3 -c 'import sys, unicodedata; n = sys.stdin.read().strip(); print(n, "NFC" if unicodedata.is_normalized("NFC", n) else "not NFC")'
  résumé.txt NFC
  $ expeer library get sahel $'r\u00e9sum\u00e9.txt'
  content 0

The library's own names count: an archive or a file may not bring "Résumé.txt" beside
"résumé.txt", nor may a move.

  $ make_archive names upper.tar $'R\u00e9sum\u00e9.txt'
  $ expeer library import sahel upper.tar --as amina@example.org
  expeer: error: path 'R\xc3\xa9sum\xc3\xa9.txt': is the same file as 'r\xc3\xa9sum\xc3\xa9.txt' on Windows and macOS (esc)
  expeer: nothing was written
  [65]
  $ printf 'autre\n' > other.txt
  $ expeer -q library add sahel other.txt --as amina@example.org
  $ expeer library mv --as amina@example.org sahel other.txt $'R\u00c9SUM\u00c9.TXT'
  expeer: error: to 'R\xc3\x89SUM\xc3\x89.TXT': is the same file as 'r\xc3\xa9sum\xc3\xa9.txt' on Windows and macOS (esc)
  expeer: nothing was written
  [65]
  $ expeer library mv --as amina@example.org sahel other.txt 'aux.txt'
  expeer: error: to 'aux.txt': has the name 'aux.txt', which Windows keeps for a device
  expeer: nothing was written
  [65]
  $ expeer library mv --as amina@example.org sahel $'r\u00e9sum\u00e9.txt' $'R\u00e9sum\u00e9.txt' && expeer library list sahel --format csv | cut -d, -f1
  path
  Résumé.txt
  other.txt

library add follows the same rule, for the file's own name and for --folder:

  $ cp other.txt 'NUL.txt' && cp other.txt 'Other.txt'
  $ expeer library add sahel NUL.txt Other.txt --as amina@example.org
  expeer: error: path 'NUL.txt': has the name 'NUL.txt', which Windows keeps for a device
  expeer: nothing was written
  [65]
  $ expeer library add sahel Other.txt --as amina@example.org
  expeer: error: path 'Other.txt': is the same file as 'other.txt' on Windows and macOS
  expeer: nothing was written
  [65]
  $ expeer library add sahel other.txt --folder 'dossiers/prn' --as amina@example.org
  expeer: error: path 'dossiers/prn/other.txt': has the name 'prn', which Windows keeps for a device
  expeer: nothing was written
  [65]

The export unpacks on a case-insensitive file system with every file: here, the names of its
entries fold to distinct names.

  $ expeer -q library export sahel out.zip
  $ /usr/bin/python3 -c 'import sys, zipfile, unicodedata; n = [i.filename for i in zipfile.ZipFile("out.zip").infolist() if not i.is_dir()]; print(len(n), len({unicodedata.normalize("NFC", x).casefold() for x in n}))'
  2 2

Zips from Windows Explorer: names in the DOS code page, without the UTF-8 flag. Where CP437
and CP850 read them alike (every accented letter of French, Spanish, Portuguese, German),
they are read so, with a note.

  $ make_archive explorer explorer.zip $'caf\u00e9.txt' $'\u00e9tudes/na\u00efve.txt' $'\u00c7a va.txt'
  $ unzip -Z1 explorer.zip | od -An -c | head -1 | cut -c1-36
     c   a   f 202   .   t   x   t  \n
  $ expeer library import sahel explorer.zip --folder windows --as amina@example.org
  expeer: 3 files added from 'explorer.zip' (2 new contents, 1 already stored)
  expeer: note: names that are not UTF-8 were read as CP437 (Windows Explorer's zip): give --name-encoding if they look wrong
  $ expeer library list sahel --format csv | cut -d, -f1 | grep windows/
  windows/café.txt
  windows/Ça va.txt
  windows/études/naïve.txt

Where they differ (0x9B is ¢ in CP437 and ø in CP850), the entry is refused with both readings,
and --name-encoding says which is right. It works for tar too (names in Latin-1 from an old
Linux).

  $ make_archive explorer danish.zip $'s\u00a2ren.txt'
  $ expeer library import sahel danish.zip --as amina@example.org
  expeer: error: entry 's\\x9bren.txt': its name is not UTF-8, and reads 's\xc2\xa2ren.txt' in CP437 but 's\xc3\xb8ren.txt' in CP850: give --name-encoding (esc)
  expeer: nothing was written
  [65]
  $ expeer library import sahel danish.zip --name-encoding cp850 --as amina@example.org
  expeer: 1 files added from 'danish.zip' (0 new contents, 1 already stored)
  $ expeer library list sahel --format csv | cut -d, -f1 | grep ren
  søren.txt
  $ make_archive names latin1.tar $'caf\xe9.txt'
  $ expeer library import sahel latin1.tar --as amina@example.org
  expeer: error: entry 'caf\xe9.txt': its name is not UTF-8: give --name-encoding (cp437, cp850, latin1, cp1252...)
  expeer: nothing was written
  [65]
  $ expeer library import sahel latin1.tar --name-encoding latin1 --folder old --as amina@example.org
  expeer: 1 files added from 'latin1.tar' (0 new contents, 1 already stored)
  $ expeer library import sahel latin1.tar --name-encoding klingon --as amina@example.org
  expeer: error: name-encoding 'klingon': is not an encoding expeer knows (cp437, cp850, latin1, cp1252, shift_jis...)
  expeer: nothing was written
  [65]

What macOS and Windows add on their own is skipped, with a note.

  $ make_archive macos finder.zip
  $ expeer library import sahel finder.zip --as amina@example.org
  expeer: 2 files added from 'finder.zip' (2 new contents, 0 already stored)
  expeer: note: skipped 5 entries that macOS or Windows added on their own: 1 Windows folder settings (desktop.ini), 1 Windows thumbnail caches (Thumbs.db), 1 macOS folder settings (.DS_Store), 2 macOS resource forks (__MACOSX/)
  $ expeer library list sahel --format csv | cut -d, -f1 | grep dossier/
  dossier/photos/kivu.jpg
  dossier/rapport.txt

Files named before these rules (a database of an earlier expeer holds "CON" and two names
that differ only in case): they are still read and moved, but an export that Windows or
macOS would unpack wrongly, or one over the other, is refused, each named, until they are
renamed.

  $ expeer -q spaces create legacy --label Legacy
  $ expeer -q spaces members add legacy amina@example.org --role contributor
  $ printf 'un\n' > one.txt && printf 'deux\n' > two.txt && printf 'trois\n' > three.txt
  $ expeer -q library add legacy one.txt two.txt three.txt --as amina@example.org
  $ sql "UPDATE library_files SET path = 'CON' WHERE path = 'one.txt' AND space_id = (SELECT id FROM spaces WHERE slug = 'legacy'); UPDATE library_files SET path = 'Notes.txt' WHERE path = 'two.txt'; UPDATE library_files SET path = 'notes.TXT' WHERE path = 'three.txt'"
  $ expeer library get legacy CON
  un
  $ expeer library export legacy legacy.zip
  expeer: error: file 'CON': has the name 'CON', which Windows keeps for a device; rename it first: expeer library mv legacy 'CON' NEW-PATH
  expeer: error: file 'notes.TXT': is the same file as 'Notes.txt' on Windows and macOS; rename it first: expeer library mv legacy 'notes.TXT' NEW-PATH
  expeer: nothing was written
  [65]
  $ ls legacy.zip
  ls: cannot access 'legacy.zip': No such file or directory
  [2]
  $ expeer -q library mv --as amina@example.org legacy CON con-notes.txt
  $ expeer -q library mv --as amina@example.org legacy notes.TXT notes-2.txt
  $ expeer library export legacy legacy.zip && bsdtar -tf legacy.zip
  expeer: 3 files written to 'legacy.zip'
  Notes.txt
  con-notes.txt
  notes-2.txt

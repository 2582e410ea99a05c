Archives in and out of a library. Archives people send are hostile until proven otherwise.

  $ . use-database expeer.db && export LC_ALL=C.UTF-8
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name Amina
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ mkdir -p dossier/études/2024 && printf 'rapport\n' > dossier/études/2024/rapport.txt && printf 'notes\n' > dossier/notes.md
  $ stored() { find expeer.db.files -type f -not -path '*/tmp/*' 2>/dev/null | wc -l; }

Real archives of every kind expeer reads, made here by zip, tar and bsdtar:

  $ (cd dossier && zip -qr ../dossier.zip . && tar cf ../dossier.tar . && tar czf ../dossier.tar.gz . && tar cJf ../dossier.tar.xz . && bsdtar --format 7zip -cf ../dossier.7z .)
  $ for a in dossier.zip dossier.tar dossier.tar.gz dossier.tar.xz dossier.7z; do
  >   expeer members list > /dev/null
  >   expeer library import sahel $a --folder "${a#dossier.}" --as amina@example.org
  > done
  expeer: 2 files added from 'dossier.zip' (2 new contents, 0 already stored)
  expeer: 2 files added from 'dossier.tar' (0 new contents, 2 already stored)
  expeer: 2 files added from 'dossier.tar.gz' (0 new contents, 2 already stored)
  expeer: 2 files added from 'dossier.tar.xz' (0 new contents, 2 already stored)
  expeer: 2 files added from 'dossier.7z' (0 new contents, 2 already stored)
  $ expeer library list sahel --format csv | cut -d, -f1
  path
  7z/notes.md
  7z/études/2024/rapport.txt
  tar.gz/notes.md
  tar.gz/études/2024/rapport.txt
  tar.xz/notes.md
  tar.xz/études/2024/rapport.txt
  tar/notes.md
  tar/études/2024/rapport.txt
  zip/notes.md
  zip/études/2024/rapport.txt
  $ stored
  2

Exports are the same, byte for byte, for the same content, whenever they are made.

  $ expeer -q library export sahel a.zip && EXPEER_NOW=2030-01-01T00:00:00Z expeer -q library export sahel b.zip
  $ cmp a.zip b.zip && echo identical
  identical
  $ expeer -q library export sahel a.tar.gz && sleep 1 && expeer -q library export sahel b.tgz
  $ cmp a.tar.gz b.tgz && echo identical
  identical
  $ stat -c %a a.zip a.tar.gz
  600
  600
  $ mkdir out && bsdtar -xf a.zip -C out && cat out/zip/études/2024/rapport.txt && ls out
  rapport
  7z
  tar
  tar.gz
  tar.xz
  zip
  $ tar tzvf a.tar.gz | head -2
  drwxr-xr-x 0/0               0 2000-01-01 00:00 7z/
  drwxr-xr-x 0/0               0 2000-01-01 00:00 7z/\xc3\xa9tudes/ (esc)
  $ expeer library export sahel a.zip
  expeer: error: 'a.zip' already exists: give --force to replace it
  [73]

Hostile archives, made by Python's tarfile and zipfile, which write whatever they are told.
Each is refused with the entry named, and leaves nothing behind.

  $ cat > hostile.py <<'PY'
  > import io, tarfile, zipfile
  > def tar(name, *entries):
  >     with tarfile.open(name, "w") as t:
  >         for info, data in entries:
  >             t.addfile(info, io.BytesIO(data) if data is not None else None)
  > def member(name, data=b"x", type=tarfile.REGTYPE, link=""):
  >     info = tarfile.TarInfo(name)
  >     info.type, info.linkname = type, link
  >     info.size = len(data) if type == tarfile.REGTYPE else 0
  >     return info, (data if type == tarfile.REGTYPE else None)
  > tar("absolute.tar", member("ok.txt", b"ok"), member("/etc/cron.d/evil"))
  > tar("dotdot.tar", member("a/../../outside.txt"))
  > tar("symlink.tar", member("link", type=tarfile.SYMTYPE, link="/etc/passwd"))
  > tar("hardlink.tar", member("target.txt"), member("hard", type=tarfile.LNKTYPE, link="target.txt"))
  > tar("device.tar", member("null", type=tarfile.CHRTYPE), member("fifo", type=tarfile.FIFOTYPE))
  > tar("duplicate.tar", member("same.txt", b"one"), member("same.txt", b"two"))
  > with tarfile.open("latin1.tar", "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as t:
  >     info = tarfile.TarInfo("caf\xe9.txt"); info.size = 1
  >     t.addfile(info, io.BytesIO(b"x"))
  > with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
  >     z.writestr("zeros.bin", b"\0" * 60_000_000)
  > with zipfile.ZipFile("big.zip", "w", zipfile.ZIP_STORED) as z:
  >     z.writestr("big.bin", b"\1" * 3_000_000)
  > PY
  $ /usr/bin/python3 hostile.py
  $ before=$(stored)
  $ expeer library import sahel absolute.tar --as amina@example.org
  expeer: error: entry '/etc/cron.d/evil': is an absolute path
  expeer: nothing was written
  [65]
  $ expeer library import sahel dotdot.tar --as amina@example.org
  expeer: error: entry 'a/../../outside.txt': has a '.' or '..' folder
  expeer: nothing was written
  [65]
  $ expeer library import sahel symlink.tar --as amina@example.org
  expeer: error: entry 'link': is a symbolic link
  expeer: nothing was written
  [65]
  $ expeer library import sahel hardlink.tar --as amina@example.org
  expeer: error: entry 'hard': is a hard link
  expeer: nothing was written
  [65]
  $ expeer library import sahel device.tar --as amina@example.org
  expeer: error: entry 'null': is a device
  expeer: error: entry 'fifo': is a named pipe
  expeer: nothing was written
  [65]
  $ expeer library import sahel duplicate.tar --as amina@example.org
  expeer: error: entry 'same.txt': appears twice in the archive
  expeer: nothing was written
  [65]
  $ expeer library import sahel latin1.tar --as amina@example.org
  expeer: error: entry 'caf\xe9.txt': its name is not UTF-8: give --name-encoding (cp437, cp850, latin1, cp1252...)
  expeer: nothing was written
  [65]
  $ ls -la bomb.zip | awk '{ print ($5 < 200000) ? "small archive" : "big archive" }'
  small archive
  $ expeer library import sahel bomb.zip --as amina@example.org
  expeer: error: 'bomb.zip' refused: entry 'zeros.bin' unpacks to more than 100 times the archive's size: a compression bomb?; nothing was added
  [65]
  $ EXPEER_LIBRARY_MAX_FILE_MB=2 expeer library import sahel big.zip --as amina@example.org
  expeer: error: 'big.zip' refused: entry 'big.bin' is 3.0 MB, over the limit of 2.0 MB; nothing was added
  [65]
  $ EXPEER_LIBRARY_MAX_ARCHIVE_MB=1 expeer library import sahel big.zip --as amina@example.org
  expeer: error: 'big.zip' refused: the archive holds more than the limit of 1.0 MB; nothing was added
  [65]
  $ printf 'not an archive at all' > fake.zip
  $ expeer library import sahel fake.zip --as amina@example.org 2>&1 | cut -c1-80
  expeer: error: 'fake.zip' is not an archive expeer reads (zip, tar, tar.gz, tar.
  $ [ "$(stored)" = "$before" ] && echo "nothing stored"
  nothing stored
  $ find expeer.db.files/tmp -type f | wc -l
  0
  $ ls /etc/cron.d/evil outside.txt ../outside.txt 2>&1 | grep -c "No such file"
  3
  $ expeer library list sahel --format csv | wc -l
  11

A file that says it is compressed with lrzip or lzop, which libarchive decodes by running
those programs: expeer runs no program on a file it was sent (bsdtar, which does, runs the
one found first on PATH, here a spy).

  $ mkdir spy
  $ for p in lrzip lzop grzip; do printf '#!/bin/sh\ntouch "%s/spy/ran"\ncat >/dev/null\n' "$PWD" > spy/$p; chmod +x spy/$p; done
  $ printf 'LRZI\000\006' > lrzip.bin; head -c 64 /dev/zero >> lrzip.bin
  $ printf '\211LZO\000\r\n\032\n' > lzop.bin; head -c 64 /dev/zero >> lzop.bin
  $ PATH=$PWD/spy:$PATH expeer library import sahel lrzip.bin --as amina@example.org
  expeer: error: 'lrzip.bin' is not an archive expeer reads (zip, tar, tar.gz, tar.xz, 7z): Unrecognized archive format
  [65]
  $ PATH=$PWD/spy:$PATH expeer library import sahel lzop.bin --as amina@example.org
  expeer: error: 'lzop.bin' is not an archive expeer reads (zip, tar, tar.gz, tar.xz, 7z): Unrecognized archive format
  [65]
  $ ls spy/ran
  ls: cannot access 'spy/ran': No such file or directory
  [2]
  $ PATH=$PWD/spy:$PATH bsdtar -tf lzop.bin >/dev/null 2>&1; ls spy/ran
  spy/ran

#!/usr/bin/env python3
"""Makes the archives the library transcripts import: real zip and tar files, written byte by
byte where Python's modules would refuse or fix what a hostile or careless sender writes.

    archives.py empties OUT.tar.gz COUNT   a tar.gz of COUNT empty files (a few kB per 1000)
    archives.py files OUT.tar COUNT        COUNT small files, each of its own content
    archives.py names OUT.tar NAME...      one small file per NAME (any bytes, as given)
    archives.py explorer OUT.zip NAME...   names in CP437 without the UTF-8 flag, as Explorer
    archives.py macos OUT.zip              a zip as macOS's Finder makes it, with Windows' files
    archives.py big OUT.tar MB [COUNT]     COUNT files (1) of MB megabytes of random bytes
"""
import gzip
import io
import os
import sys
import tarfile
import zipfile


def tar_header(name: bytes, size: int = 0) -> bytes:
    h = bytearray(512)
    h[0:len(name)] = name
    h[100:108] = b"0000644\0"
    h[108:116] = b"0000000\0"
    h[116:124] = b"0000000\0"
    h[124:136] = b"%011o\0" % size
    h[136:148] = b"14000000000\0"
    h[148:156] = b"        "
    h[156:157] = b"0"
    h[257:263] = b"ustar\0"
    h[263:265] = b"00"
    h[148:156] = b"%06o\0 " % sum(h)
    return bytes(h)


def empties(out, count):
    # Written by hand: tarfile takes a minute for 200,000 entries. Only the name and the
    # checksum change from one header to the next.
    template = bytearray(tar_header(b""))
    template[148:156] = b"        "
    base = sum(template)
    before, after = bytes(template[7:148]), bytes(template[156:])
    with gzip.open(out, "wb", compresslevel=1) as f:
        for start in range(0, count, 10000):
            chunk = []
            for i in range(start, min(count, start + 10000)):
                name = b"f%06d" % i
                chunk.append(name + before + b"%06o\0 " % (base + sum(name)) + after)
            f.write(b"".join(chunk))
        f.write(bytes(1024))


def files(out, count):
    with tarfile.open(out, "w") as t:
        for i in range(count):
            data = b"file %d\n" % i
            info = tarfile.TarInfo("f%04d.txt" % i)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))


def names(out, given):
    with open(out, "wb") as f:
        for i, name in enumerate(given):
            data = b"content %d\n" % i
            f.write(tar_header(os.fsencode(name), len(data)))
            f.write(data + bytes(-len(data) % 512))
        f.write(bytes(1024))


def explorer(out, given):
    # Windows Explorer writes names in its OEM code page with the UTF-8 flag clear. zipfile
    # would write them as UTF-8 with the flag set: write ASCII stand-ins of the same length,
    # then put the CP437 bytes in their place (names are in no checksum).
    encoded = [name.encode("cp437") for name in given]
    stand_ins = [bytes(b if b < 0x80 else 0x7E for b in e) for e in encoded]
    with zipfile.ZipFile(out, "w") as z:
        for i, stand_in in enumerate(stand_ins):
            z.writestr(zipfile.ZipInfo(stand_in.decode("ascii")), b"content %d\n" % i)
    with open(out, "rb") as f:
        data = f.read()
    for stand_in, e in zip(stand_ins, encoded):
        data = data.replace(stand_in, e)
    with open(out, "wb") as f:
        f.write(data)
    with zipfile.ZipFile(out) as z:
        assert all(not (info.flag_bits & 0x800) for info in z.infolist()), "a name was written as UTF-8"


def macos(out):
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("dossier/rapport.txt", b"rapport\n")
        z.writestr("dossier/.DS_Store", b"\0\0\0\1Bud1")
        z.writestr("__MACOSX/dossier/._rapport.txt", b"\0\5\x16\7AppleDouble")
        z.writestr("__MACOSX/dossier/._.DS_Store", b"\0\5\x16\7AppleDouble")
        z.writestr("dossier/photos/Thumbs.db", b"thumbs")
        z.writestr("dossier/photos/desktop.ini", b"[.ShellClassInfo]\r\n")
        z.writestr("dossier/photos/kivu.jpg", b"\xff\xd8\xff\xe0 jpeg")


def big(out, megabytes, count):
    with tarfile.open(out, "w") as t:
        for i in range(count):
            data = os.urandom(megabytes * 1000 * 1000)
            info = tarfile.TarInfo("big.bin" if count == 1 else "big%d.bin" % (i + 1))
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))


if __name__ == "__main__":
    kind, out, *rest = sys.argv[1:]
    if kind == "empties":
        empties(out, int(rest[0]))
    elif kind == "files":
        files(out, int(rest[0]))
    elif kind == "names":
        names(out, rest)
    elif kind == "explorer":
        explorer(out, rest)
    elif kind == "macos":
        macos(out)
    elif kind == "big":
        big(out, int(rest[0]), int(rest[1]) if len(rest) > 1 else 1)
    else:
        sys.exit(__doc__)

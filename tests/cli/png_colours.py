#!/usr/bin/python3
"""Reads a PNG screenshot (8-bit RGB or RGBA, as Chromium writes them) and prints how many
pixels are not white, then how many have each colour given as #rrggbb."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "only 8-bit RGB or RGBA"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        for x in range(0, stride, channels):
            yield tuple(line[x:x + 3])
        previous = line


counts, not_white = {}, 0
for rgb in pixels(sys.argv[1]):
    counts[rgb] = counts.get(rgb, 0) + 1
    if rgb != (255, 255, 255):
        not_white += 1
print("not white:", "yes" if not_white > 10000 else "no")
for colour in sys.argv[2:]:
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    print(colour, "present" if counts.get(rgb, 0) > 200 else "missing")

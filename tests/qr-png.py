#!/usr/bin/env python3
"""qr-png.py SVG PNG: draw the dark squares of an SVG that ask --qr
wrote (one path of "Mx yhNvNh-Nz" squares on white) into a greyscale
PNG, pixel for unit, so that a real QR reader (zbarimg) can read it.
No imaging library: the PNG is written with zlib alone."""
import re
import struct
import sys
import zlib

svg = open(sys.argv[1]).read()
side = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
pixels = [bytearray(b'\xff' * side) for _ in range(side)]
for x, y, w, h in re.findall(r'M(\d+) (\d+)h(\d+)v(\d+)h-\d+z', svg):
    x, y, w, h = int(x), int(y), int(w), int(h)
    for row in range(y, y + h):
        pixels[row][x:x + w] = b'\x00' * w
raw = b''.join(b'\x00' + bytes(row) for row in pixels)


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


with open(sys.argv[2], 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))

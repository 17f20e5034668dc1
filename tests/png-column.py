#!/usr/bin/env python3
"""png-column.py FILE R G B: the mean x of the pixels of that colour (each
channel within 40) in a PNG that Chromium wrote, or "none".
png-column.py FILE --ink-right: the x of the rightmost pixel that is not
near white (every channel above 200), or "none": whether a figure fits.
png-column.py FILE --marks R G B: each blob of pixels of that colour (8-
connected), a line "x y" of its centre, top to bottom: where each mark
landed.
png-column.py FILE --ink-height X0 Y0 X1 Y1: how many pixel rows of that
box hold a pixel darker than 128 in every channel: how tall its text is.  A small PNG
reader (8-bit RGB or RGBA, not interlaced), so the tests need no imaging
library: they check where a mark landed in a real browser's rendering."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, prev, rows = zlib.decompress(idat), width * channels, None, []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i] if prev else 0
            c = prev[i - channels] if prev and i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows, width, channels


rows, width, channels = pixels(sys.argv[1])
if sys.argv[2] == "--marks":
    want = [int(v) for v in sys.argv[3:6]]
    hit = set((x, y) for y, line in enumerate(rows) for x in range(width)
              if all(abs(line[x * channels + k] - want[k]) <= 40 for k in range(3)))
    blobs = []
    while hit:
        stack, blob = [hit.pop()], []
        while stack:
            x, y = stack.pop()
            blob.append((x, y))
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    if (x + dx, y + dy) in hit:
                        hit.remove((x + dx, y + dy))
                        stack.append((x + dx, y + dy))
        blobs.append((sum(p[1] for p in blob) / len(blob), sum(p[0] for p in blob) / len(blob)))
    for y, x in sorted(blobs):
        print("%.1f %.1f" % (x, y))
    sys.exit(0)
if sys.argv[2] == "--ink-height":
    x0, y0, x1, y1 = [int(v) for v in sys.argv[3:7]]
    print(sum(1 for y in range(max(y0, 0), min(y1, len(rows)))
              if any(all(rows[y][x * channels + k] < 128 for k in range(3))
                     for x in range(max(x0, 0), min(x1, width)))))
    sys.exit(0)
if sys.argv[2] == "--ink-right":
    xs = [x for line in rows for x in range(width)
          if any(line[x * channels + k] <= 200 for k in range(3))]
    print(max(xs) if xs else "none")
    sys.exit(0)
want = [int(v) for v in sys.argv[2:5]]
xs = [x for line in rows for x in range(width)
      if all(abs(line[x * channels + k] - want[k]) <= 40 for k in range(3))]
print("%.1f" % (sum(xs) / len(xs)) if xs else "none")

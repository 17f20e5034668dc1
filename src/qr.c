/*
 * qr: QR codes.  See qr.h.
 *
 * The steps are the standard's, in its order: the data as bits (mode,
 * count, bytes, terminator, padding), split into blocks each with its
 * Reed-Solomon error correction, interleaved; the function patterns
 * (finders, timing, alignment, format and version information) placed;
 * the data placed in the zigzag that skips them; each of the eight masks
 * tried and the one of lowest penalty kept.  The tests read the result
 * with a real QR reader (zbarimg).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "qr.h"

/* Level M per version: error correction codewords per block, then the
 * blocks and data codewords of the first group, and of the second. */
static const struct {
	int ecc, blocks1, data1, blocks2, data2;
} level_m[QR_VERSION_MAX + 1] = {
	{ 0, 0, 0, 0, 0 },
	{ 10, 1, 16, 0, 0 }, { 16, 1, 28, 0, 0 }, { 26, 1, 44, 0, 0 }, { 18, 2, 32, 0, 0 },
	{ 24, 2, 43, 0, 0 }, { 16, 4, 27, 0, 0 }, { 18, 4, 31, 0, 0 }, { 22, 2, 38, 2, 39 },
	{ 22, 3, 36, 2, 37 }, { 26, 4, 43, 1, 44 },
};

/* The centres of the alignment patterns, by version (0 ends a list). */
static const int alignment[QR_VERSION_MAX + 1][4] = {
	{ 0 }, { 0 }, { 6, 18 }, { 6, 22 }, { 6, 26 }, { 6, 30 }, { 6, 34 },
	{ 6, 22, 38 }, { 6, 24, 42 }, { 6, 26, 46 }, { 6, 28, 50 },
};

/* Where a function pattern stands, so that data goes around it. */
struct grid {
	struct qr *q;
	unsigned char function[QR_SIZE_MAX][QR_SIZE_MAX];
};

static void
set_function(struct grid *g, int x, int y, int dark)
{
	g->q->dark[y][x] = (unsigned char)dark;
	g->function[y][x] = 1;
}

/* ---- Reed-Solomon over GF(256), modulo x^8 + x^4 + x^3 + x^2 + 1. ---- */

static unsigned
gf_multiply(unsigned x, unsigned y)
{
	unsigned z = 0;
	int i;

	for (i = 7; i >= 0; i--) {
		z = (z << 1) ^ ((z >> 7) * 0x11d);
		z ^= ((y >> i) & 1) * x;
	}
	return z & 0xff;
}

/* The generator polynomial of degree n, highest coefficient left out. */
static void
rs_divisor(unsigned char *divisor, int n)
{
	unsigned root = 1;
	int i, j;

	memset(divisor, 0, (size_t)n);
	divisor[n - 1] = 1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			divisor[j] = (unsigned char)gf_multiply(divisor[j], root);
			if (j + 1 < n)
				divisor[j] ^= divisor[j + 1];
		}
		root = gf_multiply(root, 2);
	}
}

static void
rs_remainder(const unsigned char *data, int len, const unsigned char *divisor, int n,
    unsigned char *out)
{
	int i, j;

	memset(out, 0, (size_t)n);
	for (i = 0; i < len; i++) {
		unsigned factor = data[i] ^ out[0];

		memmove(out, out + 1, (size_t)(n - 1));
		out[n - 1] = 0;
		for (j = 0; j < n; j++)
			out[j] ^= (unsigned char)gf_multiply(divisor[j], factor);
	}
}

/* ---- The codewords. ---- */

static int
data_codewords(int version)
{
	return level_m[version].blocks1 * level_m[version].data1 +
	    level_m[version].blocks2 * level_m[version].data2;
}

static void
put_bits(unsigned char *bytes, int *at, unsigned value, int count)
{
	int i;

	for (i = count - 1; i >= 0; i--, (*at)++)
		if ((value >> i) & 1)
			bytes[*at / 8] |= (unsigned char)(0x80 >> (*at % 8));
}

/* Whether s[0..n) has a byte past ASCII: then it says it is UTF-8 (ECI
 * 26), where a reader would guess Latin-1 or Shift JIS. */
static int
needs_eci(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] >= 0x80)
			return 1;
	return 0;
}

/* The bits the text takes: [ECI,] byte mode, count, the bytes. */
static int
text_bits(int version, const char *s, size_t n)
{
	return (needs_eci(s, n) ? 12 : 0) + 4 + (version < 10 ? 8 : 16) + 8 * (int)n;
}

/* The data codewords: [ECI,] byte mode, the count, the bytes, padding. */
static void
data_bits(unsigned char *data, int capacity, int version, const char *s, size_t n)
{
	int at = 0, count_bits = version < 10 ? 8 : 16, i;
	size_t k;

	memset(data, 0, (size_t)capacity);
	if (needs_eci(s, n)) {
		put_bits(data, &at, 7, 4);
		put_bits(data, &at, 26, 8);
	}
	put_bits(data, &at, 4, 4);
	put_bits(data, &at, (unsigned)n, count_bits);
	for (k = 0; k < n; k++)
		put_bits(data, &at, (unsigned char)s[k], 8);
	/* A terminator of up to four zero bits, then to a whole byte. */
	at += capacity * 8 - at < 4 ? capacity * 8 - at : 4;
	at = (at + 7) / 8 * 8;
	for (i = 0; at < capacity * 8; i++)
		put_bits(data, &at, i % 2 == 0 ? 0xec : 0x11, 8);
}

/* Split into blocks, add each block's error correction, interleave. */
static int
codewords(unsigned char *out, const unsigned char *data, int version)
{
	int ecc = level_m[version].ecc, blocks = level_m[version].blocks1 + level_m[version].blocks2;
	unsigned char divisor[32], remainder[32][32];
	const unsigned char *start[8];
	int length[8], i, b, n = 0, offset = 0, longest = 0;

	rs_divisor(divisor, ecc);
	for (b = 0; b < blocks; b++) {
		length[b] = b < level_m[version].blocks1 ? level_m[version].data1 : level_m[version].data2;
		start[b] = data + offset;
		offset += length[b];
		if (length[b] > longest)
			longest = length[b];
		rs_remainder(start[b], length[b], divisor, ecc, remainder[b]);
	}
	for (i = 0; i < longest; i++)
		for (b = 0; b < blocks; b++)
			if (i < length[b])
				out[n++] = start[b][i];
	for (i = 0; i < ecc; i++)
		for (b = 0; b < blocks; b++)
			out[n++] = remainder[b][i];
	return n;
}

/* ---- The function patterns. ---- */

static void
finder(struct grid *g, int cx, int cy)
{
	int dx, dy, x, y, d;

	for (dy = -4; dy <= 4; dy++)
		for (dx = -4; dx <= 4; dx++) {
			x = cx + dx;
			y = cy + dy;
			if (x < 0 || y < 0 || x >= g->q->size || y >= g->q->size)
				continue;
			d = abs(dx) > abs(dy) ? abs(dx) : abs(dy);
			set_function(g, x, y, d != 2 && d != 4);
		}
}

static void
alignment_pattern(struct grid *g, int cx, int cy)
{
	int dx, dy, d;

	for (dy = -2; dy <= 2; dy++)
		for (dx = -2; dx <= 2; dx++) {
			d = abs(dx) > abs(dy) ? abs(dx) : abs(dy);
			set_function(g, cx + dx, cy + dy, d != 1);
		}
}

/* The format information: level M and the mask, BCH-coded, twice. */
static void
format_bits(struct grid *g, int mask)
{
	int size = g->q->size, data = mask, rem = data, bits, i;

	for (i = 0; i < 10; i++)
		rem = (rem << 1) ^ ((rem >> 9) * 0x537);
	bits = ((data << 10) | rem) ^ 0x5412;
	for (i = 0; i <= 5; i++)
		set_function(g, 8, i, (bits >> i) & 1);
	set_function(g, 8, 7, (bits >> 6) & 1);
	set_function(g, 8, 8, (bits >> 7) & 1);
	set_function(g, 7, 8, (bits >> 8) & 1);
	for (i = 9; i < 15; i++)
		set_function(g, 14 - i, 8, (bits >> i) & 1);
	for (i = 0; i < 8; i++)
		set_function(g, size - 1 - i, 8, (bits >> i) & 1);
	for (i = 8; i < 15; i++)
		set_function(g, 8, size - 15 + i, (bits >> i) & 1);
	set_function(g, 8, size - 8, 1);	/* the dark module */
}

static void
version_bits(struct grid *g)
{
	int version = g->q->version, rem = version, bits, i, a, b;

	if (version < 7)
		return;
	for (i = 0; i < 12; i++)
		rem = (rem << 1) ^ ((rem >> 11) * 0x1f25);
	bits = (version << 12) | rem;
	for (i = 0; i < 18; i++) {
		a = g->q->size - 11 + i % 3;
		b = i / 3;
		set_function(g, a, b, (bits >> i) & 1);
		set_function(g, b, a, (bits >> i) & 1);
	}
}

static void
function_patterns(struct grid *g)
{
	int size = g->q->size, i, j, n;
	const int *centre = alignment[g->q->version];

	for (i = 0; i < size; i++) {
		set_function(g, 6, i, i % 2 == 0);
		set_function(g, i, 6, i % 2 == 0);
	}
	finder(g, 3, 3);
	finder(g, size - 4, 3);
	finder(g, 3, size - 4);
	for (n = 0; n < 4 && centre[n] != 0; n++)
		;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (!((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)))
				alignment_pattern(g, centre[i], centre[j]);
	format_bits(g, 0);	/* reserved; written again with the mask */
	version_bits(g);
}

/* ---- The data, and the masks. ---- */

static void
place_data(struct grid *g, const unsigned char *cw, int n)
{
	int size = g->q->size, i = 0, right, vert, j, x, y, upward;

	for (right = size - 1; right >= 1; right -= 2) {
		if (right == 6)
			right = 5;
		for (vert = 0; vert < size; vert++)
			for (j = 0; j < 2; j++) {
				x = right - j;
				upward = ((right + 1) & 2) == 0;
				y = upward ? size - 1 - vert : vert;
				if (g->function[y][x])
					continue;
				/* Past the codewords: the remainder bits, light. */
				g->q->dark[y][x] = i < n * 8 && ((cw[i / 8] >> (7 - i % 8)) & 1);
				i++;
			}
	}
}

static int
mask_bit(int mask, int x, int y)
{
	switch (mask) {
	case 0: return (x + y) % 2 == 0;
	case 1: return y % 2 == 0;
	case 2: return x % 3 == 0;
	case 3: return (x + y) % 3 == 0;
	case 4: return (x / 3 + y / 2) % 2 == 0;
	case 5: return x * y % 2 + x * y % 3 == 0;
	case 6: return (x * y % 2 + x * y % 3) % 2 == 0;
	default: return ((x + y) % 2 + x * y % 3) % 2 == 0;
	}
}

/* XOR the mask onto the data; applied twice, it is undone. */
static void
apply_mask(struct grid *g, int mask)
{
	int x, y;

	for (y = 0; y < g->q->size; y++)
		for (x = 0; x < g->q->size; x++)
			if (!g->function[y][x] && mask_bit(mask, x, y))
				g->q->dark[y][x] ^= 1;
}

/* A line's penalty: runs of five or more alike (3, and 1 more each), and
 * a finder-like 1:1:3:1:1 with four light modules beside it (40). */
static int
line_penalty(const unsigned char *m, int n)
{
	static const unsigned char finder_like[7] = { 1, 0, 1, 1, 1, 0, 1 };
	int penalty = 0, run = 1, i, k, before, after;

	for (i = 1; i <= n; i++) {
		if (i < n && m[i] == m[i - 1]) {
			run++;
			continue;
		}
		if (run >= 5)
			penalty += 3 + run - 5;
		run = 1;
	}
	for (i = 0; i + 7 <= n; i++) {
		if (memcmp(m + i, finder_like, 7) != 0)
			continue;
		for (before = 0, k = i - 1; k >= 0 && k >= i - 4 && !m[k]; k--)
			before++;
		for (after = 0, k = i + 7; k < n && k < i + 11 && !m[k]; k++)
			after++;
		/* The margin outside the symbol is light too. */
		if (before + (i - 4 < 0 ? 4 - i : 0) >= 4 || after + (i + 11 > n ? i + 11 - n : 0) >= 4)
			penalty += 40;
	}
	return penalty;
}

static int
penalty(const struct qr *q)
{
	unsigned char column[QR_SIZE_MAX];
	int size = q->size, total = 0, dark = 0, x, y, k;

	for (y = 0; y < size; y++)
		total += line_penalty(q->dark[y], size);
	for (x = 0; x < size; x++) {
		for (y = 0; y < size; y++)
			column[y] = q->dark[y][x];
		total += line_penalty(column, size);
	}
	for (y = 0; y + 1 < size; y++)
		for (x = 0; x + 1 < size; x++)
			if (q->dark[y][x] == q->dark[y][x + 1] && q->dark[y][x] == q->dark[y + 1][x] &&
			    q->dark[y][x] == q->dark[y + 1][x + 1])
				total += 3;
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++)
			dark += q->dark[y][x];
	/* 10 for every 5% the dark modules stray from half. */
	k = abs(dark * 20 - size * size * 10) / (size * size);
	return total + k * 10;
}

int
qr_encode(struct qr *q, const char *s, size_t n)
{
	unsigned char data[400], cw[400];
	struct grid *g;
	int version, count, mask, best = 0, best_penalty = -1, p;

	if (n > QR_BYTES_MAX)
		return -1;
	for (version = 1; version <= QR_VERSION_MAX; version++)
		if (text_bits(version, s, n) <= data_codewords(version) * 8)
			break;
	if (version > QR_VERSION_MAX)
		return -1;
	g = calloc(1, sizeof(*g));
	if (g == NULL)
		return -1;
	memset(q, 0, sizeof(*q));
	q->version = version;
	q->size = 17 + 4 * version;
	g->q = q;
	function_patterns(g);
	data_bits(data, data_codewords(version), version, s, n);
	count = codewords(cw, data, version);
	place_data(g, cw, count);
	for (mask = 0; mask < 8; mask++) {
		apply_mask(g, mask);
		format_bits(g, mask);
		if ((p = penalty(q)) < best_penalty || best_penalty < 0) {
			best = mask;
			best_penalty = p;
		}
		apply_mask(g, mask);
	}
	apply_mask(g, best);
	format_bits(g, best);
	q->mask = best;
	free(g);
	return 0;
}

void
qr_svg(struct buf *out, const struct qr *q, int unit, const char *title)
{
	int side = (q->size + 8) * unit, x, y;

	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	    " role=\"img\" shape-rendering=\"crispEdges\">\n<title>", side, side, side, side);
	html_escape(out, title);
	buf_printf(out, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"",
	    side, side);
	for (y = 0; y < q->size; y++)
		for (x = 0; x < q->size; x++)
			if (q->dark[y][x])
				buf_printf(out, "M%d %dh%dv%dh-%dz", (x + 4) * unit, (y + 4) * unit, unit, unit, unit);
	buf_addstr(out, "\"/>\n</svg>\n");
}

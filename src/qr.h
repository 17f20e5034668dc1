/*
 * qr: a QR code (ISO/IEC 18004) of a short text, such as the address of
 * a meeting's page, made with libc alone: byte mode (UTF-8 said as such,
 * by ECI 26, when the text is not ASCII), error correction
 * level M (15% of the symbol may be lost), versions 1 to 10 (up to 213
 * bytes), the mask of lowest penalty; and drawn as SVG for a slide or
 * the projector.
 */
#ifndef STANCE_QR_H
#define STANCE_QR_H

#include <stddef.h>

#include "buf.h"

#define QR_VERSION_MAX 10
#define QR_SIZE_MAX (17 + 4 * QR_VERSION_MAX)
#define QR_BYTES_MAX 213	/* version 10 at level M, byte mode */

struct qr {
	int version;
	int size;			/* modules a side */
	int mask;
	unsigned char dark[QR_SIZE_MAX][QR_SIZE_MAX];	/* [y][x] */
};

/* Encode s[0..n); 0, or -1 if it does not fit version 10 (QR_BYTES_MAX
 * bytes of ASCII, one less of other UTF-8). */
int qr_encode(struct qr *q, const char *s, size_t n);

/* The code as an SVG document, dark modules on white with the four
 * modules of light margin the standard asks for, a module `unit` units
 * wide; title is its <title> (escaped). */
void qr_svg(struct buf *out, const struct qr *q, int unit, const char *title);

#endif

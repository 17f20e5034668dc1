# stance: build, test and install.  See README.md.
#
# The user's CPPFLAGS and CFLAGS come before the project's warning flags,
# so that `make CFLAGS=-O0` (or a distribution's flags) cannot drop the
# warnings; -std and _POSIX_C_SOURCE come first, as the code needs them.

VERSION = 0.1.0

PREFIX         = /usr/local
BINDIR         = $(PREFIX)/bin
MANDIR         = $(PREFIX)/share/man
PROGRAM_PREFIX =
DESTDIR        =

CC      ?= cc
CFLAGS  ?= -O2 -g
ARFLAGS  = rcs
INSTALL  = install
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes
STANCE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DSTANCE_VERSION='"$(VERSION)"' \
	$(CPPFLAGS) $(CFLAGS) $(WARNINGS)

PROGRAMS = ask collect aggregate chart recommend remind
BINS     = $(PROGRAMS:%=bin/%)

# Shared modules, one concern each (see the header of every .h).
LIB_OBJS = src/diag.o src/alloc.o src/buf.o src/lines.o src/utf8.o src/token.o src/fields.o src/record.o \
	src/text.o src/lang.o src/position.o src/timestamp.o \
	src/questionnaire.o src/embedded.o src/response.o src/roster.o \
	src/output.o src/intern.o src/answerset.o src/form.o src/formreader.o src/mail.o src/options.o src/answer.o src/wrap.o src/term.o src/stats.o src/partial.o src/figures.o src/feedback.o \
	src/condition.o src/context.o src/rules.o src/sha256.o src/key.o src/progress.o src/sentlog.o src/compose.o src/reply.o src/letter.o src/request.o src/html.o src/qr.o src/reasons.o \
	src/keymap.o src/tally.o src/verdict.o

# Which extra objects each program links, besides the shared modules.
ASK_OBJS = src/ask.o src/slider.o src/prompt.o src/web.o src/webpage.o src/meeting.o
COLLECT_OBJS = src/collect.o
AGGREGATE_OBJS = src/aggregate.o
CHART_OBJS = src/chart.o src/chart-svg.o
RECOMMEND_OBJS = src/recommend.o
REMIND_OBJS = src/remind.o

# Every page in man/, by its section: a page added there is installed.
MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
MAN7 = $(wildcard man/*.7)

# The fuzz harnesses (tests/fuzz), replayed by make check: a parser's
# each, and a whole program's main each (main-NAME, tests/fuzz/program.h).
PROGRAM_FUZZERS = main-ask main-aggregate main-chart main-collect main-recommend main-remind
FUZZERS = answers compose context figures form form-roundtrip mail partial progress questionnaire reasons reply request response roster rules sentlog time \
	$(PROGRAM_FUZZERS)
REPLAYS = $(FUZZERS:%=tests/fuzz/replay-%)

# The programs and the test drivers (formatcheck, the fuzz replays): what
# tests/run needs.  make install builds only the programs.
all: $(BINS) tests/formatcheck tests/digestcheck $(REPLAYS)

src/libstance.a: $(LIB_OBJS)
	rm -f $@
	$(AR) $(ARFLAGS) $@ $(LIB_OBJS)

bin/ask: $(ASK_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(ASK_OBJS) src/libstance.a -lm

bin/collect: $(COLLECT_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(COLLECT_OBJS) src/libstance.a -lm

# The statistics need libm, the C library's own mathematics.
bin/aggregate: $(AGGREGATE_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(AGGREGATE_OBJS) src/libstance.a -lm

bin/chart: $(CHART_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(CHART_OBJS) src/libstance.a -lm

bin/recommend: $(RECOMMEND_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(RECOMMEND_OBJS) src/libstance.a -lm

bin/remind: $(REMIND_OBJS) src/libstance.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(REMIND_OBJS) src/libstance.a -lm

# A test driver for the format parsers; never installed.
tests/formatcheck: tests/formatcheck.o src/libstance.a
	$(CC) $(LDFLAGS) -o $@ tests/formatcheck.o src/libstance.a

tests/formatcheck.o: tests/formatcheck.c
	$(CC) -Isrc $(STANCE_CFLAGS) -c -o $@ tests/formatcheck.c

# The same for SHA-256 and HMAC against the published vectors.
tests/digestcheck: tests/digestcheck.o src/libstance.a
	$(CC) $(LDFLAGS) -o $@ tests/digestcheck.o src/libstance.a

tests/digestcheck.o: tests/digestcheck.c
	$(CC) -Isrc $(STANCE_CFLAGS) -c -o $@ tests/digestcheck.c

.c.o:
	$(CC) $(STANCE_CFLAGS) -c -o $@ $<

# The embedded default questionnaire and recommend's rules are kept as
# plain files so they can be read and edited as such; this turns them
# into C strings (the rules a line each: ISO C promises string literals
# of only 4095 bytes).
EMBED = sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/'
src/embedded.c: src/questionnaire-en.txt src/questionnaire-nl.txt src/rules-social-media-policy.txt
	{ echo '/* Generated from src/questionnaire-*.txt and src/rules-*.txt by make; do not edit. */'; \
	  echo '#include "questionnaire.h"'; \
	  echo '#include "rules.h"'; \
	  for l in en nl; do \
	    echo "const char questionnaire_default_$$l[] ="; \
	    $(EMBED) src/questionnaire-$$l.txt; \
	    echo ';'; \
	  done; \
	  echo 'const char *const rules_default_lines[] = {'; \
	  $(EMBED) -e 's/$$/,/' src/rules-social-media-policy.txt; \
	  echo 'NULL };'; } > $@.tmp && mv $@.tmp $@

# Every object depends on every header: a change anywhere rebuilds all,
# which takes seconds and never leaves a stale object behind.
$(LIB_OBJS) $(ASK_OBJS) $(COLLECT_OBJS) $(AGGREGATE_OBJS) $(CHART_OBJS) $(RECOMMEND_OBJS) $(REMIND_OBJS) tests/formatcheck.o tests/digestcheck.o: $(wildcard src/*.h)

# Fuzzing (see tests/fuzz/fuzz.h).  Each harness is replayed by make
# check on its seeds and past crashes, built with $(CC); make fuzz builds
# it with clang, libFuzzer, ASan and UBSan and runs each for FUZZ_SECONDS.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DSTANCE_VERSION='"$(VERSION)"' \
	$(WARNINGS) -g -O1 -fno-omit-frame-pointer $(FUZZ_SANITIZE) -Isrc
FUZZ_HEADERS = tests/fuzz/fuzz.h tests/fuzz/form-check.h
LIB_SRCS = $(LIB_OBJS:.o=.c)
# The shared modules are built once for all harnesses, instrumented for
# libFuzzer but not linked with it; each harness links them.
FUZZ_OBJS = $(LIB_OBJS:src/%.o=tests/fuzz/bin/obj/%.o)

tests/fuzz/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c $(FUZZ_HEADERS) src/libstance.a
	$(CC) -Isrc $(STANCE_CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/fuzz-$*.c tests/fuzz/replay.c \
	    src/libstance.a -lm

# A program's main as a harness runs it: its file built with its main
# renamed, linked so that exit() returns to the harness and standard
# output can be opened again (tests/fuzz/program.h).  Static pattern
# rules, so that they, not the parsers' rules, make these targets.
PROGRAM_WRAP = -Wl,--wrap=exit -Wl,--wrap=fclose
PROGRAM_FLAGS = -Wno-missing-prototypes -Dmain=$*_main
# The objects a program links besides its own file and the shared modules.
PROGRAM_EXTRA_ask = slider prompt web webpage meeting
PROGRAM_EXTRA_chart = chart-svg

tests/fuzz/main-%.o: src/%.c $(wildcard src/*.h)
	$(CC) $(STANCE_CFLAGS) $(PROGRAM_FLAGS) -c -o $@ $<

$(PROGRAM_FUZZERS:%=tests/fuzz/replay-%): tests/fuzz/replay-main-%: tests/fuzz/fuzz-main-%.c tests/fuzz/replay.c tests/fuzz/program.h $(FUZZ_HEADERS) \
    tests/fuzz/main-%.o src/libstance.a $(ASK_OBJS) $(CHART_OBJS)
	$(CC) -Isrc $(STANCE_CFLAGS) $(LDFLAGS) $(PROGRAM_WRAP) -o $@ tests/fuzz/fuzz-main-$*.c \
	    tests/fuzz/replay.c tests/fuzz/main-$*.o $(PROGRAM_EXTRA_$*:%=src/%.o) src/libstance.a -lm

tests/fuzz/bin/obj/main-%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p tests/fuzz/bin/obj
	$(FUZZ_CC) $(FUZZ_FLAGS) $(PROGRAM_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(PROGRAM_FUZZERS:%=tests/fuzz/bin/fuzz-%): tests/fuzz/bin/fuzz-main-%: tests/fuzz/fuzz-main-%.c tests/fuzz/program.h $(FUZZ_HEADERS) \
    tests/fuzz/bin/obj/main-%.o tests/fuzz/bin/obj/chart-svg.o tests/fuzz/bin/obj/slider.o \
    tests/fuzz/bin/obj/prompt.o tests/fuzz/bin/obj/web.o tests/fuzz/bin/obj/webpage.o tests/fuzz/bin/obj/meeting.o \
    tests/fuzz/bin/libstance-fuzz.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(PROGRAM_WRAP) -o $@ tests/fuzz/fuzz-main-$*.c \
	    tests/fuzz/bin/obj/main-$*.o $(PROGRAM_EXTRA_$*:%=tests/fuzz/bin/obj/%.o) \
	    tests/fuzz/bin/libstance-fuzz.a -lm

tests/fuzz/bin/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p tests/fuzz/bin/obj
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

tests/fuzz/bin/libstance-fuzz.a: $(FUZZ_OBJS)
	rm -f $@
	$(AR) $(ARFLAGS) $@ $(FUZZ_OBJS)

tests/fuzz/bin/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_HEADERS) tests/fuzz/bin/libstance-fuzz.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz-$*.c \
	    tests/fuzz/bin/libstance-fuzz.a -lm

fuzz: $(FUZZERS:%=tests/fuzz/bin/fuzz-%)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

check: all
	@tests/run

# The whole suite with every program under valgrind: slower, and clean
# only if no test sees valgrind's exit status 99.
check-valgrind: all
	@STANCE_VALGRIND=1 tests/run

demo: all
	@sh tests/demo.sh

# The figure README.md and chart(1) show: chart --svg of two rounds'
# first continuum, and the same drawn by headless Chromium.  The test
# suite checks that the SVG is what chart draws now.
FIGURE_ROWS = tests/fixtures/chart/svg/rounds.agg
figure: man/chart-figure.svg man/chart-figure.png
man/chart-figure.svg: bin/chart $(FIGURE_ROWS)
	awk -F'\t' 'NR == 1 || $$3 == "steering"' $(FIGURE_ROWS) | bin/chart --svg > $@
man/chart-figure.png: man/chart-figure.svg
	height=$$(sed -n 's/^<svg .* height="\([0-9]*\)".*/\1/p' man/chart-figure.svg); \
	chromium-headless-shell --no-sandbox --disable-gpu --hide-scrollbars \
	    --force-device-scale-factor=1 --window-size=600,$$height \
	    --screenshot=$(CURDIR)/$@ file://$(CURDIR)/man/chart-figure.svg > /dev/null 2>&1

bench: all
	@sh tests/bench.sh

# Programs may be renamed with PROGRAM_PREFIX, and their section 1
# pages with them; the pages of sections 5 and 7 keep their names.
install: $(BINS)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGRAMS); do \
	  $(INSTALL) -m 755 bin/$$p $(DESTDIR)$(BINDIR)/$(PROGRAM_PREFIX)$$p || exit 1; \
	done
	for page in $(MAN1); do \
	  $(INSTALL) -m 644 $$page $(DESTDIR)$(MANDIR)/man1/$(PROGRAM_PREFIX)$${page#man/} || exit 1; \
	done
	$(INSTALL) -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7

uninstall:
	for p in $(PROGRAMS); do rm -f $(DESTDIR)$(BINDIR)/$(PROGRAM_PREFIX)$$p; done
	for page in $(MAN1); do \
	  rm -f $(DESTDIR)$(MANDIR)/man1/$(PROGRAM_PREFIX)$${page#man/}; \
	done
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%) $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)

clean:
	rm -f $(BINS) src/*.o src/libstance.a src/embedded.c src/embedded.c.tmp \
	  tests/formatcheck tests/formatcheck.o tests/digestcheck tests/digestcheck.o $(REPLAYS) \
	  tests/fuzz/main-*.o
	rm -rf tests/fuzz/bin

# The README's pictures of ask --web: a phone's page and a projector's,
# drawn by Chromium through lighttpd (tests/web-pictures.py).
pictures: $(BINS)
	/usr/bin/python3 tests/web-pictures.py $(CURDIR) $(CURDIR)/man

.PHONY: all check check-valgrind demo bench figure pictures fuzz install uninstall clean

#!/usr/bin/env bats
# The Makefile's promises: install and uninstall honour PREFIX, DESTDIR,
# BINDIR, MANDIR and PROGRAM_PREFIX, and the demo runs a whole round.

load test_helper

@test "make install puts programs and pages under DESTDIR and PREFIX" {
	dest=$BATS_TEST_TMPDIR/dest
	run -0 make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/opt/stance
	[ -x "$dest/opt/stance/bin/ask" ]
	[ -f "$dest/opt/stance/share/man/man1/ask.1" ]
	[ -f "$dest/opt/stance/share/man/man5/stance-responses.5" ]
	[ -f "$dest/opt/stance/share/man/man7/stance.7" ]
	assert_equal "$(stat -c %a "$dest/opt/stance/bin/ask")" 755
	assert_equal "$(stat -c %a "$dest/opt/stance/share/man/man5/stance-roster.5")" 644
	# Every page in man/ is installed, whatever its section.
	diff -u <(cd "$TOP/man" && ls | grep -E '\.[157]$') \
	    <(cd "$dest/opt/stance/share/man" && ls man1 man5 man7 | grep -v ':$' | grep . | sort)
	# Installing builds the programs, never the test drivers.
	run -0 "$dest/opt/stance/bin/ask" --version
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest" PREFIX=/opt/stance
	[ -z "$(find "$dest" -type f)" ]
}

@test "PROGRAM_PREFIX, BINDIR and MANDIR rename and place what is installed" {
	dest=$BATS_TEST_TMPDIR/dest
	run -0 make -s -C "$TOP" install DESTDIR="$dest" BINDIR=/b MANDIR=/m PROGRAM_PREFIX=stance-
	[ -x "$dest/b/stance-ask" ]
	[ -f "$dest/m/man1/stance-ask.1" ]
	[ ! -e "$dest/b/ask" ]
	# The installed program names itself by the name it was called by.
	run -2 "$dest/b/stance-ask" -x
	assert_equal "${lines[0]}" "stance-ask: unknown option -x"
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest" BINDIR=/b MANDIR=/m PROGRAM_PREFIX=stance-
	[ -z "$(find "$dest" -type f)" ]
}

@test "the demo runs a round from ask and collect to recommend's advice" {
	run -0 sh "$TOP/tests/demo.sh"
	printf '%s\n' "$output" | grep -qx "14 participants, 70 answers."
	# It ends with recommend: the enforcement camps talk first, the
	# sources close it.
	advice=$BATS_TEST_TMPDIR/advice
	printf '%s\n' "$output" | sed -n '/^== recommend/,$p' > "$advice"
	grep -qx '1. Where the group stands' "$advice"
	assert_equal "$(sed -n '/^2. Talk first/,/^3. /p' "$advice" | grep -m 1 -x 'Enforcement')" Enforcement
	assert_equal "$(grep -x '[0-9]. [A-Z][a-z ]*' "$advice" | tail -1)" "8. Sources"
	# The sources close it, each with its address where it has one.
	printf '%s\n' "${lines[${#lines[@]} - 1]}" | grep -q 'https://'
	# A small private employer: its staff remark on the posted draft.
	grep -q '^employer of about 14 people, with client work\.$' "$advice"
	grep -q 'posted for 15 days' "$advice"
	[ "$(printf '%s\n' "$output" | grep -c '^demo	')" -eq 70 ]
	printf '%s\n' "$output" | grep -qx 'collect: 65 lines and 10 form answers read: 70 answers written, 5 superseded, 0 after --until, 0 in other rounds, 0 rejected'
	printf '%s\n' "$output" | grep -qx 'steering          14          0       0     100    60.0'
	printf '%s\n' "$output" | grep -qx 'ilse	admin	5/5	2026-11-27T16:00:00Z	-	complete	-'
	assert_equal "$(printf '%s\n' "$output" | sed -n '/^== collect --missing/,/^$/p' | sed '1d;$d')" "$(printf 'olivia\tyouth-work\tolivia@example.org\t-\npieter\tadmin\tpieter@example.org\t-')"
}

@test "the README's round runs as written" {
	cd "$BATS_TEST_TMPDIR"
	# The indented commands of "One round", continuation lines joined,
	# but for the ones that wait for a person at a terminal.
	awk '/^## One round/ { inside = 1; next } /^## / { inside = 0 }
	    /^```/ { picture = !picture; next }
	    inside && !picture && /^    / { sub(/^    /, ""); print }' "$TOP/README.md" |
	    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' |
	    grep -v -e '^ask -p ann -g youth-work -o round.tsv$' -e '^ask -q mine.txt$' > commands
	assert_number "$(wc -l < commands)" -eq 21
	run -0 bash -e commands
	assert_number "$(wc -l < round.tsv)" -eq 10
	assert_equal "$(cut -f1 answers.tsv | sort -u)" 2026-spring
	assert_number "$(wc -l < answers.tsv)" -eq 10
	grep -q '^stance-participant: mona$' mona-form.txt
	# Round two by mail: a form each for those with an address, each
	# with what the person answered in round one.
	assert_equal "$(grep -c '^stance-round: 2026-autumn$' forms.mbox)" 2
	grep -q '^From: "Sofie Peeters" <sofie@example.org>$' forms.mbox
	# recommend, in Dutch Markdown: two answers are too few for advice.
	grep -qx '# Advies uit ronde 2026-spring' advies.md
	grep -qx 'Te weinig antwoorden (2) om te zeggen waar de groep staat. Geen advies.' advies.md
	grep -q "floor-secrecy)$" advice.txt
	# The organisation as the README gives it: options, then a file.
	grep -q 'Voor een private werkgever van ongeveer 60 mensen, met werk met cliënten\.$' advies.md
	tr '\n' ' ' < advice.txt | grep -q 'For De Brug vzw: a public employer of about 60 people, with client work\.'
	grep -q "floor-neutrality)$" advice.txt
	grep -qx '<title id="title">Weighing up what your social media policy should look like</title>' round.svg
	# The reasons gathered: two answers are too few for any.
	assert_equal "$(grep -c '^# fewer than 5 answered with a position: no reasons$' reasons.txt)" 5
	# Two answered: too few to show the group's figures to anyone.
	grep -qx 'Your last answer: 0%.' bram-form.txt
	! grep -q '^Last round' bram-form.txt
	# --missing printed mona's roster line; aggregate its rows (the
	# groups too small to show); awk the spread.
	assert_equal "${lines[0]}" "mona	admin	mona@example.org	Mona"
	assert_equal "${lines[1]%%	*}" "#round"
	assert_equal "$(printf '%s\n' "${lines[2]}" | cut -f1-4,16)" "2026-spring	*	steering	2	too-few"
	printf '%s\n' "$output" | grep -q '^2026-spring  *admin  *steering  *1 .* suppressed '
	assert_equal "$(printf '%s\n' "$output" | grep -m 1 '^audience ')" "audience 100"
	printf '%s\n' "$output" | grep -q '^everyone  *n 2 '
	run -0 ask -q mine.txt --print-questionnaire
	assert_golden "$TOP/src/questionnaire-en.txt"
}

@test "make install builds only the programs; CPPFLAGS, CFLAGS and ARFLAGS are honoured" {
	copy=$BATS_TEST_TMPDIR/copy
	mkdir "$copy"
	(cd "$TOP" && git ls-files -z | xargs -0 tar cf - 2> /dev/null || tar cf - --exclude=.git .) |
	    (cd "$copy" && tar xf -)
	make -s -C "$copy" clean
	run -0 make -C "$copy" install DESTDIR="$BATS_TEST_TMPDIR/dest" CPPFLAGS=-DSTANCE_TEST_CPPFLAGS \
	    CFLAGS=-O0 ARFLAGS=crs
	[ ! -e "$copy/tests/formatcheck" ]
	printf '%s\n' "$output" | grep -q -- '-DSTANCE_TEST_CPPFLAGS -O0 -Wall'
	printf '%s\n' "$output" | grep -q 'ar crs src/libstance.a'
}

@test "make check-valgrind runs every program under valgrind: each has its link" {
	for program in "$TOP"/bin/* "$TOP/tests/formatcheck" "$TOP/tests/digestcheck"; do
		[ "$(readlink "$TOP/tests/valgrind/$(basename "$program")")" = run-under-valgrind ] ||
		    { echo "no tests/valgrind/$(basename "$program")"; false; }
	done
}

@test "no circle among the modules' includes: arrows point down only" {
	run -0 python3 - "$TOP/src" <<-'END'
	import glob, os, re, sys
	deps = {}
	for f in glob.glob(os.path.join(sys.argv[1], "*.[ch]")):
	    m = os.path.basename(f).rsplit(".", 1)[0]
	    for inc in re.findall(r'#include "([a-z0-9-]+)\.h"', open(f).read()):
	        if inc != m:
	            deps.setdefault(m, set()).add(inc)
	def walk(m, path):
	    for d in sorted(deps.get(m, ())):
	        if d in path:
	            print(" -> ".join(path[path.index(d):] + [d]))
	            sys.exit(1)
	        walk(d, path + [d])
	for m in sorted(deps):
	    walk(m, [m])
	END
	assert_equal "$output" ""
	# alloc, at the bottom, includes nothing of ours but lang.
	assert_equal "$(grep -h '#include "' "$TOP/src/alloc.c" "$TOP/src/alloc.h" | sort -u | tr '\n' ' ')" '#include "alloc.h" #include "lang.h" '
}

@test "the figure README.md and chart(1) show is what chart draws now, and its PNG is that figure's size" {
	diff -u "$TOP/man/chart-figure.svg" <(awk -F'\t' 'NR == 1 || $3 == "steering"' \
	    "$FIXTURES/chart/svg/rounds.agg" | chart --svg) ||
	    { echo "man/chart-figure.svg is out of date: make figure"; false; }
	grep -q '^!\[chart --svg: two rounds of the first continuum\](man/chart-figure.png)$' "$TOP/README.md"
	# The PNG's width and height (its IHDR) are the SVG's.
	set -- $(sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/\1 \2/p' "$TOP/man/chart-figure.svg")
	assert_equal "$(od -An -tu1 -j16 -N8 "$TOP/man/chart-figure.png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')" "$1 $2"
}

#!/usr/bin/env bats
# collect with response lines: merging, deduplication and its ties,
# sorting, -r, --until, --rejects, every kind of bad line, directories,
# and reading while ask -o writes.

load test_helper

setup() {
	cd "$FIXTURES/collect"
}

@test "merge, deduplicate and sort two files" {
	run -0 collect a.tsv b.tsv
	assert_golden merged.expected
}

@test "a line that repeats the fields of the line before is still read whole" {
	# Fields equal to the last good line's are not checked again (make
	# bench); a refused line between must not leave its position behind.
	cd "$BATS_TEST_TMPDIR"
	{
		printf 'r\tbob\t-\tsteering\t70\t2026-11-25T09:30:00Z\t\n'
		printf 'r\tbob\t-\tsteering\t90\t2026-11-25T99:30:00Z\t\n'
		printf 'r\tbob\t-\tsteering\t70\t2026-11-25T10:30:00Z\t\n'
		printf 'r\tbob\t-\tsteering\t70\t2026-11-25T10:30:00Z\tbad \\q\n'
		printf 'r\tbob\t-\tsteering\t70\t2026-11-25T10:30:00Z\t\n'
		printf 'r\tb\303\251\t-\topenness\t20\t2026-02-29T10:30:00Z\t\n'
		printf 'r\tb\303\251\t-\topenness\t20\t2026-02-28T10:30:00Z\t\n'
	} > repeat.tsv
	run -1 --separate-stderr collect repeat.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: repeat.tsv:2: time '2026-11-25T99:30:00Z' is not a UTC time YYYY-MM-DDThh:mm:ssZ
	collect: repeat.tsv:4: note has a backslash that is not \\, \t, \n or \r
	collect: repeat.tsv:6: time '2026-02-29T10:30:00Z' is not a UTC time YYYY-MM-DDThh:mm:ssZ
	END
	diff -u - <(printf '%s\n' "$output") <<-'END'
	r	bob	-	steering	70	2026-11-25T10:30:00Z	
	r	bé	-	openness	20	2026-02-28T10:30:00Z	
	END
}

@test "the same inputs give byte-identical output, from files or standard input" {
	collect a.tsv b.tsv > "$BATS_TEST_TMPDIR/one"
	cat a.tsv b.tsv | collect > "$BATS_TEST_TMPDIR/two"
	collect a.tsv - < b.tsv > "$BATS_TEST_TMPDIR/three"
	cmp "$BATS_TEST_TMPDIR/one" merged.expected
	cmp "$BATS_TEST_TMPDIR/two" merged.expected
	cmp "$BATS_TEST_TMPDIR/three" merged.expected
}

@test "a tie in time goes to the later input, whichever file comes first" {
	run -0 collect b.tsv a.tsv
	[ "$(printf '%s\n' "$output" | grep -c 'tie, earlier input')" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c 'tie, later input')" -eq 0 ]
	assert_equal "$(printf '%s\n' "$output" | grep '^2026-spring	ann	team-a	steering')" "2026-spring	ann	team-a	steering	0	2026-11-20T09:00:00Z	"
}

@test "-v counts what was read, written and superseded" {
	run -0 --separate-stderr collect -v a.tsv b.tsv
	assert_equal "$stderr" "collect: 16 lines and 0 form answers read: 12 answers written, 4 superseded, 0 after --until, 0 in other rounds, 0 rejected"
}

@test "-r keeps one round; --until leaves out late answers and says how many" {
	run -0 --separate-stderr collect -v -r 2026-spring --until 2026-11-25T00:00:00Z a.tsv b.tsv
	assert_golden until.expected
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: 1 answers given after 2026-11-25T00:00:00Z left out (--until)
	collect: 16 lines and 0 form answers read: 10 answers written, 4 superseded, 1 after --until, 1 in other rounds, 0 rejected
	END
}

@test "--until at the very second of an answer keeps it" {
	run -0 collect --until 2026-11-24T23:59:59Z b.tsv
	printf '%s\n' "$output" | grep -q 'enforcement	20	2026-11-24T23:59:59Z'
	run -0 collect --until 2026-11-24T23:59:58Z b.tsv
	! printf '%s\n' "$output" | grep -q 'enforcement	20' || false
}

@test "bad option values are usage errors" {
	run -2 collect --until tomorrow a.tsv
	assert_equal "$output" "collect: --until 'tomorrow' is not a time like 2026-12-01T17:00:00Z, 2026-12-01T17:00+01:00 or 2026-12-01 17:00 (local time)"
	run -2 collect -r 'a b' a.tsv
	assert_equal "$output" "collect: round 'a b' contains white space"
	run -2 --separate-stderr collect --missing a.tsv
	assert_equal "${stderr%%$'\n'*}" "collect: --missing needs --roster"
	run -2 --separate-stderr collect --missing --status --roster x a.tsv
	assert_equal "${stderr%%$'\n'*}" "collect: --missing and --status do not go together"
	run -2 --separate-stderr collect --bogus
	assert_equal "${stderr%%$'\n'*}" "collect: unknown option --bogus"
	run -2 --separate-stderr collect --rejects
	assert_equal "${stderr%%$'\n'*}" "collect: option --rejects needs an argument"
}

@test "--help, --version, and a full disk" {
	run -0 collect --help
	assert_equal "${lines[0]}" "usage: collect [-v | --quiet] [-L lang] [-q file] [-r round] [--roster file]"
	run -0 collect --version
	[[ $output =~ ^collect\ \(stance\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	run -2 bash -c 'collect a.tsv b.tsv > /dev/full'
	assert_equal "$output" "collect: write error on standard output: No space left on device"
}

@test "every kind of bad line is reported and skipped; good lines still go through" {
	cd "$BATS_TEST_TMPDIR"
	T=$'\t'
	{
		printf '1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\tgood\n'
		printf '1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\n'
		printf '1\tann\t-\tsteer\t50\t2026-11-25T09:30:00Z\t\n'
		printf '1\tann\t-\topenness\t140\t2026-11-25T09:30:00Z\t\n'
		printf '1\tann\t-\topenness\t50\t2026-11-31T09:30:00Z\t\n'
		printf '1\t\xc3(ann\t-\topenness\t50\t2026-11-25T09:30:00Z\t\n'
		printf '1\tann\t-\topenness\t5\x000\t2026-11-25T09:30:00Z\t\n'
		printf '1\tbob\t-\tlegal\t20\t2026-11-25T09:30:00Z\tcrlf is fine\r\n'
		printf 'just text\n'
		printf '1\tann\t-\taudience\t7'
	} > bad.tsv
	run -1 --separate-stderr collect --rejects rejects.tsv bad.tsv
	diff -u - <(printf '%s\n' "$output") <<-'END'
	1	ann	-	steering	50	2026-11-25T09:30:00Z	good
	1	bob	-	legal	20	2026-11-25T09:30:00Z	crlf is fine
	END
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: bad.tsv:2: 6 tab-separated fields where 7 are expected
	collect: bad.tsv:3: unknown continuum 'steer' (questionnaire social-media-policy has steering, openness, enforcement, legal, audience)
	collect: bad.tsv:4: position 140 is outside 0-100
	collect: bad.tsv:5: time '2026-11-31T09:30:00Z' is not a UTC time YYYY-MM-DDThh:mm:ssZ
	collect: bad.tsv:6: participant '\xc3(ann' is not valid UTF-8
	collect: bad.tsv:7: line contains a NUL byte
	collect: bad.tsv:9: not a response line: it has no tabs (7 tab-separated fields are expected)
	collect: bad.tsv:10: 5 tab-separated fields where 7 are expected
	END
	# The rejected lines, byte for byte (a torn last line gets its newline).
	diff -u <(sed -n '2,7p;9,10p' bad.tsv; echo) rejects.tsv
}

@test "a file of nothing but bad lines is reported whole" {
	cd "$BATS_TEST_TMPDIR"
	printf 'one\ntwo\n' > junk
	run -1 collect junk
	diff -u - <(printf '%s\n' "$output") <<-'END'
	collect: junk:1: not a response line: it has no tabs (7 tab-separated fields are expected)
	collect: junk:2: not a response line: it has no tabs (7 tab-separated fields are expected)
	END
}

@test "a 1 MiB line goes through whole" {
	cd "$BATS_TEST_TMPDIR"
	note=$(head -c 1048576 /dev/zero | tr '\0' 'n')
	printf '1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\t%s\n' "$note" > long.tsv
	run -0 collect long.tsv
	cmp <(printf '%s\n' "$output") long.tsv
}

@test "--rejects appends, and a rejects file that cannot be written stops collect" {
	cd "$BATS_TEST_TMPDIR"
	printf 'x\n' > one
	run -1 collect --rejects rejects one
	run -1 collect --rejects rejects one
	assert_equal "$(cat rejects)" "$(printf 'x\nx')"
	run -2 collect --rejects /nonexistent/rejects one
	assert_equal "$output" "collect: /nonexistent/rejects: cannot open: No such file or directory"
}

@test "a missing input is reported, the others are still read, exit 2" {
	run -2 --separate-stderr collect a.tsv missing.tsv b.tsv
	assert_golden merged.expected
	assert_equal "$stderr" "collect: missing.tsv: No such file or directory"
}

@test "a directory: every regular file in name order, hidden ones and subdirectories left" {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p round/sub
	cp "$FIXTURES/collect/b.tsv" round/2-b.tsv
	cp "$FIXTURES/collect/a.tsv" round/1-a.tsv
	echo junk > round/.hidden
	run -0 --separate-stderr collect round
	assert_golden "$FIXTURES/collect/merged.expected"
	assert_equal "$stderr" "collect: round/sub: a directory inside a directory is not read; name it to read it"
}

@test "a Maildir: new/ and cur/ are read, tmp/ is not" {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p mail/new mail/cur mail/tmp
	cp "$FIXTURES/collect/a.tsv" mail/cur/1
	cp "$FIXTURES/collect/b.tsv" mail/new/2
	echo junk > mail/tmp/3
	run -0 collect mail
	assert_golden "$FIXTURES/collect/merged.expected"
}

@test "an unknown round in -r gives nothing, and says so with -v" {
	run -0 --separate-stderr collect -v -r 1999 a.tsv
	[ -z "$output" ]
	assert_equal "$stderr" "collect: 9 lines and 0 form answers read: 0 answers written, 0 superseded, 0 after --until, 9 in other rounds, 0 rejected"
}

@test "another questionnaire with -q" {
	cd "$BATS_TEST_TMPDIR"
	ask -q "$FIXTURES/formats/custom.questionnaire" -p ann pace=1 place-2=3 > r.tsv
	ask -p ann steering=1 openness=1 enforcement=1 legal=1 audience=1 >> r.tsv
	run -1 --separate-stderr collect -q "$FIXTURES/formats/custom.questionnaire" r.tsv
	assert_number "${#lines[@]}" -eq 2
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 5 ]
	assert_equal "${stderr%%$'\n'*}" "collect: r.tsv:3: unknown continuum 'steering' (questionnaire team-week has pace, place-2)"
}

@test "messages in Dutch" {
	cd "$BATS_TEST_TMPDIR"
	printf '1\tann\t-\tsteering\t140\t2026-11-25T09:30:00Z\t\n' > bad.tsv
	run -1 collect -L nl bad.tsv
	assert_equal "$output" "collect: bad.tsv:1: positie 140 ligt buiten 0-100"
}

@test "reading while fifty ask -o append never yields a torn line" {
	cd "$BATS_TEST_TMPDIR"
	for i in $(seq 50); do
		ask -p "p$i" -o live.tsv "steering=1 $(head -c 3000 /dev/zero | tr '\0' n)" \
		    openness=2 enforcement=- legal=2.5 audience=33.3% &
	done
	# Read again and again while they write: every read must be clean.
	for i in $(seq 30); do
		[ -e live.tsv ] || continue
		collect live.tsv > out.$i 2> err.$i || { cat err.$i; false; }
		[ ! -s err.$i ]
	done
	wait
	run -0 collect live.tsv
	assert_number "${#lines[@]}" -eq 250
}

@test "collect waits for the lock that ask -o holds while it appends" {
	command -v flock > /dev/null || skip "flock(1) is not installed"
	cd "$BATS_TEST_TMPDIR"
	cp "$FIXTURES/collect/a.tsv" locked.tsv
	flock locked.tsv sleep 1 &
	sleep 0.2
	start=$(date +%s%N)
	run -0 collect locked.tsv
	waited=$(( ($(date +%s%N) - start) / 1000000 ))
	wait
	assert_number "$waited" -ge 500
	assert_number "${#lines[@]}" -eq 9
}

@test "standard input feeds one thing only" {
	run -2 collect -q - < /dev/null
	assert_equal "$output" "collect: standard input (-) can be read for one thing only: the questionnaire, the roster or the answers"
	run -2 collect --roster - a.tsv - < /dev/null
	assert_equal "$output" "collect: standard input (-) can be read for one thing only: the questionnaire, the roster or the answers"
	run -0 collect --roster - --status -r 2026-spring a.tsv < "$FIXTURES/roster/roster.tsv"
	assert_number "${#lines[@]}" -eq 4
}

@test "a byte-order mark from a Windows editor is not part of the first line" {
	printf '\xef\xbb\xbf' | cat - a.tsv | sed 's/\r\?$/\r/' > "$BATS_TEST_TMPDIR/excel.tsv"
	run -0 collect "$BATS_TEST_TMPDIR/excel.tsv"
	assert_equal "$output" "$(collect a.tsv)"
}

@test "bad lines before the first good one are counted and reported in order" {
	cd "$BATS_TEST_TMPDIR"
	printf 'bad one\n1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' > h.tsv
	run -1 --separate-stderr collect -v h.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: h.tsv:1: not a response line: it has no tabs (7 tab-separated fields are expected)
	collect: 2 lines and 0 form answers read: 1 answers written, 0 superseded, 0 after --until, 0 in other rounds, 1 rejected
	END
	seq 1200 | sed 's/^/junk /' > many.txt
	run -1 --separate-stderr collect -v many.txt
	assert_equal "$(printf '%s\n' "$stderr" | sed '$d' | cut -d: -f3 | tr '\n' ' ')" "$(seq 1200 | tr '\n' ' ')"
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "collect: 1200 lines and 0 form answers read: 0 answers written, 0 superseded, 0 after --until, 0 in other rounds, 1200 rejected"
}

@test "a participant compared with a shorter one stored at the end of the table is not read past it" {
	# Seventy lines laid out so that the last stored name ends at the
	# table's last byte and a longer one probes it: memcmp once read past
	# the end (ASan: heap-buffer-overflow in intern.c).
	run -0 --separate-stderr collect intern-overread.tsv
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 70 ]
	diff -u <(cut -f2 intern-overread.tsv | sort) <(printf '%s\n' "$output" | cut -f2)
}

@test "the --rejects file is never read as an input: named, in a directory, or on stdin" {
	cd "$BATS_TEST_TMPDIR"
	mkdir in
	printf 'bad line\n' > in/bad.tsv
	cp "$FIXTURES/collect/a.tsv" in/a.tsv
	run -2 --separate-stderr collect --rejects in/bad.tsv in/bad.tsv in/a.tsv
	assert_equal "$stderr" "collect: in/bad.tsv: is the --rejects file; it is not read as input"
	assert_equal "$(cat in/bad.tsv)" "bad line"
	assert_number "${#lines[@]}" -eq 9
	run -2 --separate-stderr collect --rejects in/bad.tsv in
	assert_equal "$stderr" "collect: in/bad.tsv: is the --rejects file; it is not read as input"
	assert_equal "$(cat in/bad.tsv)" "bad line"
	run -2 --separate-stderr collect --rejects in/bad.tsv - < in/bad.tsv
	assert_equal "$stderr" "collect: <stdin>: is the --rejects file; it is not read as input"
	assert_equal "$(cat in/bad.tsv)" "bad line"
}

@test "--rejects is created 0600 and, like ask -o, refuses a link or a FIFO" {
	cd "$BATS_TEST_TMPDIR"
	printf 'x\n' > one
	run -1 collect --rejects rejects one
	assert_equal "$(stat -c %a rejects)" 600
	ln -s rejects link
	run -2 collect --rejects link one
	assert_equal "$output" "collect: link: is a symbolic link; refusing to write through it"
	mkfifo fifo
	run -2 timeout 10 collect --rejects fifo one
	assert_equal "$output" "collect: fifo: is not a regular file; answers are only appended to a file"
}

@test "a round named like a mail header (Q1:) is read as response lines, not as mail" {
	cd "$BATS_TEST_TMPDIR"
	ask -r 'Q1:' -p ann steering=1 openness=2 enforcement=- legal=3 audience=2 > round.tsv
	run -0 --separate-stderr collect -v round.tsv
	diff -u round.tsv <(printf '%s\n' "$output")
	assert_equal "$stderr" "collect: 5 lines and 0 form answers read: 5 answers written, 0 superseded, 0 after --until, 0 in other rounds, 0 rejected"
}

@test "response lines in a mail message or after a form are reported, never answers" {
	cd "$BATS_TEST_TMPDIR"
	ask --form -r r1 -p ann > form.txt
	sed -i 's/^\[ \] 1\./[x] 1./' form.txt
	{
		printf 'From ann@example.org Mon Nov 24 10:00:00 2026\n'
		printf 'Date: Mon, 24 Nov 2026 10:00:00 +0000\n\n'
		cat form.txt
		printf '\n'
		ask -r r1 -p bob steering=2 openness=2 enforcement=2 legal=2 audience=2 | head -n 1
	} > replies.mbox
	run -1 --separate-stderr collect -v replies.mbox
	assert_output_is <<-END
	$(ask -r r1 -p ann steering=1 openness=1 enforcement=1 legal=1 audience=1 |
	    sed 's/2026-11-25T09:30:00Z/2026-11-24T10:00:00Z/')
	END
	assert_output_is_stderr() { diff -u - <(printf '%s\n' "$stderr"); }
	assert_output_is_stderr <<-END
	collect: replies.mbox:$(($(wc -l < form.txt) + 5)): a response line in a form or mail message is not counted: answers come by mail only on forms, and response lines need a file of their own
	collect: 1 lines and 5 form answers read: 5 answers written, 0 superseded, 0 after --until, 0 in other rounds, 1 rejected
	END
	# The same in a saved form, and quoted-printable in a message.
	{ cat form.txt; ask -r r1 -p bob steering=2 openness=- enforcement=- legal=- audience=- | head -n 1; } > form+line.txt
	run -1 --separate-stderr collect form+line.txt
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | sort -u)" ann
	assert_equal "$stderr" "collect: form+line.txt:$(wc -l < form+line.txt): a response line in a form or mail message is not counted: answers come by mail only on forms, and response lines need a file of their own"
	{
		printf 'From: bob@example.org\nDate: Mon, 24 Nov 2026 10:00:00 +0000\n'
		printf 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n'
		printf 'r1=09ann=09-=09steering=09100=092026-11-24T11:00:00Z=09\n'
	} > planted.eml
	run -1 --separate-stderr collect planted.eml
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: planted.eml:6: a response line in a form or mail message is not counted: answers come by mail only on forms, and response lines need a file of their own
collect: planted.eml:1: the message from bob@example.org has no stance form in it"
}

@test "a time from the future is reported and does not win; ten minutes of clock skew are allowed" {
	cd "$BATS_TEST_TMPDIR"
	# STANCE_NOW ahead of the clock is now: the boundary is exact.
	export STANCE_NOW=2099-01-01T00:00:00Z
	line() { printf 'r1\tann\t-\tsteering\t%s\t%s\t\n' "$1" "$2"; }
	{ line 0 2099-01-01T00:00:00Z; line 50 2099-01-01T00:10:00Z; } > skew.tsv
	run -0 collect skew.tsv
	assert_equal "$output" "$(line 50 2099-01-01T00:10:00Z)"
	{ line 0 2099-01-01T00:00:00Z; line 100 2099-01-01T00:10:01Z; } > future.tsv
	run -1 --separate-stderr collect future.tsv
	assert_equal "$output" "$(line 0 2099-01-01T00:00:00Z)"
	assert_equal "$stderr" "collect: future.tsv:2: time 2099-01-01T00:10:01Z lies in the future (now is 2099-01-01T00:00:00Z): a clock is wrong or the line was made up; it is not counted"
	# STANCE_NOW behind the clock does not make yesterday's answers future.
	line 50 "$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)" > yesterday.tsv
	STANCE_NOW=2000-01-01T00:00:00Z run -0 collect yesterday.tsv
	# A mail whose Date lies ahead: the answers take the file's time.
	ask --form -r r1 -p ann | sed 's/^\[ \] 1\./[x] 1./' > form.txt
	{ printf 'From: ann@example.org\nDate: Thu, 01 Jan 2099 00:10:01 +0000\n\n'; cat form.txt; } > ahead.eml
	touch -d 2098-12-31T12:00:00Z ahead.eml
	run -1 --separate-stderr collect ahead.eml
	assert_equal "$stderr" "collect: ahead.eml:2: Date 2099-01-01T00:10:01Z lies in the future (now is 2099-01-01T00:00:00Z); the answers in this message take the file's time"
	assert_equal "$(printf '%s\n' "$output" | cut -f6 | sort -u)" 2098-12-31T12:00:00Z
	sed -i 's/00:10:01/00:10:00/' ahead.eml
	touch -d 2098-12-31T12:00:00Z ahead.eml
	run -0 collect ahead.eml
	assert_equal "$(printf '%s\n' "$output" | cut -f6 | sort -u)" 2099-01-01T00:10:00Z
	# A saved form whose file time lies ahead is not counted at all.
	touch -d 2099-01-01T00:10:01Z form.txt
	run -1 --separate-stderr collect form.txt
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: form.txt:$(grep -n '^stance-form:' form.txt | cut -d: -f1): form of ann: the file's time 2099-01-01T00:10:01Z lies in the future (now is 2099-01-01T00:00:00Z); its answers are not counted"
	touch -d 2099-01-01T00:10:00Z form.txt
	run -0 collect form.txt
}

@test "a last line cut off while being written is reported, never counted, wherever it was cut" {
	cd "$BATS_TEST_TMPDIR"
	ask -p ann -r r1 steering=1 openness=2 enforcement=- legal=3 'audience=2 a note that a kill -9 can cut' > whole.tsv
	size=$(stat -c %s whole.tsv)
	last=$(tail -n 1 whole.tsv | wc -c)
	# Cut after every byte of the last line but its newline.
	for cut in $(seq $((size - last + 1)) $((size - 1))); do
		head -c "$cut" whole.tsv > torn.tsv
		run -1 --separate-stderr collect torn.tsv
		assert_number "${#lines[@]}" -eq 4 || { echo "cut at $cut: ${#lines[@]} lines"; false; }
		case $stderr in
		"collect: torn.tsv:5: "*) ;;
		*) echo "cut at $cut: $stderr"; false ;;
		esac
	done
	# Cut inside the note, the line still parses: only its end tells.
	head -c $((size - 5)) whole.tsv > torn.tsv
	run -1 --separate-stderr collect torn.tsv
	assert_equal "$stderr" "collect: torn.tsv:5: the last line has no newline: it may have been cut off while being written, so it is not counted (if it is whole, end it with a newline)"
	run -0 collect whole.tsv
	assert_number "${#lines[@]}" -eq 5
}

@test "--until takes an offset or the local time, converted to UTC" {
	run -0 --separate-stderr collect -v --until 2026-11-25T01:00+01:00 a.tsv b.tsv
	assert_equal "${stderr%%$'\n'*}" "collect: 1 answers given after 2026-11-25T00:00:00Z left out (--until)"
	TZ=CET-1 run -0 --separate-stderr collect --until '2026-11-25 01:00' a.tsv b.tsv
	assert_equal "$stderr" "collect: 1 answers given after 2026-11-25T00:00:00Z left out (--until)"
	TZ=UTC run -0 --separate-stderr collect --until '2026-11-25 00:00:00' a.tsv b.tsv
	assert_equal "$stderr" "collect: 1 answers given after 2026-11-25T00:00:00Z left out (--until)"
	run -0 --separate-stderr collect --until 2026-11-24T19:00-0500 a.tsv b.tsv
	assert_equal "$stderr" "collect: 1 answers given after 2026-11-25T00:00:00Z left out (--until)"
	run -2 collect --until 2026-11-25T25:00Z a.tsv
	run -2 collect --until 2026-11-25T01:00+1 a.tsv
}

@test "--rejects keeps a CRLF line byte for byte, and a failed write to it stops collect" {
	cd "$BATS_TEST_TMPDIR"
	printf 'bad one\r\nbad two\n' > bad.tsv
	run -1 collect --rejects rejects.tsv bad.tsv
	cmp bad.tsv rejects.tsv
	# Three long bad lines do not fit under a 1 KiB file size limit.
	for i in 1 2 3; do printf 'x%.0s' $(seq 1000); echo; done > many.tsv
	run -2 --separate-stderr bash -c 'ulimit -f 1; exec collect --rejects r2.tsv many.tsv'
	assert_equal "${stderr##*$'\n'}" "collect: r2.tsv: write error: File too large"
}

@test "a group named * is refused wherever a group is read: it stands for everyone" {
	cd "$BATS_TEST_TMPDIR"
	run -2 --separate-stderr ask -p ann -g '*' steering=1
	assert_equal "$stderr" "ask: group '*' is *, which stands for everyone in aggregate's output; give another with -g"
	printf 'r1\tann\t*\tsteering\t0\t2026-11-25T09:00:00Z\t\nr1\tbob\t**\tsteering\t0\t2026-11-25T09:00:00Z\t\n' > star.tsv
	run -1 --separate-stderr collect star.tsv
	assert_equal "$stderr" "collect: star.tsv:1: group '*' is *, which stands for everyone in aggregate's output"
	assert_equal "$output" "$(printf 'r1\tbob\t**\tsteering\t0\t2026-11-25T09:00:00Z\t')"
	run -1 --separate-stderr aggregate star.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "aggregate: star.tsv:1: group '*' is *, which stands for everyone in aggregate's output"
	printf 'ann\t*\t-\tAnn\n' > roster.tsv
	run -1 --separate-stderr collect --roster roster.tsv --missing star.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "collect: roster.tsv:1: group '*' is *, which stands for everyone in aggregate's output"
	# A form whose header was edited to *, its check made to match.
	ask --form -r r1 -p ann -g staff | sed 's/^\[ \] 1\./[x] 1./; s/^stance-group: staff/stance-group: */' > form.txt
	run -1 --separate-stderr collect form.txt
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: form.txt:$(grep -n '^stance-group:' form.txt | cut -d: -f1): form of ann: stance-group '*' is *, which stands for everyone in aggregate's output; the form's answers are not used"
}

@test "--quiet, for cron: bad input is not said, the exit status still says it, the good answers still come out" {
	printf '1\tann\tstaff\tsteering\t50\t2026-11-25T09:00:00Z\t\nnot a line\n1\tbob\tstaff\tsteering\t500\t2026-11-25T09:00:00Z\t\n' > some.tsv
	run -1 --separate-stderr collect --quiet some.tsv
	assert_equal "$stderr" ""
	assert_equal "$(printf '%s\n' "$output" | cut -f2)" "ann"
	run -1 --separate-stderr collect some.tsv
	assert_equal "$(printf '%s\n' "$stderr" | grep -c '^collect: some.tsv:')" 2
	# What stops the work is said all the same.
	run -2 --separate-stderr collect --quiet missing.tsv
	assert_equal "$stderr" "collect: missing.tsv: No such file or directory"
	run -2 --separate-stderr collect --quiet -v some.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "collect: -v and --quiet do not go together"
}

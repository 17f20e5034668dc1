#!/usr/bin/env bats
# ask, scripted: answers from arguments and from standard input, every
# rejection, and the all-or-nothing append of -o.

load test_helper

ALL='steering=1 openness=1 enforcement=1 legal=1 audience=1'

@test "answers as arguments, with notes, give one line per continuum" {
	run -0 ask -r r1 -p ann -g staff steering=2 'openness=40% quite open, really' \
	    enforcement=- 'legal=2.5 between \ two	things' audience=3
	assert_golden "$FIXTURES/ask/args.expected"
}

@test "arguments may come in any order; output keeps questionnaire order" {
	run -0 ask -p ann audience=3 legal=4 enforcement=2 openness=1 steering=1
	assert_output_is <<-'END'
	1	ann	-	steering	0	2026-11-25T09:30:00Z	
	1	ann	-	openness	0	2026-11-25T09:30:00Z	
	1	ann	-	enforcement	100	2026-11-25T09:30:00Z	
	1	ann	-	legal	100	2026-11-25T09:30:00Z	
	1	ann	-	audience	100	2026-11-25T09:30:00Z	
	END
}

@test "answers on standard input, one per line, notes after white space" {
	run -0 ask < "$FIXTURES/ask/stdin.input"
	assert_golden "$FIXTURES/ask/stdin.expected"
}

@test "standard input with CRLF endings and no final newline" {
	run -0 ask -p ann < <(printf '1\r\n2 a note\r\n-\r\n4\r\n3')
	assert_output_is <<-'END'
	1	ann	-	steering	0	2026-11-25T09:30:00Z	
	1	ann	-	openness	100	2026-11-25T09:30:00Z	a note
	1	ann	-	enforcement	-	2026-11-25T09:30:00Z	
	1	ann	-	legal	100	2026-11-25T09:30:00Z	
	1	ann	-	audience	100	2026-11-25T09:30:00Z	
	END
}

@test "defaults: participant is the login name, round from STANCE_ROUND, group -" {
	STANCE_ROUND=spring-2026 run -0 ask $ALL
	assert_equal "${lines[0]}" "spring-2026	tester	-	steering	0	2026-11-25T09:30:00Z	"
	assert_number "${#lines[@]}" -eq 5
	STANCE_ROUND= LOGNAME= run -0 ask $ALL
	assert_equal "${lines[0]}" "1	$(id -un)	-	steering	0	2026-11-25T09:30:00Z	"
}

@test "-r overrides STANCE_ROUND" {
	STANCE_ROUND=a run -0 ask -r b $ALL
	[[ ${lines[0]} == b$'\t'* ]]
}

@test "without STANCE_NOW the time is the clock's, in UTC" {
	unset STANCE_NOW
	before=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	run -0 ask $ALL
	after=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	time=$(printf '%s\n' "${lines[0]}" | cut -f6)
	[[ ! $time < $before && ! $time > $after ]]
}

@test "a bad STANCE_NOW is a usage error" {
	STANCE_NOW=yesterday run -2 ask $ALL
	assert_output_is <<-'END'
	ask: STANCE_NOW='yesterday' is not a UTC time like 2026-11-25T09:30:00Z
	END
}

@test "every wrong argument is reported, nothing is written, exit 2" {
	run -2 --separate-stderr ask steering=7 openness=5% openness=1 foo=1 legal 'enforcement=1 bell'$'\a' audience=x
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: steering: '7' is not an answer (no such anchor): give an anchor number 1-3 (1.5 lies between 1 and 2), a percentage like 40%, or - for no opinion
	ask: openness is answered twice
	ask: unknown continuum 'foo' (questionnaire social-media-policy has steering, openness, enforcement, legal, audience)
	ask: 'legal' is not continuum=answer
	ask: enforcement: the note contains a control character
	ask: audience: 'x' is not an answer (not an anchor number, a percentage or -): give an anchor number 1-3 (1.5 lies between 1 and 2), a percentage like 40%, or - for no opinion
	ask: nothing written
	END
}

@test "a percentage written with a space before its sign, as in Dutch, is a percentage" {
	run -0 ask -p ann 'steering=2 %' 'openness=40 % open, with care' 'enforcement=2 %x' legal=1 $'audience=33,3\t%'
	assert_output_is <<-END
	1	ann	-	steering	2	$STANCE_NOW	
	1	ann	-	openness	40	$STANCE_NOW	open, with care
	1	ann	-	enforcement	100	$STANCE_NOW	%x
	1	ann	-	legal	0	$STANCE_NOW	
	1	ann	-	audience	33.3	$STANCE_NOW	
	END
	run -0 ask -p ann <<< $'2 %\n40 %\n-\n1\n3'
	assert_equal "$(printf '%s\n' "$output" | cut -f5 | tr '\n' ' ')" "2 40 - 0 100 "
	# 140 % is as wrong as 140%.
	run -2 --separate-stderr ask -p ann 'steering=140 %' openness=1 enforcement=1 legal=1 audience=1
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "ask: steering: '140%' is not an answer (a percentage lies between 0% and 100%): give an anchor number 1-3 (1.5 lies between 1 and 2), a percentage like 40%, or - for no opinion"
}

@test "a continuum left out is named; nothing is written" {
	run -2 --separate-stderr ask steering=1 openness=1 enforcement=1
	[ -z "$output" ]
	assert_equal "$stderr" "ask: no answer for legal, audience: every continuum needs one (- for no opinion); nothing written"
}

@test "standard input that ends halfway writes nothing" {
	run -2 --separate-stderr ask <<< $'1\n2\n'
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: <stdin>: input ended after 2 of 5 answers
	ask: no answer for enforcement, legal, audience: every continuum needs one (- for no opinion); nothing written
	END
}

@test "a bad answer on standard input names the line and the continuum" {
	run -2 --separate-stderr ask <<< $'1\n\n9\n1\n1\n1\n'
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: <stdin>:3: openness: '9' is not an answer (no such anchor): give an anchor number 1-2 (1.5 lies between 1 and 2), a percentage like 40%, or - for no opinion
	ask: nothing written
	END
}

@test "more answers than continua is an error, not a silent drop" {
	run -2 --separate-stderr ask <<< $'1\n1\n1\n1\n1\n1\n'
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: <stdin>:6: more answers than the questionnaire's 5 continua
	ask: nothing written
	END
}

@test "a NUL byte on standard input is refused" {
	run -2 --separate-stderr ask < <(printf '1\n1\x00\n1\n1\n1\n')
	[ -z "$output" ]
	assert_equal "${stderr%%$'\n'*}" "ask: <stdin>:2: line contains a NUL byte"
}

@test "trailing blanks and CR CR LF endings on standard input are answers, not NUL bytes" {
	run -0 --separate-stderr ask -p ann < <(printf '1 \n2\t\n-\r\r\n33.3%% \t\n1.5\r\r\n')
	[ -z "$stderr" ]
	assert_output_is <<-'END'
	1	ann	-	steering	0	2026-11-25T09:30:00Z	
	1	ann	-	openness	100	2026-11-25T09:30:00Z	
	1	ann	-	enforcement	-	2026-11-25T09:30:00Z	
	1	ann	-	legal	33.3	2026-11-25T09:30:00Z	
	1	ann	-	audience	25	2026-11-25T09:30:00Z	
	END
}

@test "many refused lines on standard input never run past the continua" {
	# Each refused line once moved the counter on, until it wrote past
	# the list of answers (a heap overflow under ASan, a crash without).
	run -2 --separate-stderr ask -p ann < <(for i in $(seq 300); do printf 'x\0y\n9\n'; done)
	[ -z "$output" ]
	[ "$(printf '%s\n' "$stderr" | grep -c 'line contains a NUL byte')" -eq 300 ]
	[ "$(printf '%s\n' "$stderr" | grep -c "'9' is not an answer")" -eq 300 ]
	assert_equal "${stderr##*$'\n'}" "ask: nothing written"
}

@test "a refused line does not move on: the next line answers the same continuum" {
	run -2 --separate-stderr ask -p ann < <(printf '1\nnine\n2\n1\n1\n1\n1\n')
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: <stdin>:2: openness: 'nine' is not an answer (not an anchor number, a percentage or -): give an anchor number 1-2 (1.5 lies between 1 and 2), a percentage like 40%, or - for no opinion
	ask: <stdin>:7: more answers than the questionnaire's 5 continua
	ask: nothing written
	END
}

@test "tokens are checked: participant, round, group" {
	run -2 ask -p 'ann smith' $ALL
	assert_equal "$output" "ask: participant 'ann smith' contains white space; give another with -p"
	run -2 ask -r '' $ALL
	assert_equal "$output" "ask: round '' is empty; give another with -r"
	run -2 ask -g "$(printf 'g%.0s' $(seq 65))" $ALL
	assert_equal "$output" "ask: group '$(printf 'g%.0s' $(seq 65))' is longer than 64 bytes; give another with -g"
	run -2 ask -r $'a\tb' $ALL
	assert_equal "$output" "ask: round 'a\\x09b' contains white space; give another with -r"
}

@test "-o creates the file with mode 0600 and appends to it" {
	f=$BATS_TEST_TMPDIR/round.tsv
	run -0 ask -p ann -o "$f" $ALL
	[ -z "$output" ]
	assert_equal "$(stat -c %a "$f")" 600
	run -0 ask -p bob -o "$f" $ALL
	[ "$(wc -l < "$f")" -eq 10 ]
	assert_equal "$(cut -f2 "$f" | uniq | tr '\n' ' ')" "ann bob "
}

@test "-o keeps the mode of an existing file" {
	f=$BATS_TEST_TMPDIR/round.tsv
	: > "$f"
	chmod 640 "$f"
	run -0 ask -o "$f" $ALL
	assert_equal "$(stat -c %a "$f")" 640
}

@test "-o ends a torn last line before appending, so no answer is glued to it" {
	f=$BATS_TEST_TMPDIR/round.tsv
	printf 'torn line without newline' > "$f"
	run -0 ask -p ann -o "$f" $ALL
	assert_equal "$(sed -n 1p "$f")" "torn line without newline"
	assert_equal "$(sed -n 2p "$f")" "1	ann	-	steering	0	2026-11-25T09:30:00Z	"
	[ "$(wc -l < "$f")" -eq 6 ]
}

@test "-o refuses a symbolic link and leaves its target alone" {
	echo keep > "$BATS_TEST_TMPDIR/target"
	ln -s "$BATS_TEST_TMPDIR/target" "$BATS_TEST_TMPDIR/link"
	run -2 ask -o "$BATS_TEST_TMPDIR/link" $ALL
	assert_equal "$output" "ask: $BATS_TEST_TMPDIR/link: is a symbolic link; refusing to write through it"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/target")" keep
}

@test "-o into a directory or a missing directory fails with exit 2" {
	run -2 ask -o "$BATS_TEST_TMPDIR" $ALL
	assert_equal "$output" "ask: $BATS_TEST_TMPDIR: cannot open: Is a directory"
	run -2 ask -o "$BATS_TEST_TMPDIR/no/such/file" $ALL
	assert_equal "$output" "ask: $BATS_TEST_TMPDIR/no/such/file: cannot open: No such file or directory"
}

@test "a short write is taken back: the file keeps its old size" {
	f=$BATS_TEST_TMPDIR/round.tsv
	head -c 1000 /dev/zero | tr '\0' x > "$f"
	echo >> "$f"
	cp "$f" "$BATS_TEST_TMPDIR/before"
	# A 1 KiB file size limit lets 23 of the 205 bytes through.
	# ask ignores SIGXFSZ itself, so it reports instead of dying.
	run -2 bash -c 'ulimit -f 1; exec ask -p ann -o "$1" '"$ALL" _ "$f"
	assert_equal "$output" "ask: $f: only 23 of 205 bytes could be written (file size limit?); nothing written"
	cmp "$f" "$BATS_TEST_TMPDIR/before"
}

@test "fifty ask -o processes at once lose and tear no line" {
	f=$BATS_TEST_TMPDIR/round.tsv
	for i in $(seq 50); do
		ask -p "p$i" -o "$f" 'steering=1 a note long enough to make the lines a decent size' \
		    openness=2 enforcement=- legal=2.5 audience=33.3% &
	done
	wait
	[ "$(wc -l < "$f")" -eq 250 ]
	# Every line well-formed, every participant's five lines together.
	run -0 formatcheck responses "$f"
	assert_number "${#lines[@]}" -eq 250
	[ "$(cut -f2 "$f" | uniq | wc -l)" -eq 50 ]
	[ "$(cut -f2 "$f" | sort -u | wc -l)" -eq 50 ]
}

@test "a full disk on standard output is an error, exit 2" {
	for args in "$ALL" --print-questionnaire --help --version; do
		run -2 bash -c "ask $args > /dev/full"
		assert_equal "$output" "ask: write error on standard output: No space left on device"
	done
}

@test "--help and --version go to standard output, exit 0" {
	run -0 ask --help
	assert_equal "${lines[0]}" "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
	run -0 ask -h
	assert_equal "${lines[0]}" "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
	run -0 ask --version
	[[ $output =~ ^ask\ \(stance\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "a usage error shows the synopsis on standard error, exit 2" {
	run -2 --separate-stderr ask -x
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: unknown option -x
	usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]
	           [-o file] [--plain] [--feedback file] [--previous file]
	           [--reasons file] [continuum=answer ...]
	       ask [-L lang] [-q file] [-r round] [-p participant] [-g group]
	           [--feedback file] [--previous file] [--reasons file] [--key file]
	           --form
	       ask [-L lang] [-q file] [-r round] [-g group] [--until time]
	           [--feedback file] [--previous file] [--reasons file]
	           [--meeting anonymous|named] [--url address] --key file -o file --web
	       ask [-L lang] [-q file] --print-questionnaire
	       ask --qr address
	END
	run -2 ask -L fr $ALL
	assert_equal "${lines[0]}" "ask: unknown language 'fr' (use nl or en)"
	run -2 ask --print-questionnaire steering=1
	assert_equal "${lines[0]}" "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
	run -2 ask -o
	assert_equal "${lines[0]}" "ask: option -o needs an argument"
	run -2 ask --colour
	assert_equal "${lines[0]}" "ask: unknown option --colour"
	run -2 ask -L nl -x
	assert_equal "${lines[0]}" "ask: onbekende optie -x"
}

@test "-q uses another questionnaire; answers name its continua" {
	run -0 ask -q "$FIXTURES/formats/custom.questionnaire" -p ann pace=1.5 'place-2=3 far away'
	assert_output_is <<-'END'
	1	ann	-	pace	50	2026-11-25T09:30:00Z	
	1	ann	-	place-2	100	2026-11-25T09:30:00Z	far away
	END
	run -0 ask -q "$FIXTURES/formats/custom.questionnaire" --print-questionnaire
	assert_golden "$FIXTURES/formats/custom.expected"
}

@test "a broken questionnaire stops ask before it asks anything" {
	run -2 --separate-stderr ask -q "$FIXTURES/formats/bad.questionnaire" steering=1
	[ -z "$output" ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 13 ]
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "ask: $FIXTURES/formats/bad.questionnaire: not a usable questionnaire; see stance-questionnaire(5)"
	run -2 ask -q "$BATS_TEST_TMPDIR/missing" steering=1
	assert_equal "${lines[0]}" "ask: $BATS_TEST_TMPDIR/missing: No such file or directory"
}

@test "-L nl gives Dutch messages and the Dutch questionnaire" {
	run -2 ask -L nl steering=9
	assert_equal "${lines[0]}" "ask: steering: '9' is geen antwoord (die uitspraak bestaat niet): geef een uitspraaknummer 1-3 (1,5 ligt tussen 1 en 2), een percentage zoals 40%, of - voor geen mening"
	run -0 ask -L nl --print-questionnaire
	assert_equal "${lines[2]}" "title: Afwegen hoe je sociale mediabeleid er moet uitzien"
	LANG=nl_BE.UTF-8 LC_ALL= run -0 ask --print-questionnaire
	assert_equal "${lines[3]}" "lang: nl"
	LANG=nl_BE.UTF-8 LC_ALL= run -0 ask -L en --print-questionnaire
	assert_equal "${lines[3]}" "lang: en"
}

@test "answers in Dutch and in English mix: the ids are the same" {
	run -0 ask -L nl -p an $ALL
	nl=$output
	run -0 ask -L en -p an $ALL
	assert_equal "$nl" "$output"
}

@test "-q - reads the questionnaire from standard input; answers then come as arguments" {
	q='questionnaire: x\ntitle: t\nlang: en\n\ncontinuum: a\nquestion: q\nleft: l\nright: r\nanchor: 1\nanchor: 2\n'
	run -0 ask -p ann -q - a=2 < <(printf "$q")
	assert_equal "$output" "1	ann	-	a	100	2026-11-25T09:30:00Z	"
	run -2 ask -p ann -q - < <(printf "$q")
	assert_equal "$output" "ask: with -q -, give the answers as continuum=answer arguments"
}

@test "-o refuses a FIFO at once, and a device: answers go to regular files only" {
	mkfifo "$BATS_TEST_TMPDIR/fifo"
	run -2 timeout 10 ask -p ann -o "$BATS_TEST_TMPDIR/fifo" $ALL
	assert_equal "$output" "ask: $BATS_TEST_TMPDIR/fifo: is not a regular file; answers are only appended to a file"
	run -2 ask -p ann -o /dev/null $ALL
	assert_equal "$output" "ask: /dev/null: is not a regular file; answers are only appended to a file"
}

@test "at the file size limit ask reports, rather than dying of SIGXFSZ" {
	f=$BATS_TEST_TMPDIR/round.tsv
	head -c 1024 /dev/zero > "$f"
	run -2 bash -c 'ulimit -f 1; exec ask -p ann -o "$1" '"$ALL" _ "$f"
	assert_equal "$output" "ask: $f: write error: File too large; nothing written"
	[ "$(stat -c %s "$f")" -eq 1024 ]
}

@test "scripted, answers already in -o under this name give a warning, and are written" {
	f=$BATS_TEST_TMPDIR/round.tsv
	ask -p ann -o "$f" $ALL
	ask -p bob -o "$f" $ALL
	run -0 --separate-stderr ask -p ann -o "$f" $ALL
	assert_equal "$stderr" "ask: $f already holds 5 answers of ann in round 1 (the last at 2026-11-25T09:30:00Z); these replace them"
	[ "$(wc -l < "$f")" -eq 15 ]
	run -0 --separate-stderr ask -p ann -r 2 -o "$f" $ALL
	[ -z "$stderr" ]
}

@test "the built-in questionnaire credits its source and carries the worksheet's instruction" {
	run -0 ask --print-questionnaire
	printf '%s\n' "$output" | grep -qx 'source: Worksheet by Philippe Bocklandt (Arteveldehogeschool, for Cera), 2015'
	printf '%s\n' "$output" | grep -qx "instruction: Have everyone involved in deciding the organisation's social media policy place themselves on the following five continua."
	run -0 ask -L nl --print-questionnaire
	printf '%s\n' "$output" | grep -qx 'source: Werkblad van Philippe Bocklandt (Arteveldehogeschool, voor Cera), 2015'
	printf '%s\n' "$output" | grep -q '^instruction: Laat elke medewerker die betrokken wordt'
	printf '%s\n' "$output" | grep -q 'Positioneer je op de volgende lijn\.$'
	assert_equal "$(printf '%s\n' "$output" | sed -n 's/^name: //p' | tr '\n' ,)" "Sturing,Openheid,Handhaving,Juridisch,Doelpubliek,"
}

@test "a continuum's name is optional, printed back, and shown on the form" {
	cd "$BATS_TEST_TMPDIR"
	printf '%s\n' 'questionnaire: q' 'title: T' 'lang: en' 'source: Us' 'instruction: Do it.' '' \
	    'continuum: c1' 'name: First' 'question: Q1?' 'left: a' 'right: b' 'anchor: A' 'anchor: B' '' \
	    'continuum: c2' 'question: Q2?' 'left: a' 'right: b' 'anchor: A' 'anchor: B' > q.txt
	run -0 ask -q q.txt --print-questionnaire
	diff -u - <(printf '%s\n' "$output") <<-'END'
	# A stance questionnaire: see stance-questionnaire(5).
	questionnaire: q
	title: T
	lang: en
	source: Us
	instruction: Do it.

	continuum: c1
	name: First
	question: Q1?
	left: a
	right: b
	anchor: A
	anchor: B

	continuum: c2
	question: Q2?
	left: a
	right: b
	anchor: A
	anchor: B
	END
	run -0 ask -q q.txt --form -p ann
	printf '%s\n' "$output" | grep -qx '# Us'
	printf '%s\n' "$output" | grep -qx 'First: Q1?'
	printf '%s\n' "$output" | grep -qx 'Q2?'
}

@test "Dutch help and usage say gebruik:, with the synopsis aligned under it" {
	run -0 ask -L nl --help
	assert_equal "${lines[0]}" "gebruik: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
	assert_equal "${lines[1]}" "             [-o file] [--plain] [--feedback file] [--previous file]"
	assert_equal "${lines[2]}" "             [--reasons file] [continuum=answer ...]"
	run -2 --separate-stderr collect -L nl --bogus
	[ "$stderr" = "$(printf '%s\n' 'collect: onbekende optie --bogus' \
	    'gebruik: collect [-v | --quiet] [-L lang] [-q file] [-r round] [--roster file]' \
	    '                 [--missing | --status | --status-file file | --reasons]' \
	    '                 [--until time] [--rejects file] [--key file] [--log file]' \
	    '                 [--min-group n] [file | dir | - ...]')" ]
}

@test "a token of 64 bytes is one; 65 is too long" {
	run -0 ask -p "$(printf 'p%.0s' $(seq 64))" $ALL
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f2)" "$(printf 'p%.0s' $(seq 64))"
	run -2 ask -p "$(printf 'p%.0s' $(seq 65))" $ALL
}

@test "a carriage return and a tab in a note are escaped when written" {
	run -0 ask -p ann steering=1 openness=1 enforcement=1 legal=1 "audience=1 one$(printf '\r')two$(printf '\t')three"
	assert_equal "$(printf '%s\n' "$output" | sed -n 5p | cut -f7-)" 'one\rtwo\tthree'
}

@test "-o waits for a lock someone else holds, and writes after them" {
	command -v flock > /dev/null || skip "flock(1) is not installed"
	f=$BATS_TEST_TMPDIR/round.tsv
	: > "$f"
	# Hold a shared lock, as a reader does, and write a line of our own
	# just before letting go: an ask that waits for its exclusive lock
	# writes after it; one that does not, before.
	flock -s "$f" sh -c 'sleep 1; echo held >> "$1"' _ "$f" &
	sleep 0.3
	run -0 ask -p ann -o "$f" $ALL
	wait
	assert_equal "$(sed -n 1p "$f")" held
	assert_number "$(wc -l < "$f")" -eq 6
}

# A form's continuum lines and feedback paragraphs, each on one line.
feedback_lines() {
	awk '/^continuum:/ { print; next }
	    /^(Last round|Your last|Vorige ronde|Jouw vorige)/ { s = $0
	        while ((getline l) > 0 && l != "" && l !~ /^\[/) s = s " " l
	        print s }'
}

# Round r1 of five people, and aggregate's figures of it, for --feedback.
round_one() {
	local p
	cd "$BATS_TEST_TMPDIR"
	for p in ann:1 bob:2 cas:3 dirk:2 eva:1; do
		ask -r r1 -p "${p%:*}" -o r1.tsv steering="${p#*:}" openness=2 \
		    enforcement=2 legal=1 audience=-
	done
	aggregate r1.tsv > r1-figures.tsv
}

@test "--feedback and --previous put the group's last round and the person's own on the form" {
	round_one
	run -0 --separate-stderr ask -r r2 -p ann --feedback r1-figures.tsv --previous r1.tsv --form
	# Nobody gave a position on audience: no figures to show there.
	assert_equal "$stderr" "ask: r1-figures.tsv: too few answers on 1 of 5 continua to show the group's figures there, which would tell who stood where"
	# The verdict first, in the words chart uses (a split room by its
	# camps), then the figures in whole points; wrapped lines joined.
	printf '%s\n' "$output" | feedback_lines > got
	diff -u - got <<-'END'
	continuum: steering
	Last round (r1): divided: 2 at concrete rules, 2 around statement 2, 1 at vision; median 50, middle half 0-50; you: 0%.
	continuum: openness
	Last round (r1): consensus at open; median 100, middle half 100-100; you: 100%.
	continuum: enforcement
	Last round (r1): consensus at soft; median 100, middle half 100-100; you: 100%.
	continuum: legal
	Last round (r1): consensus at lawyers lead; median 0, middle half 0-0; you: 0%.
	continuum: audience
	Your last answer: no opinion.
	END
	# Shown, not preselected: not one box is ticked, no percent given.
	! printf '%s\n' "$output" | grep -q -e '^\[x\]' -e '^percent: *[0-9]'
	# The form still reads back as before.
	printf '%s\n' "$output" | sed 's/^\[ \] 1\./[x] 1./' > form.txt
	run -0 collect form.txt
	assert_equal "${#lines[@]}" 5
	# Without --previous only the group; in Dutch in Dutch.
	run -0 ask -L nl -r r2 -p ann --feedback r1-figures.tsv --form
	assert_equal "$(printf '%s\n' "$output" | feedback_lines | grep -m 1 '^Vorige')" \
	    "Vorige ronde (r1): verdeeld: 2 bij concrete regels, 2 rond uitspraak 2, 1 bij een visiedocument; mediaan 50, middelste helft 0-50."
}

@test "--feedback without figures stops ask; --previous without the person's answers says so" {
	round_one
	head -n 1 r1-figures.tsv > header-only.tsv
	run -2 --separate-stderr ask -r r2 --feedback header-only.tsv --form
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	ask: header-only.tsv: no row for everyone ('*') on a continuum of this questionnaire
	ask: --feedback needs aggregate's output of the round before
	END
	run -2 --separate-stderr ask -r r2 --feedback r1.tsv --form
	assert_equal "${stderr_lines[0]%%:*}" "ask"
	assert_equal "${stderr_lines[1]}" "ask: --feedback needs aggregate's output of the round before"
	# A bad row is said and left out; the rest still shows, status 1.
	{ cat r1-figures.tsv; printf 'r1\t*\tsteering\tbogus\n'; } > bad-row.tsv
	run -1 --separate-stderr ask -r r2 --feedback bad-row.tsv --form
	assert_equal "${stderr_lines[0]}" "ask: bad-row.tsv:7: 4 tab-separated fields where the header has 19"
	assert_equal "$(printf '%s\n' "$output" | grep -c '^Last round')" 4
	run -2 --separate-stderr ask -r r2 --feedback nothing.tsv --form
	assert_equal "${stderr_lines[0]}" "ask: nothing.tsv: No such file or directory"
	mkdir a-directory
	run -2 --separate-stderr ask -r r2 --feedback a-directory --form
	assert_equal "${stderr_lines[0]}" "ask: a-directory: Is a directory"
	run -2 --separate-stderr ask -r r2 --previous a-directory --form
	assert_equal "$stderr" "ask: a-directory: Is a directory"
	[ -z "$output" ]
	# A line of --previous that is not a response line is said, the
	# status 1; comments and blank lines are passed over.
	{ cat r1.tsv; printf '# by hand\n\nann steering 40\n'; } > edited.tsv
	run -1 --separate-stderr ask -r r2 -p ann --previous edited.tsv --form
	assert_equal "$stderr" "ask: edited.tsv:28: not a response line: it has no tabs (7 tab-separated fields are expected)"
	assert_equal "$(printf '%s\n' "$output" | grep -m 1 '^Your last')" "Your last answer: 0%."
	# A newcomer still gets the form, with the group's figures.
	run -0 --separate-stderr ask -r r2 -p zoe --feedback r1-figures.tsv --previous r1.tsv --form
	assert_equal "${stderr_lines[1]}" "ask: r1.tsv: no answers of zoe in another round than r2"
	assert_equal "$(printf '%s\n' "$output" | feedback_lines | grep -m 1 '^Last round')" \
	    "Last round (r1): divided: 2 at concrete rules, 2 around statement 2, 1 at vision; median 50, middle half 0-50."
	# Four answers are fewer than the privacy minimum of five: figures
	# shown to people would tell who stood where.  Only one's own shows.
	grep -v -P '^r1\teva\t' r1.tsv | aggregate > four.tsv
	run -0 --separate-stderr ask -r r2 -p ann --feedback four.tsv --previous r1.tsv --form
	assert_equal "$stderr" "ask: four.tsv: too few answers on 5 of 5 continua to show the group's figures there, which would tell who stood where"
	assert_equal "$(printf '%s\n' "$output" | grep -c '^Last round')" 0
	assert_equal "$(printf '%s\n' "$output" | grep -m 1 '^Your last')" "Your last answer: 0%."
}

#!/usr/bin/env bats
# What reaches the facilitator's terminal: text from forms, mail, ids,
# notes and questionnaires never arrives raw.  Control characters and
# escape sequences are quoted in messages or refused where they stand;
# invisible and direction-changing characters cannot make two people
# look alike.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Whether a file has an ESC, BEL or C1 byte sequence in it.
raw_controls() {
	LC_ALL=C grep -c $'[\x1b\x07]\|\xc2[\x80-\x9f]' "$1"
}

@test "an OSC 52 clipboard write in a form's header is quoted in collect's message" {
	ask --form -p ann > form.txt
	sed -i "s/^stance-participant: ann/stance-participant: ann$(printf '\x1b]52;c;ZWNobyBoaQ==\x07')/" form.txt
	run -1 collect form.txt
	collect form.txt 2> err || true
	assert_number "$(raw_controls err)" -eq 0
	line=$(grep -n '^stance-participant' form.txt | cut -d: -f1)
	assert_equal "$(cat err)" "collect: form.txt:$line: stance-participant 'ann\\x1b]52;c;ZWNobyBoaQ==\\x07' contains a control character; the form's answers are not used"
}

@test "escape sequences in a mail Date, a continuum id and a box are quoted" {
	ask --form -p ann > form.txt
	{
		printf 'From: x@example.org\nDate: \x1b[2J 24 Nov 2026\n\n'
		sed -e "s/^continuum: legal/continuum: leg\x1b[31mal/" -e "0,/^\[ \] 1\./s//[\x1b[5m] 1./" form.txt
	} > msg.eml
	collect msg.eml > /dev/null 2> err || true
	assert_number "$(raw_controls err)" -eq 0
	grep -q "Date '\\\\x1b\[2J 24 Nov 2026' is not a date" err
	grep -q "unknown continuum 'leg\\\\x1b\[31mal'" err
	grep -q "the box holds '\\\\x1b\[5m'" err
}

@test "ids with invisible or direction-changing characters are refused, and shown visibly" {
	run -2 ask -p "ann$(printf '\xe2\x80\x8b')" steering=1
	assert_equal "$output" "ask: participant 'ann<U+200B>' contains an invisible or direction-changing character; give another with -p"
	run -2 ask -g "$(printf '\xe2\x80\xae')team" steering=1
	assert_equal "$output" "ask: group '<U+202E>team' contains an invisible or direction-changing character; give another with -g"
	printf '1\tann\xe2\x80\x8b\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' > r.tsv
	run -1 --separate-stderr collect r.tsv
	assert_equal "$stderr" "collect: r.tsv:1: participant 'ann<U+200B>' contains an invisible or direction-changing character"
}

@test "overlong and surrogate UTF-8, DEL and C1 controls in ids are refused and quoted" {
	for bad in $'\xc0\xae' $'\xe0\x80\xaf' $'\xf0\x80\x80\xaf' $'\xed\xa0\x80' $'\x7f' $'\xc2\x9b'; do
		printf '1\tann%s\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' "$bad" > r.tsv
		run -1 --separate-stderr collect r.tsv
		[ -z "$output" ]
		case $stderr in
		"collect: r.tsv:1: participant 'ann\\x"*"' "*) ;;
		*) echo "$stderr"; false ;;
		esac
	done
}

@test "a C1 control in a note is refused, in an answer and in a response line" {
	run -2 --separate-stderr ask -p ann "steering=1 a$(printf '\xc2\x9b')31m note"
	assert_equal "${stderr%%$'\n'*}" "ask: steering: the note contains a control character"
	printf '1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\tx\xc2\x9by\n' > r.tsv
	run -1 --separate-stderr collect r.tsv
	assert_equal "$stderr" "collect: r.tsv:1: note contains a control character"
}

@test "a questionnaire with a control character is refused before anything is shown" {
	ask --print-questionnaire > q.txt
	sed -i "s/^question: How directive/question: $(printf '\x1b')[2JHow directive/" q.txt
	line=$(grep -n '^question: .\[2JHow' q.txt | cut -d: -f1)
	run -2 --separate-stderr ask -q q.txt steering=1
	assert_equal "${stderr%%$'\n'*}" "ask: q.txt:$line: line contains a control character"
}

@test "direction-changing characters in questionnaire text, roster names and --subject are refused" {
	ask --print-questionnaire > q.txt
	sed -i "s/^left: concrete rules/left: concrete $(printf '\xe2\x80\xae')selur/" q.txt
	line=$(grep -n '^left: concrete ' q.txt | cut -d: -f1)
	run -2 --separate-stderr ask -q q.txt steering=1
	assert_equal "${stderr%%$'\n'*}" "ask: q.txt:$line: line contains a direction-changing character (such as U+202E), which makes text read as something else"
	# Each of them; a right-to-left letter itself is text.
	for cp in '\xd8\x9c=061C' '\xe2\x80\x8e=200E' '\xe2\x80\x8f=200F' '\xe2\x80\xaa=202A' \
	    '\xe2\x80\xae=202E' '\xe2\x81\xa6=2066' '\xe2\x81\xa9=2069'; do
		printf 'ann\tstaff\tann@example.org\tAnn %b Peeters\n' "${cp%=*}" > roster.tsv
		run -1 --separate-stderr collect --roster roster.tsv --missing -r 1 /dev/null
		assert_equal "${stderr%%$'\n'*}" "collect: roster.tsv:1: name 'Ann <U+${cp#*=}> Peeters' contains a direction-changing character (such as U+202E)"
	done
	printf 'ann\tstaff\tann@example.org\tAnn \xd7\x90 \xe2\x81\xaa\n' > roster.tsv
	run -0 collect --roster roster.tsv --missing -r 1 /dev/null
	assert_equal "$output" "$(cat roster.tsv)"
	run -2 --separate-stderr remind -r 1 --from f@example.org --subject "$(printf 'Round \xe2\x80\xae1')" --dry-run roster.tsv
	assert_equal "$stderr" "remind: --subject must be one line of UTF-8 text without control or direction-changing characters"
}

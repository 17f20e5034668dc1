#!/usr/bin/env bats
# Answers typed above a quote (stance-form(5), SHORT REPLIES): the ways
# people type them on a phone, which count and which are refused, and
# what collect --status then says of each reply (its reasons, which
# remind words its reminders from); collect --log for a reply whose
# quote was cut off; collect --status-file.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'a secret only the facilitator knows\n' > key
	chmod 600 key
	printf '%s\t%s\t%s\t%s\n' ann staff ann@example.org Ann bob staff bob@example.org Bob > roster.tsv
	ask --form --key key -r 2026-spring -p ann -g staff > form.txt
}

# reply FILE TEXT...: Ann's reply, the lines given typed above her form,
# quoted as a mail client quotes it.
reply() {
	local file=$1
	shift
	{ printf 'From: Ann <ann@example.org>\nDate: Mon, 24 Nov 2026 12:30:00 +0100\nSubject: Re: round\n\n'
	  printf '%s\n' "$@"
	  printf '\nOn Mon, 24 Nov 2026, facilitator@example.org wrote:\n'
	  sed 's/^/> /' form.txt; } > "$file"
}

# The positions counted, as continuum=position, one line.
counted() {
	cut -f4,5 | tr '\t\n' '=,'
}

@test "the ways a phone types answers: a row, pairs, ids and names, decimal commas, percentages, one per line" {
	reply row.eml '2 1 1,5 2 3'
	reply pairs.eml 'Hi Sofie,' '' '1: 2, 2: 1, 3: 1.5; 4: 2 5: 3' '' 'Ann'
	reply names.eml 'Openness: 2' 'steering: -' 'ENFORCEMENT: 40 %' 'Legal form: 1,5' 'audience:3'
	reply commas.eml '2,1,2,4,3'
	reply pairs-commas.eml '1: 2,2: 1,3: 1,5, 4: 3,5: 1'
	for f in row pairs names commas pairs-commas; do
		run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv "$f.eml"
		printf '%s: %s\n' "$f" "$(printf '%s\n' "$output" | counted)"
	done > got
	diff -u - got <<-'END'
	row: steering=50,openness=0,enforcement=50,legal=33.3,audience=100,
	pairs: steering=50,openness=0,enforcement=50,legal=33.3,audience=100,
	names: steering=-,openness=100,enforcement=40,legal=16.7,audience=100,
	commas: steering=50,openness=0,enforcement=100,legal=100,audience=100,
	pairs-commas: steering=50,openness=0,enforcement=50,legal=66.7,audience=0,
	END
	# Typed answers are form answers: the message's Date, the form's group.
	run -0 collect --min-group 1 --key key --roster roster.tsv row.eml
	assert_equal "$(printf '%s\n' "$output" | cut -f1-3,6 | sort -u)" "$(printf '2026-spring\tann\tstaff\t2026-11-24T11:30:00Z')"
}

@test "a typed line that looks like answers but cannot be read counts for nothing, and says why" {
	reply short.eml '2 1 1,5 2'
	reply long.eml '2 1 1,5 2 3 1'
	reply anchor.eml '1: 4'
	reply zero.eml '2 1 0 2 3'
	reply word.eml '1: two'
	reply twice.eml '1: 2' '1: 3'
	reply unknown.eml '1: 2, 9: 1'
	for f in short long anchor zero word twice unknown; do
		run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv "$f.eml"
		assert_equal "$output" ""
		printf '%s\n' "$stderr" | sed 's/^collect: [^:]*:[0-9]*: //'
	done > got
	diff -u - got <<-'END'
	typed answers: 4 answers in a row, but there are 5 questions (write - for no opinion); none of them are used
	typed answers: 6 answers in a row, but there are 5 questions (write - for no opinion); none of them are used
	typed answers: Direction: '4': no such anchor (a statement 1-3, a percentage, or -); none of them are used
	typed answers: Enforcement: '0': no such anchor (a statement 1-2, a percentage, or -); none of them are used
	typed answers: Direction: 'two' is not a statement's number 1-3, a percentage or -; none of them are used
	typed answers: Direction is answered twice, differently (lines 5 and 6); none of them are used
	typed answers: '9' is not a question's number (1-5), id or name; none of them are used
	END
	# The same answer twice is one answer.
	reply same.eml '1: 2' '1: 2'
	run -0 collect --min-group 1 --key key --roster roster.tsv same.eml
	assert_equal "$(printf '%s\n' "$output" | counted)" "steering=50,"
	# The last statement counts; a tenth past it does not.
	reply last.eml '1: 3'
	run -0 collect --min-group 1 --key key --roster roster.tsv last.eml
	assert_equal "$(printf '%s\n' "$output" | counted)" "steering=100,"
	reply past.eml '1: 3,1'
	run -1 collect --min-group 1 --key key --roster roster.tsv past.eml
}

@test "prose is prose: greetings, times, a signature, and what the mail client quotes below are not answers" {
	reply prose.eml 'Hi Sofie, see you at 10:30.' 'Re: round 2026' 'Tel: +32 9 123 45 67' '' '3 2 1 2 3' '' '-- ' '1 1 1 1 1'
	run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv prose.eml
	assert_equal "$(printf '%s\n' "$output" | counted)" "steering=100,openness=100,enforcement=0,legal=33.3,audience=100,"
	# Outlook puts the original below a line or a header block,
	# unquoted; the invitation's example there ("2 1 1,5 2 3") is not read.
	for below in '-----Original Message-----' '________________________________' 'From: facilitator@example.org' \
	    'Van: facilitator@example.org'; do
		{ printf 'From: Ann <ann@example.org>\nDate: Mon, 24 Nov 2026 12:30:00 +0100\n\n1: 3\n\n'
		  printf -- '%s\n\n' "$below"
		  printf 'On a phone? ... for no opinion:\n2 1 1,5 2 3\n\n'; cat form.txt; } > outlook.eml
		run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv outlook.eml
		assert_equal "$below: $(printf '%s\n' "$output" | counted)" "$below: steering=100,"
	done
}

@test "typed answers and marks in the quote: both count where they agree, neither where they differ" {
	reply agree.eml '1: 1'
	sed -i '/^> continuum: steering/,/^> continuum: openness/ s/^> \[ \] 1\./> [x] 1./; /^> continuum: openness/,/^> continuum: enforcement/ s/^> \[ \] 2\./> [x] 2./' agree.eml
	run -0 collect --min-group 1 --key key --roster roster.tsv agree.eml
	assert_equal "$(printf '%s\n' "$output" | counted)" "steering=0,openness=100,"
	reply differ.eml '1: 2'
	sed -i '/^> continuum: steering/,/^> continuum: openness/ s/^> \[ \] 1\./> [x] 1./' differ.eml
	run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv -r 2026-spring --status differ.eml
	printf '%s\n' "$stderr" | grep -q 'form of ann: steering has more than one answer (lines'
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f6,7)" "$(printf 'unreadable\ttwo-marks:steering')"
}

@test "typed answers count only in a signed round, where the form's token says whose they are" {
	ask --form -r 2026-spring -p ann -g staff > form.txt
	reply unsigned.eml '2 1 1,5 2 3'
	run -1 --separate-stderr collect --min-group 1 -r 2026-spring --roster roster.tsv --status unsigned.eml
	printf '%s\n' "$stderr" | grep -q 'form of ann: answers typed above the form count only in a signed round (collect --key)'
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f3,6,7)" "$(printf '0/5\tunreadable\tnot-signed')"
}

@test "a reply with its quote cut off counts through remind's log (--log), from the participant's address only" {
	STANCE_NOW=2026-11-24T08:00:00Z remind -r 2026-spring --from f@example.org --key key --invitation \
	    --log remind.log --mbox sent.mbox roster.tsv
	id=$(grep -P '\tann\t' remind.log | cut -f5)
	trimmed() {	# trimmed FILE FROM IN-REPLY-TO
		printf 'From: %s\nDate: Mon, 24 Nov 2026 12:30:00 +0100\nIn-Reply-To: %s\nReferences: <other@example.org> %s\n\n2 1 1,5 2 3\n' \
		    "$2" "$3" "$3" > "$1"
	}
	trimmed ann.eml 'Ann <ann@example.org>' "$id"
	run -0 collect --min-group 1 --key key --roster roster.tsv --log remind.log ann.eml
	assert_equal "$(printf '%s\n' "$output" | cut -f1-3 | sort -u)" "$(printf '2026-spring\tann\tstaff')"
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	# Only References naming it does as well.
	sed -i '/^In-Reply-To:/d' ann.eml
	run -0 collect --min-group 1 --key key --roster roster.tsv --log remind.log ann.eml
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	# From Bob's address, answering Ann's invitation: not Ann's answers.
	trimmed bob.eml 'Bob <bob@example.org>' "$id"
	run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --log remind.log -r 2026-spring --status bob.eml
	assert_equal "$stderr" "collect: bob.eml:1: answers of ann typed in a reply: the message came from bob@example.org, not from ann@example.org, the address on the roster; not used"
	assert_equal "$(printf '%s\n' "$output" | cut -f1,6,7 | tr '\t\n' ' ;')" "ann unreadable other-address;bob none -;"
	# Without the log, or without the key, or naming no message of the
	# log, it proves nothing.
	for run in "--key key --roster roster.tsv" "--roster roster.tsv --log remind.log" \
	    "--key key --roster roster.tsv --log /dev/null"; do
		run -1 --separate-stderr collect --min-group 1 -r 2026-spring $run --status ann.eml
		printf '%s\n' "$stderr" | grep -q "the message from ann@example.org has answers typed in it, but quotes no signed form and answers no message of remind's log"
		assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f3,6,7)" "$(printf '0/5\tunreadable\tnot-signed')"
	done
	# A log that cannot be read stops the work.
	run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --log missing.log ann.eml
	assert_equal "$stderr" "collect: missing.log: No such file or directory"
}

@test "--status gives the reasons that still stand: of a continuum while it is missing, of a reply while nothing came after it" {
	mkdir -p Maildir/cur Maildir/new Maildir/tmp
	msg() {	# msg FILE DATE BODY...
		local file=$1 date=$2
		shift 2
		{ printf 'From: Ann <ann@example.org>\nDate: %s\n\n' "$date"; printf '%s\n' "$@"; } > "Maildir/cur/$file"
	}
	# Monday: HTML only.  Tuesday: a form with a note but no mark on
	# Direction, a mark beside the box on Openness, Enforcement twice,
	# and the rest marked.  Wednesday: a message with no form.
	{ printf 'From: Ann <ann@example.org>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\nContent-Type: text/html\n\n<p>hi</p>\n'; } > Maildir/cur/1
	sed -e '/^continuum: steering/,/^continuum: openness/ s/^note:$/note: not sure/' \
	    -e '/^continuum: openness/,/^continuum: enforcement/ s/^\[ \] 1\./x [ ] 1./' \
	    -e '/^continuum: enforcement/,/^continuum: legal/ s/^\[ \] [12]\./[x] 1./' \
	    -e '/^continuum: legal/,/^continuum: audience/ s/^\[ \] 1\./[x] 1./' \
	    -e '/^continuum: audience/,$ s/^\[ \] 1\./[x] 1./' form.txt > tuesday
	msg 2 'Tue, 24 Nov 2026 09:00:00 +0000' "$(cat tuesday)"
	run -1 collect --min-group 1 --key key --roster roster.tsv --status Maildir
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f3,6,7)" \
	    "$(printf '2/5\tpartial\tnote-only:steering,unclear:openness,two-marks:enforcement')"
	# The HTML came before the answers: it no longer stands.  A message
	# without a form after them does, and a reply of the same second too.
	msg 3 'Wed, 25 Nov 2026 09:00:00 +0000' 'I will send it later.'
	run -1 collect --min-group 1 --key key --roster roster.tsv --status Maildir
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f7)" "note-only:steering,unclear:openness,two-marks:enforcement,no-form"
	msg 3 'Tue, 24 Nov 2026 09:00:00 +0000' 'I will send it later.'
	run -1 collect --min-group 1 --key key --roster roster.tsv --status Maildir
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f7)" "note-only:steering,unclear:openness,two-marks:enforcement,no-form"
	msg 3 'Tue, 24 Nov 2026 08:59:59 +0000' 'I will send it later.'
	run -1 collect --min-group 1 --key key --roster roster.tsv --status Maildir
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f7)" "note-only:steering,unclear:openness,two-marks:enforcement"
	# Thursday she sends it all: complete, nothing stands.
	msg 4 'Thu, 26 Nov 2026 09:00:00 +0000' "$(sed 's/^\[ \] 1\./[x] 1./' form.txt)"
	run -1 collect --min-group 1 --key key --roster roster.tsv --status Maildir
	assert_equal "$(printf '%s\n' "$output" | grep '^ann' | cut -f6,7)" "$(printf 'complete\t-')"
}

@test "--status-file: the status from the same reading as the answers, replaced whole" {
	reply ann.eml '2 1 1,5 2 3'
	run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status-file status.tsv ann.eml
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	diff -u <(collect --min-group 1 --key key --roster roster.tsv --status ann.eml) status.tsv
	[ "$(stat -c %a status.tsv)" = 600 ]
	ls -A | grep -q '^\.status\.tsv\.' && false
	# Not with --missing or --status, not without the roster.
	run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status --status-file s ann.eml
	assert_equal "${stderr%%$'\n'*}" "collect: --status-file goes with the answers, not with --missing or --status"
	run -2 --separate-stderr collect --key key --status-file s ann.eml
	assert_equal "${stderr%%$'\n'*}" "collect: --status-file needs --roster"
	# An input that cannot be read: the old status stays.
	run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status-file status.tsv ann.eml nothere
	printf '%s\n' "$stderr" | grep -qx 'collect: status.tsv: not written: an input could not be read, so it would name people who did answer'
	diff -u <(collect --min-group 1 --key key --roster roster.tsv --status ann.eml) status.tsv
	# A directory it cannot write in.
	mkdir ro && chmod 500 ro
	if [ "$(id -u)" != 0 ]; then
		run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status-file ro/status.tsv ann.eml
		printf '%s\n' "$stderr" | grep -q '^collect: ro/\.status\.tsv\.[A-Za-z0-9]*: Permission denied$'
	fi
}

@test "--status-file is a regular file or none: a link or a device is refused, not replaced" {
	reply ann.eml '2 1 1,5 2 3'
	ln -s target status.tsv
	run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status-file status.tsv ann.eml
	assert_equal "$stderr" "collect: status.tsv: is a symbolic link; not replaced"
	[ -L status.tsv ] && [ ! -e target ]
	# The answers still came out.
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	mkfifo fifo
	run -2 --separate-stderr collect --min-group 1 --key key --roster roster.tsv --status-file fifo ann.eml
	assert_equal "$stderr" "collect: fifo: is not a regular file; not replaced"
	[ -p fifo ]
}

@test "collect --status and remind, dry run or receipts, on a full disk: exit 2, said once" {
	[ -w /dev/full ] || skip "no /dev/full here"
	reply ann.eml '2 1 1,5 2 3'
	run -2 --separate-stderr sh -c 'collect --min-group 1 --key key --roster roster.tsv --status ann.eml > /dev/full'
	assert_equal "$stderr" "collect: write error on standard output: No space left on device"
	collect --min-group 1 --key key --roster roster.tsv ann.eml > answers.tsv
	for args in "" "--receipts --answers answers.tsv --log remind.log"; do
		run -2 --separate-stderr sh -c "remind -r 2026-spring --from f@example.org --key key $args --dry-run roster.tsv > /dev/full"
		assert_equal "$stderr" "remind: write error on standard output: No space left on device"
	done
	# A dry run logs nothing, even of receipts.
	[ ! -s remind.log ]
}

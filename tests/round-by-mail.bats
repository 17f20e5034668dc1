#!/usr/bin/env bats
# A whole round by mail, end to end, through the machine's real mail
# system: Postfix as .ci/postfix sets it up (local delivery only, into
# Maildirs), or, where it does not run, tests/fake-sendmail, which the
# test says.  Invitations to a roster of a dozen, replies as real mail
# clients build them (quoted, quoted-printable, Windows-1252, the answer
# above the quote, HTML only; one forged, one from the wrong address),
# collect over the facilitator's Maildir, --missing shrinking, the same
# cron line run twice at once, a partial answer completed, the deadline.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'the facilitator'"'"'s secret, 2026\n' > key
	chmod 600 key
}

# The real Postfix if .ci/postfix started it, else the fake, said so.
mail_system() {
	if [ -n "${STANCE_POSTFIX_MAILDIRS:-}" ] && [ -x /usr/sbin/sendmail ] &&
	    postfix status > /dev/null 2>&1; then
		SENDMAIL=/usr/sbin/sendmail
		MAILDIRS=$STANCE_POSTFIX_MAILDIRS
		rm -f "$MAILDIRS"/*/new/* "$MAILDIRS"/*/cur/*
	else
		echo "# Postfix is not running here: the round goes through tests/fake-sendmail" >&3
		SENDMAIL=$TOP/tests/fake-sendmail
		MAILDIRS=$BATS_TEST_TMPDIR/mail
		export FAKE_MAILDIRS=$MAILDIRS
	fi
	FACILITATOR=$MAILDIRS/facilitator
	PARTICIPANTS=$MAILDIRS/participants
}

# wait_for DIR N: until the Maildir holds N messages (Postfix delivers
# in its own time), at most 30 seconds.
wait_for() {
	local i
	for i in $(seq 150); do
		[ "$(ls "$1/new" 2> /dev/null | wc -l)" -ge "$2" ] && return 0
		sleep 0.2
	done
	echo "waited for $2 messages in $1, have $(ls "$1/new" 2> /dev/null | wc -l)" >&2
	return 1
}

# The newest message delivered to an address, with a subject starting so.
delivered() {
	grep -l "^Delivered-To: $1\$" "$PARTICIPANTS"/new/* | xargs grep -l "^Subject: $2" | xargs ls -t | head -1
}

# The decoded text of a message.
text_of() {
	python3 -c 'import email,sys; print(email.message_from_binary_file(open(sys.argv[1],"rb")).get_payload(decode=True).decode())' "$1"
}

send_back() {
	"$SENDMAIL" -i -- facilitator@stance.test < "$1"
}

# collect over the facilitator's Maildir, which holds refused replies:
# exit 1, said on standard error, the rest on standard output.
collected() {
	local status=0
	collect --key key --roster roster.tsv "$@" "$FACILITATOR" 2> /dev/null || status=$?
	[ "$status" -eq 1 ]
}

remind_round() {
	remind -r 2026-spring --from facilitator@stance.test --key key --log remind.log \
	    --sendmail "$SENDMAIL" --until 2026-12-01T17:00Z "$@"
}

@test "a round by mail: invitations, replies of every kind, collect, reminders from cron, the deadline" {
	mail_system
	printf '%s\t%s\t%s\t%s\n' \
	    ann staff ann@stance.test 'Ann Peeters' \
	    bert staff bert@stance.test 'Bert Van den Bossche' \
	    carine staff carine@stance.test 'Carine Dubois' \
	    dirk staff dirk@stance.test 'Dirk Vandenbroucke' \
	    els youth-work els@stance.test 'Els Verstraete' \
	    fien youth-work fien@stance.test 'Fien Claes' \
	    gert youth-work gert@stance.test 'Gert De Smet' \
	    hanne youth-work hanne@stance.test 'Hanne Peeters' \
	    ilse direction ilse@stance.test 'Ilse Maes' \
	    jose direction jose@stance.test 'José Müller' \
	    zoe direction zoe@stance.test 'Zoë Ünlü' \
	    eve direction -eve@stance.test 'Eve' > roster.tsv
	# Everyone is missing; the invitations go out, all but Eve's.  (The
	# Maildirs are the mail system's to make, as the user it delivers as.)
	assert_equal "$(collect --roster roster.tsv --missing /dev/null | wc -l)" 12
	export STANCE_NOW=2026-11-26T09:00:00Z
	run -1 --separate-stderr remind_round --invitation roster.tsv
	assert_equal "$stderr" "remind: roster.tsv:12: address '-eve@stance.test' of eve starts with -, which sendmail would take for an option; nothing sent"
	wait_for "$PARTICIPANTS" 11
	assert_equal "$(grep -c '	invitation	.*	sent$' remind.log)" 11
	# What a mail client shows: the name and subject decoded.
	python3 -c 'import email,sys; from email.header import decode_header, make_header
m = email.message_from_binary_file(open(sys.argv[1], "rb")); print(make_header(decode_header(m["To"])))' \
	    "$(delivered zoe@stance.test Where)" > to
	assert_equal "$(cat to)" "Zoë Ünlü <zoe@stance.test>"

	# The replies, as clients build them, back through the mail system.
	python3 "$TOP/tests/reply.py" quoted 'Ann Peeters <ann@stance.test>' "$(delivered ann@stance.test Where)" 1 > ann.eml
	python3 "$TOP/tests/reply.py" qp 'Bert <bert@stance.test>' "$(delivered bert@stance.test Where)" 2 > bert.eml
	python3 "$TOP/tests/reply.py" cp1252 'Carine Dubois <carine@stance.test>' "$(delivered carine@stance.test Where)" 1 > carine.eml
	python3 "$TOP/tests/reply.py" above 'Dirk <dirk@stance.test>' "$(delivered dirk@stance.test Where)" 2 > dirk.eml
	python3 "$TOP/tests/reply.py" quoted 'Gert <gert@stance.test>' "$(delivered gert@stance.test Where)" 1 2 > gert.eml
	python3 "$TOP/tests/reply.py" html 'Hanne <hanne@stance.test>' "$(delivered hanne@stance.test Where)" 1 > hanne.eml
	# Forged: a form made without the key, sent from Els's own address.
	ask --form -r 2026-spring -p els -g youth-work | sed 's/^\[ \] 1\./[x] 1./' |
	    { printf 'From: Els <els@stance.test>\nTo: facilitator@stance.test\nSubject: answers\nDate: Thu, 26 Nov 2026 15:00:00 +0100\n\n'; cat; } > forged.eml
	# Fien's real form, filled in and sent by someone else.
	python3 "$TOP/tests/reply.py" quoted 'Mallory <mallory@stance.test>' "$(delivered fien@stance.test Where)" 1 > mallory.eml
	grep -q '^Content-Transfer-Encoding: quoted-printable' bert.eml
	grep -q 'charset=windows-1252' carine.eml
	grep -q "$(printf 'caf\351')" carine.eml
	for reply in ann bert carine dirk gert hanne forged mallory; do
		send_back "$reply.eml"
	done
	wait_for "$FACILITATOR" 8

	run -1 --separate-stderr collect --key key --roster roster.tsv "$FACILITATOR"
	printf '%s\n' "$output" > answers.tsv
	# Four complete, Gert's two; the forged and the misdirected refused.
	assert_equal "$(cut -f2 answers.tsv | sort | uniq -c | tr -s ' ' | tr '\n' ';')" " 5 ann; 5 bert; 5 carine; 5 dirk; 2 gert;"
	assert_equal "$(grep -P '^2026-spring\tcarine\tstaff\tsteering\t' answers.tsv | cut -f5,7)" "$(printf '0\tcafé, niet te streng')"
	assert_equal "$(cut -f2,5 answers.tsv | grep -c '^bert	100$')" 2
	printf '%s\n' "$stderr" | grep -q 'form of els: the form has no stance-token: it was not signed with the key'
	printf '%s\n' "$stderr" | grep -q 'form of fien: the message came from mallory@stance.test, not from fien@stance.test, the address on the roster'
	printf '%s\n' "$stderr" | grep -q 'the message from hanne@stance.test (hanne) has only an HTML part'
	# --missing shrinks to those not complete: 12 less four.
	collected --missing > missing.tsv
	assert_equal "$(cut -f1 missing.tsv | tr '\n' ' ')" "els fien gert hanne ilse jose zoe eve "
	collected --status > status.tsv

	# Four days on, cron runs the reminder line; twice at once.
	export STANCE_NOW=2026-11-30T09:00:00Z
	for run in 1 2; do
		remind_round --every 3d --max 2 --answers answers.tsv --status status.tsv missing.tsv 2> "cron$run.err" &
	done
	wait
	assert_equal "$(grep -c '	reminder	.*	sent$' remind.log)" 7
	wait_for "$PARTICIPANTS" 18
	sleep 1
	assert_equal "$(ls "$PARTICIPANTS/new" | wc -l)" 18
	# Gert's reminder thanks him for two, and carries them filled in,
	# threaded under his invitation; Hanne's says why her reply did not
	# count.
	gert=$(delivered gert@stance.test Reminder)
	assert_equal "$(grep '^In-Reply-To:' "$gert")" "In-Reply-To: $(grep -P '\tgert\tinvitation\t' remind.log | cut -f5)"
	text_of "$gert" > gert.txt
	grep -qx 'Thank you for your answers on Direction and Openness. Still missing:' gert.txt
	assert_equal "$(grep -c '^\[x\] 1\. ' gert.txt)" 2
	text_of "$(delivered hanne@stance.test Reminder)" | tr '\n' ' ' |
	    grep -q '^Dear Hanne Peeters,  Your reply for round 2026-spring reached us, but none of its answers could count\. Your reply came in HTML only, and the form is read from plain text: please send it as plain text\.'
	# Run again at once: nothing new.
	run -1 --separate-stderr remind_round --every 3d --max 2 missing.tsv
	assert_equal "$(wc -l < remind.log)" 18

	# Gert adds the rest to the reminder's form and replies.
	python3 "$TOP/tests/reply.py" quoted 'Gert <gert@stance.test>' "$gert" 2 5 > gert2.eml
	python3 - gert2.eml <<-'EOF'
	import sys
	# Marked before, moved now: he keeps his first two at 1.
	t = open(sys.argv[1]).read().split('\n')
	seen = 0
	for i, l in enumerate(t):
	    if l.startswith('> continuum: '):
	        seen += 1
	    if seen <= 2 and l.startswith('> [x] 2. '):
	        t[i] = '> [ ] 2. ' + l[9:]
	open(sys.argv[1], 'w').write('\n'.join(t))
	EOF
	send_back gert2.eml
	wait_for "$FACILITATOR" 9
	collected --missing > missing.tsv
	assert_equal "$(cut -f1 missing.tsv | tr '\n' ' ')" "els fien hanne ilse jose zoe eve "
	assert_equal "$(collected | grep -c '	gert	')" 5

	# The deadline has passed: the same cron line sends nothing.
	export STANCE_NOW=2026-12-02T09:00:00Z
	run -0 --separate-stderr remind_round --every 3d --max 2 missing.tsv
	assert_equal "$(wc -l < remind.log)" 18
	assert_equal "$(ls "$PARTICIPANTS/new" | wc -l)" 18
}

@test "the README's round by mail runs as written" {
	# Its indented commands; the crontab line without its schedule and cd.
	awk '/^## A round by mail/ { inside = 1; next } /^## / { inside = 0 }
	    inside && /^    / { sub(/^    /, ""); print }' "$TOP/README.md" |
	    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' -e 's/^0 9 \* \* \* cd ~\/round && //' \
	        -e "s|~/Maildir|$BATS_TEST_TMPDIR/Maildir|g" > commands
	assert_number "$(wc -l < commands)" -eq 4
	mkdir -p Maildir/cur Maildir/new Maildir/tmp
	: > round.tsv
	printf '%s\t%s\t%s\t%s\n' bram youth-work bram@example.org Bram \
	    lore admin - Lore mona admin mona@example.org Mona > team.tsv
	export STANCE_SENDMAIL=$TOP/tests/fake-sendmail FAKE_MAILDIRS=$BATS_TEST_TMPDIR/mail
	run -0 bash -c "$(sed -n 1p commands)"
	# Lore has no address (she answers on paper): skipped without a
	# word, and the others invited.
	run -0 --separate-stderr bash -c "$(sed -n 2p commands)"
	assert_equal "$stderr" ""
	assert_equal "$(cut -f3,4,6 remind.log | tr '\t\n' ' ;')" "bram invitation sent;mona invitation sent;"
	run -0 bash -c "$(sed -n 3p commands)"
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | tr '\n' ' ')" "bram lore mona "
	# The cron line, four days later: the two with an address reminded.
	STANCE_NOW=2026-11-29T09:30:00Z run -0 bash -c "$(sed -n 4p commands)"
	assert_equal "$(cut -f3,4,6 remind.log | tail -n 2 | tr '\t\n' ' ;')" "bram reminder sent;mona reminder sent;"
	assert_equal "$(ls mail/participants/new | wc -l)" 4
}

@test "round two by mail, through the mail system: a named sender, the deadline in local time, feedback on every form, two addresses, an out-of-office reply" {
	mail_system
	printf '%s\t%s\t%s\t%s\n' \
	    ann staff ann@stance.test,ann.home@stance.test 'Ann Peeters' \
	    bert staff bert@stance.test 'Bert Van den Bossche' > roster.tsv
	# Round one, as collect wrote it, and aggregate's figures of it.
	{ for p in ann bert cora dirk eva; do for c in steering openness enforcement legal audience; do
		printf '2026-spring\t%s\tstaff\t%s\t%d\t2026-11-20T09:00:00Z\t\n' "$p" "$c" \
		    $(( $(printf '%s' "$p" | wc -c) * 15 )); done; done; } > spring.tsv
	aggregate spring.tsv > spring.agg
	TZ='CET-1CEST,M3.5.0,M10.5.0/3' run -0 --separate-stderr remind -r 2026-autumn --invitation \
	    --from 'Sofie Peeters-Ünlü <facilitator@stance.test>' --key key --log autumn.log \
	    --sendmail "$SENDMAIL" --until '2026-12-01 17:00' --feedback spring.agg --previous spring.tsv roster.tsv
	wait_for "$PARTICIPANTS" 2
	local ann bert
	ann=$(grep -l '^Delivered-To: ann@stance.test$' "$PARTICIPANTS"/new/*)
	bert=$(grep -l '^Delivered-To: bert@stance.test$' "$PARTICIPANTS"/new/*)
	# Through the mail system: the name decoded, the deadline in CET,
	# each form with last round's figures and the person's own answer.
	run -0 python3 -c 'import email, sys
from email.header import decode_header, make_header
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print(str(make_header(decode_header(m["From"]))))' "$ann"
	assert_equal "$output" "Sofie Peeters-Ünlü <facilitator@stance.test>"
	text_of "$ann" | tr '\n' ' ' | grep -q 'Please reply by 2026-12-01 17:00 CET\.'
	assert_equal "$(text_of "$ann" | grep -c '^Last round (2026-spring): ')" 5
	text_of "$ann" | tr '\n' ' ' | grep -q 'you: 45%\.'
	# Ann answers from her second address; Bert's out-of-office reply
	# quotes his form, filled in by nobody.
	{ printf 'From: Ann Peeters <ann.home@stance.test>\nTo: facilitator@stance.test\nSubject: Re: Where do you stand?\n'
	  printf 'Date: Thu, 26 Nov 2026 12:00:00 +0100\nContent-Type: text/plain; charset=UTF-8\n\n'
	  text_of "$ann" | sed 's/^\[ \] 2\./[x] 2./'; } > ann-reply
	{ printf 'From: Bert <bert@stance.test>\nTo: facilitator@stance.test\nSubject: Out of office\n'
	  printf 'Auto-Submitted: auto-replied\nDate: Thu, 26 Nov 2026 10:05:00 +0100\nContent-Type: text/plain; charset=UTF-8\n\n'
	  printf 'I am away until Monday.\n\n'; text_of "$bert" | sed 's/^\[ \] 2\./[x] 2./; s/^/> /'; } > bert-ooo
	send_back ann-reply
	send_back bert-ooo
	wait_for "$FACILITATOR" 2
	run -0 --separate-stderr collect -v --key key --roster roster.tsv -r 2026-autumn "$FACILITATOR"
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | sort | uniq -c | tr -s ' ')" " 5 ann"
	printf '%s\n' "$stderr" | grep -q 'is an automatic reply (Auto-Submitted: auto-replied); ignored$'
	# Bert is still missing, and nothing says his reply was unreadable.
	run -0 --separate-stderr collect --key key --roster roster.tsv -r 2026-autumn --status "$FACILITATOR"
	assert_equal "$(printf '%s\n' "$output" | awk -F'\t' '{ print $1, $3, $6 }' | tr '\n' ';')" "ann 5/5 complete;bert 0/5 none;"
}

@test "a round that runs itself: answers typed on a phone, two boxes, receipts once, one collect a morning, reminders that say what went wrong" {
	mail_system
	printf '%s\t%s\t%s\t%s\n' \
	    ann staff ann@stance.test 'Ann Peeters' \
	    bert staff bert@stance.test 'Bert Maes' \
	    carl staff carl@stance.test 'Carl Claes' \
	    dora youth-work dora@stance.test 'Dora De Smet' \
	    emil youth-work emil@stance.test 'Emil Wouters' \
	    fay youth-work fay@stance.test 'Fay Jacobs' > roster.tsv
	export STANCE_NOW=2026-11-26T09:00:00Z
	run -0 remind_round --invitation roster.tsv
	wait_for "$PARTICIPANTS" 6
	# In a signed round the invitation says, in two lines, how to answer
	# on a phone.
	text_of "$(delivered ann@stance.test Where)" > invitation.txt
	diff -u - <(grep -A1 '^On a phone?' invitation.txt) <<-'END'
	On a phone? Type above the form the number of the statement you choose
	for each question, in order, - for no opinion: "2 1 1.5 2 3".
	END

	# Ann types a row above the quote; Bert types pairs with the quote
	# cut off (his reply still names the invitation); someone types a
	# row "from" Carl, answering nothing remind sent; Dora marks two
	# boxes on Openness; Emil sends HTML only; Fay says nothing.
	python3 "$TOP/tests/reply.py" phone 'Ann Peeters <ann@stance.test>' "$(delivered ann@stance.test Where)" '2 1 1,5 2 3' > ann.eml
	python3 "$TOP/tests/reply.py" trimmed 'Bert <bert@stance.test>' "$(delivered bert@stance.test Where)" '1: 3, 2: -, 3: 2; 4: 1 5: 40 %' > bert.eml
	python3 "$TOP/tests/reply.py" forged 'Carl <carl@stance.test>' "$(delivered carl@stance.test Where)" '2 2 2 2 2' > carl.eml
	python3 "$TOP/tests/reply.py" twobox 'Dora <dora@stance.test>' "$(delivered dora@stance.test Where)" 1 2 > dora.eml
	python3 "$TOP/tests/reply.py" html 'Emil <emil@stance.test>' "$(delivered emil@stance.test Where)" 1 > emil.eml
	for reply in ann bert carl dora emil; do
		send_back "$reply.eml"
	done
	wait_for "$FACILITATOR" 5

	# One collect a morning: the answers, and the status from the same
	# reading, so that each problem is said once.
	export STANCE_NOW=2026-11-27T09:00:00Z
	run -1 --separate-stderr collect --key key --roster roster.tsv --log remind.log \
	    --status-file status.tsv "$FACILITATOR"
	printf '%s\n' "$output" > answers.tsv
	assert_equal "$(cut -f2 answers.tsv | uniq -c | tr -s ' ' | tr '\n' ';')" " 5 ann; 5 bert; 4 dora;"
	assert_equal "$(grep -P '^2026-spring\tann\t' answers.tsv | cut -f4,5 | tr '\t\n' '=,')" "steering=50,openness=0,enforcement=50,legal=33.3,audience=100,"
	assert_equal "$(grep -P '^2026-spring\tbert\t' answers.tsv | cut -f4,5 | tr '\t\n' '=,')" "steering=100,openness=-,enforcement=100,legal=0,audience=40,"
	printf '%s\n' "$stderr" | grep -q 'the message from carl@stance.test has answers typed in it, but quotes no signed form and answers no message of remind.s log'
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'openness has more than one answer')" 1
	diff -u - <(cut -f1,3,6,7 status.tsv) <<-'END'
	ann	5/5	complete	-
	bert	5/5	complete	-
	carl	0/5	unreadable	not-signed
	dora	4/5	partial	two-marks:openness
	emil	0/5	unreadable	html-only
	fay	0/5	none	-
	END

	# Receipts: to the three whose answers arrived, once.
	run -0 remind_round --receipts --answers answers.tsv --status status.tsv roster.tsv
	wait_for "$PARTICIPANTS" 9
	assert_equal "$(grep -c '	receipt	.*	sent$' remind.log)" 3
	text_of "$(delivered ann@stance.test Received)" > ann-receipt.txt
	diff -u - <(sed -n '/^  Direction/,/^  Audience/p' ann-receipt.txt) <<-'END'
	  Direction: statement 2
	  Openness: statement 1
	  Enforcement: 50%, between statements 1 and 2
	  Legal form: statement 2
	  Audience: statement 3
	END
	text_of "$(delivered dora@stance.test Received)" | tr '\n' ' ' |
	    grep -q 'Openness: not answered yet .*What did not count: On Openness more than one box was marked, so that answer could not count: mark one\.'
	run -0 remind_round --receipts --answers answers.tsv --status status.tsv roster.tsv
	assert_equal "$(grep -c '	receipt	' remind.log)" 3

	# Four days on, the reminders say what went wrong, each its own.
	export STANCE_NOW=2026-11-30T09:00:00Z
	run -0 remind_round --every 3d --max 3 --answers answers.tsv --status status.tsv roster.tsv
	wait_for "$PARTICIPANTS" 13
	assert_equal "$(grep '	reminder	' remind.log | cut -f3 | tr '\n' ' ')" "carl dora emil fay "
	text_of "$(delivered dora@stance.test Reminder)" | tr '\n' ' ' |
	    grep -q 'Still missing: Openness\. On Openness more than one box was marked, so that answer could not count: mark one\. The form below'
	text_of "$(delivered emil@stance.test Reminder)" | tr '\n' ' ' |
	    grep -q 'none of its answers could count\. Your reply came in HTML only, and the form is read from plain text'
	text_of "$(delivered carl@stance.test Reminder)" | tr '\n' ' ' |
	    grep -q 'The answers you typed could not be matched to your form: reply to this very message'

	# Dora answers the reminder on her phone; the next receipt goes to
	# her alone, and says what counts now.
	python3 "$TOP/tests/reply.py" phone 'Dora <dora@stance.test>' "$(delivered dora@stance.test Reminder)" '2: 2' > dora2.eml
	send_back dora2.eml
	wait_for "$FACILITATOR" 6
	run -1 --separate-stderr collect --key key --roster roster.tsv --log remind.log \
	    --status-file status.tsv "$FACILITATOR"
	printf '%s\n' "$output" > answers.tsv
	assert_equal "$(grep -P '^dora\t' status.tsv | cut -f3,6,7)" "$(printf '5/5\tcomplete\t-')"
	run -0 remind_round --receipts --answers answers.tsv --status status.tsv roster.tsv
	assert_equal "$(grep '	receipt	' remind.log | cut -f3 | tr '\n' ' ')" "ann bert dora dora "
}

@test "the README's Sieve and procmail rules give the replies a folder of their own" {
	# The rules as the README prints them.
	sed -n '/^```sieve$/,/^```$/p' "$TOP/README.md" | sed '1d;$d' > rule.sieve
	sed -n '/^```procmail$/,/^```$/p' "$TOP/README.md" | sed '1d;$d' > rule.procmail
	[ -s rule.sieve ] && [ -s rule.procmail ]
	printf '%s\t%s\t%s\t%s\n' ann staff ann@stance.test Ann > roster.tsv
	remind -r 2026-spring --from facilitator@stance.test --key key --invitation --dry-run roster.tsv > invitation.mbox
	python3 -c 'import mailbox, sys; sys.stdout.write(mailbox.mbox(sys.argv[1])[0].as_string())' invitation.mbox > invitation.eml
	# A reply; one whose client keeps only References; something else.
	python3 "$TOP/tests/reply.py" quoted 'Ann <ann@stance.test>' invitation.eml 1 > reply.eml
	sed "s/^In-Reply-To: \(.*\)/References: <older@stance.test>\n  \1/" reply.eml > references.eml
	printf 'From: Bob <bob@example.org>\nTo: facilitator@stance.test\nSubject: lunch?\nIn-Reply-To: <lunch.1@example.org>\n\nTomorrow?\n' > other.eml
	grep -q '^In-Reply-To: <stance-invitation\.' reply.eml
	grep -q '^  <stance-invitation\.' references.eml

	if command -v sieve-test > /dev/null; then
		# sieve-test will not act as root: run it as nobody, in a
		# directory nobody can read.
		local dir run_as=()
		dir=$(mktemp -d /tmp/stance-sieve.XXXXXX)
		cp rule.sieve reply.eml references.eml other.eml "$dir"
		chmod 755 "$dir" && chmod 644 "$dir"/*
		[ "$(id -u)" = 0 ] && run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		for m in reply references other; do
			"${run_as[@]}" env HOME="$dir" sieve-test "$dir/rule.sieve" "$dir/$m.eml" 2>&1 |
			    sed -n 's/^ \* store message in folder: //p' | tr '\n' ' '
			echo "$m"
		done > sieve.out
		rm -rf "$dir"
		diff -u - sieve.out <<-'END'
		stance reply
		stance references
		INBOX other
		END
	else
		echo "# sieve-test (dovecot-sieve) is not installed: the Sieve rule is not tried" >&3
	fi

	if command -v procmail > /dev/null; then
		mkdir -p Maildir/cur Maildir/new Maildir/tmp
		{ printf 'MAILDIR=%s/Maildir/\nDEFAULT=$MAILDIR\n' "$PWD"; cat rule.procmail; } > procmailrc
		for m in reply references other; do
			procmail -m procmailrc < "$m.eml"
		done
		assert_equal "$(ls Maildir/.stance/new | wc -l) $(ls Maildir/new | wc -l)" "2 1"
		# collect reads the folder: the reply, and nothing to complain of.
		run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv Maildir/.stance
		assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
		assert_equal "$stderr" ""
	else
		echo "# procmail is not installed: the procmail rule is not tried" >&3
	fi
}

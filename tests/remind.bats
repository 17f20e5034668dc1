#!/usr/bin/env bats
# remind: whole messages as RFC 5322 and MIME want them (read by
# Python's email package, a parser that is not ours), personal reminders,
# the log and its lock, what is refused and never sent, and a whole round
# by mail through the real Postfix (.ci/postfix), or, where it does not
# run, through tests/fake-sendmail, which the test then says.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'the facilitator'"'"'s secret\n' > key
	chmod 600 key
	export FAKE_MAILDIRS=$BATS_TEST_TMPDIR/mail STANCE_NOW=2026-11-26T10:00:00Z
	printf '%s\t%s\t%s\t%s\n' \
	    ann staff ann@stance.test 'Ann Peeters' \
	    jose staff jose@stance.test 'José Müller-Lüdenscheidt van den Broeck' \
	    zoe youth-work zoe@stance.test 'Zoë "Z" Ünlü, MSc' > roster.tsv
}

# remind with the usual options, to the fake mail system.
remind_fake() {
	remind -r 2026-spring --from facilitator@stance.test --key key --sendmail fake-sendmail "$@"
}

# The messages in a Maildir, oldest first.
messages() {
	ls -tr "$1"/new/* 2> /dev/null
}

@test "invitations are whole messages: headers, encoded names, quoted-printable, lines within limits" {
	run -0 --separate-stderr remind_fake --invitation --until 2026-12-01T17:00Z --dry-run roster.tsv
	printf '%s\n' "$output" > out.mbox
	assert_equal "$(grep -c '^From facilitator@stance.test Thu Nov 26 10:00:00 2026$' out.mbox)" 3
	assert_equal "$(grep '^Message-ID: ' out.mbox | grep -cE '^Message-ID: <stance-invitation\.[0-9]+\.[0-9a-f]{16}@stance\.test>$')" 3
	# Each its own, though made in the same second by the same process.
	assert_equal "$(grep '^Message-ID: ' out.mbox | sort -u | wc -l)" 3
	# Python's own mail parser reads every header and the body back.
	run -0 python3 - out.mbox <<-'EOF'
	import mailbox, sys
	from email.header import decode_header, make_header
	for m in mailbox.mbox(sys.argv[1]):
	    to = str(make_header(decode_header(m['To'])))
	    body = m.get_payload(decode=True).decode('utf-8')
	    print(to, '|', m['Subject'], '|', m.get_content_type(), m.get_content_charset(),
	          m['Content-Transfer-Encoding'], '|', m['Date'], '|', m['Message-ID'].split('.')[0],
	          '|', body.split('\n')[0], '|', 'stance-token: ' in body)
	EOF
	diff -u - <(printf '%s\n' "$output") <<-'END'
	"Ann Peeters" <ann@stance.test> | Where do you stand? Round 2026-spring | text/plain utf-8 quoted-printable | Thu, 26 Nov 2026 10:00:00 +0000 | <stance-invitation | Dear Ann Peeters, | True
	José Müller-Lüdenscheidt van den Broeck <jose@stance.test> | Where do you stand? Round 2026-spring | text/plain utf-8 quoted-printable | Thu, 26 Nov 2026 10:00:00 +0000 | <stance-invitation | Dear José Müller-Lüdenscheidt van den Broeck, | True
	Zoë "Z" Ünlü, MSc <zoe@stance.test> | Where do you stand? Round 2026-spring | text/plain utf-8 quoted-printable | Thu, 26 Nov 2026 10:00:00 +0000 | <stance-invitation | Dear Zoë "Z" Ünlü, MSc, | True
	END
	# Every line 7-bit and within 78 columns (76 in the body).
	run -0 awk 'length($0) > 78 || /[\200-\377]/ { print NR ": " $0; bad = 1 } END { exit bad }' out.mbox
	grep -q 'Please reply by 2026-12-01 17:00 UTC\.' <(python3 -c 'import mailbox,sys; print(mailbox.mbox(sys.argv[1])[0].get_payload(decode=True).decode())' out.mbox)
}

@test "the form in a message is ask --form's, signed, and collect reads it back from the mail" {
	run -0 remind_fake --invitation --dry-run roster.tsv
	printf '%s\n' "$output" > out.mbox
	python3 -c 'import mailbox,sys; sys.stdout.write(mailbox.mbox(sys.argv[1])[0].get_payload(decode=True).decode())' out.mbox |
	    sed -n '/^# stance form/,$p' > mailed-form
	diff -u <(ask --form --key key -r 2026-spring -p ann -g staff) mailed-form
	# Marked in the quoted-printable text and read by collect, key and all.
	sed 's/^\[ \] 1\./[x] 1./' out.mbox > filled.mbox
	run -0 --separate-stderr collect --key key filled.mbox
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | sort | uniq -c | tr -s ' ')" " 5 ann
 5 jose
 5 zoe"
}

@test "a roster line with CR or NUL, or an address starting with -: reported, never sent; no address: skipped quietly" {
	{ cat roster.tsv
	  printf 'eve\tstaff\t-eve@stance.test\tEve\n'
	  printf 'mal\tstaff\tmal@stance.test\tMal\rBcc: x@evil.test\n'
	  printf 'nul\tstaff\tnul@stance.test\tN\000ul\n'
	  printf 'nobody\tstaff\t-\tNobody\n'
	  printf 'two\tstaff\ttwo@a@b\tTwo\n'
	  printf 'ann\tstaff\tann@stance.test\tAnn again\n'; } > bad.tsv
	run -1 --separate-stderr remind_fake --invitation bad.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	remind: bad.tsv:4: address '-eve@stance.test' of eve starts with -, which sendmail would take for an option; nothing sent
	remind: bad.tsv:5: name 'Mal\x0dBcc: x@evil.test' contains a control character; nothing sent
	remind: bad.tsv:6: line contains a NUL byte; nothing sent
	remind: bad.tsv:8: email 'two@a@b' is not an address like name@example.org (or several, separated by commas), or -; nothing sent
	remind: bad.tsv:9: ann is on the roster already (line 1); not written to twice
	END
	# Without an address (someone on paper): skipped, said with -v only,
	# and no reason to exit 1 from cron.
	printf 'nobody\tstaff\t-\tNobody\n' > paper.tsv
	run -0 --separate-stderr remind_fake --invitation --dry-run paper.tsv
	assert_equal "$stderr" ""
	run -0 --separate-stderr remind_fake -v --invitation --dry-run paper.tsv
	assert_equal "$stderr" "$(printf 'remind: nobody: no address on the roster (answers on paper?); skipped\nremind: 0 sent, 1 skipped, 0 failed, 0 refused')"
	# The good three went, one message each; nothing else did.
	assert_equal "$(messages mail/participants | wc -l)" 3
	assert_equal "$(grep -h '^Delivered-To:' mail/participants/new/* | sort | tr '\n' ' ')" \
	    "Delivered-To: ann@stance.test Delivered-To: jose@stance.test Delivered-To: zoe@stance.test "
}

@test "the log: --every and --max skip; a failed hand-over is logged failed and tried again" {
	run -0 remind_fake --invitation --log remind.log roster.tsv
	assert_equal "$(cut -f3,4,6 remind.log | tr '\t\n' ' ;')" "ann invitation sent;jose invitation sent;zoe invitation sent;"
	# Invited already: a second --invitation sends nothing.
	run -0 --separate-stderr remind_fake -v --invitation --log remind.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -1)" "remind: 0 sent, 3 skipped, 0 failed, 0 refused"
	# A day later: --every 3d counts from the invitation, so nobody yet.
	STANCE_NOW=2026-11-27T10:00:00Z run -0 remind_fake --every 3d --log remind.log roster.tsv
	assert_equal "$(wc -l < remind.log)" 3
	# Four days later reminders, but the mail system refuses jose's.
	STANCE_NOW=2026-11-30T10:00:00Z FAKE_SENDMAIL_REFUSE=jose@stance.test \
	    run -1 --separate-stderr remind_fake --every 3d --log remind.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'jose: the message could not be handed over; logged as failed, tried again next run')" 1
	assert_equal "$(tail -n 3 remind.log | cut -f3,4,6 | tr '\t\n' ' ;')" "ann reminder sent;jose reminder failed;zoe reminder sent;"
	# An hour later jose is tried again (a failure does not count); the others wait 3 days.
	STANCE_NOW=2026-11-30T11:00:00Z run -0 remind_fake --every 3d --log remind.log roster.tsv
	assert_equal "$(tail -n 1 remind.log | cut -f3,4,6)" "jose	reminder	sent"
	# --max 2: ann and zoe have had two; after three days nobody but jose... who has two too.
	STANCE_NOW=2026-12-04T10:00:00Z run -0 --separate-stderr remind_fake -v --every 3d --max 2 --log remind.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -1)" "remind: 0 sent, 3 skipped, 0 failed, 0 refused"
	assert_equal "$(wc -l < remind.log)" 7
	# Every line is whole and the log is private.
	run -0 awk -F'\t' 'NF != 6 { exit 1 }' remind.log
	assert_equal "$(stat -c %a remind.log)" 600
}

@test "a reminder is threaded under the invitation, and names the deadline" {
	remind_fake --invitation --log remind.log roster.tsv
	invitation=$(grep -P '\tann\tinvitation\t' remind.log | cut -f5)
	STANCE_NOW=2026-11-28T10:00:00Z run -0 remind_fake --until 2026-12-01T17:00Z --log remind.log roster.tsv
	reminder=$(grep -l '^Delivered-To: ann@' mail/participants/new/* | xargs grep -l '^Subject: Reminder')
	assert_equal "$(grep '^In-Reply-To:' "$reminder")" "In-Reply-To: $invitation"
	assert_equal "$(grep '^References:' "$reminder")" "References: $invitation"
	python3 -c 'import email,sys; print(email.message_from_binary_file(open(sys.argv[1],"rb")).get_payload(decode=True).decode())' "$reminder" > text
	grep -qx 'A reminder: your answers for round 2026-spring of "Weighing up what your' text
	grep -q 'Please reply by 2026-12-01 17:00 UTC\.$' text
	# After the deadline nothing is sent, quietly: the round is closed.
	STANCE_NOW=2026-12-01T17:00:00Z run -0 --separate-stderr remind_fake --until 2026-12-01T17:00Z --log remind.log roster.tsv
	assert_equal "$stderr" ""
	assert_equal "$(wc -l < remind.log)" 6
}

@test "personal: partial answers are named and filled in; an unreadable reply is said" {
	printf '2026-spring\tann\tstaff\tsteering\t0\t2026-11-26T11:00:00Z\tconcrete, please\n2026-spring\tann\tstaff\tlegal\t40\t2026-11-26T11:00:00Z\t\n2026-spring\tann\tstaff\tenforcement\t-\t2026-11-26T11:00:00Z\t\n' > answers.tsv
	printf 'ann\tstaff\t3/5\t2026-11-26T11:00:00Z\topenness,audience\tpartial\t-\njose\tstaff\t0/5\t-\tsteering,openness,enforcement,legal,audience\tunreadable\t-\nzoe\tyouth-work\t0/5\t-\tsteering,openness,enforcement,legal,audience\tnone\t-\n' > status.tsv
	run -0 remind_fake --answers answers.tsv --status status.tsv --dry-run roster.tsv
	printf '%s\n' "$output" > out.mbox
	python3 -c 'import mailbox,sys
for m in mailbox.mbox(sys.argv[1]): print(m.get_payload(decode=True).decode())' out.mbox > bodies
	grep -qx 'Thank you for your answers on Direction, Enforcement and Legal form.' bodies
	grep -qx 'Still missing: Openness and Audience. The form below has what you gave' bodies
	grep -q '^Your reply for round 2026-spring could not be read' bodies
	grep -q '^A reminder: your answers for round 2026-spring' bodies
	# Ann's form: her three answers marked, the note kept; read back, they are hers.
	sed -n '/^stance-participant: ann$/,/^stance-end$/p' bodies > ann-form
	grep -qx '\[x\] 1. Our social media policy should spell out as concretely as' ann-form
	grep -qx '\[x\] -. No opinion' ann-form
	grep -qx "percent: 40%" ann-form
	grep -qx 'note: concrete, please' ann-form
	{ printf 'stance-form: social-media-policy\nstance-round: 2026-spring\n'; cat ann-form; } |
	    collect --key key - > back.tsv
	diff -u <(cut -f2,4,5,7 answers.tsv | sort) <(cut -f2,4,5,7 back.tsv | sort)
	# Whoever answered everything (the whole roster piped in) is skipped.
	printf 'ann\tstaff\t5/5\t2026-11-26T11:00:00Z\t-\tcomplete\t-\n' > done.tsv
	run -0 --separate-stderr remind_fake -v --status done.tsv --dry-run roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann: answered every question already; skipped'
	assert_equal "$(printf '%s\n' "$output" | grep -c '^To: ')" 2
	for c in openness audience; do
		printf '2026-spring\tann\tstaff\t%s\t50\t2026-11-26T12:00:00Z\t\n' "$c"
	done >> answers.tsv
	run -0 --separate-stderr remind_fake -v --answers answers.tsv --dry-run roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann: answered every question already; skipped'
}

@test "--mbox appends whole messages, From lines quoted, and collect reads the mbox" {
	printf 'ann\tstaff\tann@stance.test\tFrom Ann\n' > from.tsv
	run -0 remind -r 2026-spring --from facilitator@stance.test --key key --invitation \
	    --subject 'From the facilitator: your form' --mbox out.mbox from.tsv
	run -0 remind -r 2026-spring --from facilitator@stance.test --key key --invitation --mbox out.mbox roster.tsv
	assert_equal "$(grep -c '^From facilitator@stance.test ' out.mbox)" 4
	assert_equal "$(stat -c %a out.mbox)" 600
	grep -qx 'Subject: From the facilitator: your form' out.mbox
	sed 's/^\[ \] 2\./[x] 2./' out.mbox > filled.mbox
	run -0 --separate-stderr collect --key key filled.mbox
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 15
	# Without the roster no sender was checked, and collect says so, once.
	assert_equal "$stderr" "collect: --key without --roster: forms in mail are counted whatever address they came from; give the roster to refuse those from addresses it does not give"
}

@test "a person with two addresses: messages go to the first, a form from either counts, from a third it does not" {
	printf 'ann\tstaff\tann@stance.test,ann.home@stance.test\tAnn Peeters\n' > two.tsv
	run -0 --separate-stderr remind_fake --invitation --dry-run two.tsv
	printf '%s\n' "$output" | grep -qx 'To: "Ann Peeters" <ann@stance.test>'
	remind_fake --invitation --dry-run two.tsv > invitation.mbox
	local from
	for from in ann@stance.test ANN.home@stance.test other@stance.test; do
		sed -e 's/^\[ \] 2\./[x] 2./' -e "s/^From: .*/From: <$from>/" invitation.mbox > reply.mbox
		run --separate-stderr collect --key key --roster two.tsv reply.mbox
		case $from in
		other@*)
			assert_equal "$status" 1
			assert_equal "$(printf '%s\n' "$output" | grep -c .)" 0
			printf '%s\n' "$stderr" | grep -q "form of ann: the message came from other@stance.test, not from ann@stance.test,ann.home@stance.test, the address on the roster" ;;
		*)
			assert_equal "$status" 0
			assert_equal "$(printf '%s\n' "$output" | grep -c '^2026-spring	ann	')" 5 ;;
		esac
	done
	# Each address is checked: a bad second one is said.
	printf 'ann\tstaff\tann@stance.test,ann@\tAnn\n' > bad.tsv
	run -1 --separate-stderr remind_fake --invitation --dry-run bad.tsv
	assert_equal "$stderr" "remind: bad.tsv:1: email 'ann@stance.test,ann@' is not an address like name@example.org (or several, separated by commas), or -; nothing sent"
}

@test "two runs of the same cron line at once send nothing twice" {
	# A slow mail system keeps the first run inside its lock.
	cat > slow-sendmail <<-'EOF'
	#!/bin/sh
	sleep 0.3
	exec fake-sendmail "$@"
	EOF
	chmod +x slow-sendmail
	for i in 1 2 3; do
		remind -r 2026-spring --from facilitator@stance.test --key key --sendmail ./slow-sendmail \
		    --every 3d --max 2 --log remind.log roster.tsv &
	done
	wait
	assert_equal "$(wc -l < remind.log)" 3
	assert_equal "$(messages mail/participants | wc -l)" 3
	assert_equal "$(cut -f3 remind.log | sort | tr '\n' ' ')" "ann jose zoe "
}

@test "a bad log line is said and the rest still counts; usage errors" {
	printf '2026-11-26T10:00:00Z\t2026-spring\tann\tinvitation\t<a@stance.test>\tsent\nnot a log line\n2026-11-26T10:00:00Z\t2026-spring\tjose\tinvitation\t<b@stance.test>\tsent' > remind.log
	run -1 --separate-stderr remind_fake --invitation --log remind.log roster.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	remind: remind.log:2: not a line of remind's log: it has no tabs (6 tab-separated fields are expected: time, round, participant, kind, message-id, result)
	remind: remind.log:3: the last line was cut short ('2026-11-26T10:00:00Z\x092026-spring\x09jose\x09invitation\x09<b@stance.test>\x09sent'); it names jose in round 2026-spring: counted as written to, so that nothing goes twice, and written again whole
	END
	# ann was invited, and so was jose, whose line was cut short: only zoe
	# is invited now, on a line of her own.
	assert_equal "$(tail -n 2 remind.log | cut -f3 | tr '\n' ' ')" "jose zoe "
	assert_equal "$(grep -c . remind.log)" 4
	run -2 --separate-stderr remind --from facilitator@stance.test roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "usage: remind -r round --from address [-v] [-L lang] [-q file]"
	run -2 --separate-stderr remind -r x --from f@stance.test --mbox a --sendmail b roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "usage: remind -r round --from address [-v] [-L lang] [-q file]"
	[ ! -e a ]
	run -2 --separate-stderr remind -r x --from f@stance.test --every 3 roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "remind: --every '3' is not a number and m, h, d or w (90m, 12h, 3d, 1w; at most 52w)"
	run -2 --separate-stderr remind -r x --from -f@stance.test roster.tsv
	assert_equal "$stderr" "remind: --from '-f@stance.test' starts with -, which sendmail would take for an option"
	run -2 --separate-stderr remind -r 'a b' --from f@stance.test roster.tsv
	assert_equal "$stderr" "remind: round 'a b' contains white space"
	run -2 --separate-stderr remind -r x --from f@stance.test --sendmail ' ' roster.tsv
	assert_equal "$stderr" "remind: --sendmail is empty"
	run -2 --separate-stderr remind -r x --from f@stance.test --subject "$(printf 'a\033[2Jb')" roster.tsv
	assert_equal "$stderr" "remind: --subject must be one line of UTF-8 text without control or direction-changing characters"
}

@test "a mail system that cannot be run is a failed hand-over, reported" {
	run -1 --separate-stderr remind -r 2026-spring --from facilitator@stance.test --sendmail /nonexistent/sendmail \
	    --log remind.log roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: /nonexistent/sendmail: No such file or directory'
	printf '%s\n' "$stderr" | grep -qx 'remind: ann@stance.test: /nonexistent/sendmail exited with status 127'
	assert_equal "$(cut -f6 remind.log | sort -u)" failed
	STANCE_SENDMAIL=fake-sendmail run -0 remind -r 2026-spring --from facilitator@stance.test --log remind.log roster.tsv
	assert_equal "$(cut -f6 remind.log | tail -n 3 | sort -u)" sent
}

@test "in Dutch: the text, the subject and the form" {
	run -0 remind_fake -L nl --invitation --until 2026-12-01T17:00Z --dry-run roster.tsv
	printf '%s\n' "$output" > out.mbox
	python3 -c 'import mailbox,sys; m = mailbox.mbox(sys.argv[1])[0]; print(m["Subject"]); print(m.get_payload(decode=True).decode())' out.mbox > nl.txt
	assert_equal "$(head -2 nl.txt)" "Waar sta jij? Ronde 2026-spring
Beste Ann Peeters,"
	grep -q '^Je bent uitgenodigd om te zeggen waar je staat in ronde 2026-spring' nl.txt
	grep -q 'Antwoord graag voor 2026-12-01 17:00 UTC\.$' nl.txt
	grep -qx 'procent:' nl.txt
	grep -qx 'Bedankt,' nl.txt
}

@test "a mail system that stops reading before the end has not taken the message" {
	# A questionnaire long enough that the message outgrows a pipe's buffer.
	{ printf 'questionnaire: big\ntitle: Big\nlang: en\n\ncontinuum: c\nquestion: Q?\nhelp:'
	  for i in $(seq 15000); do printf ' word%d' "$i"; done
	  printf '\nleft: a\nright: b\nanchor: one\nanchor: two\n'; } > big.txt
	printf '#!/bin/sh\nhead -c 10 > /dev/null\n' > half-sendmail
	chmod +x half-sendmail
	run -1 --separate-stderr remind -q big.txt -r x --from f@stance.test --sendmail ./half-sendmail \
	    --log remind.log roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann@stance.test: ./half-sendmail read 10 of the message.s [0-9]* bytes and stopped'
	assert_equal "$(cut -f6 remind.log | sort -u)" failed
	# A message smaller than a pipe's buffer: 100 bytes read is not all.
	printf '#!/bin/sh\nhead -c 100 > /dev/null\n' > half-sendmail
	run -1 --separate-stderr remind -r x --from f@stance.test --sendmail ./half-sendmail roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann@stance.test: ./half-sendmail read 100 of the message.s [0-9]* bytes and stopped'
	# All but the last byte is not all either; all of it is.
	printf '#!/bin/sh\ncat | wc -c >&2\n' > count-sendmail
	chmod +x count-sendmail
	head -n 1 roster.tsv > ann.tsv
	size=$(remind -r x --from f@stance.test --sendmail ./count-sendmail ann.tsv 2>&1)
	printf '#!/bin/sh\nhead -c %d > /dev/null\n' $((size - 1)) > half-sendmail
	run -1 --separate-stderr remind -r x --from f@stance.test --sendmail ./half-sendmail roster.tsv
	printf '%s\n' "$stderr" | grep -qx "remind: ann@stance.test: ./half-sendmail read $((size - 1)) of the message's $size bytes and stopped"
	printf '#!/bin/sh\nhead -c %d > /dev/null\n' "$size" > half-sendmail
	run -0 remind -r x --from f@stance.test --sendmail ./half-sendmail ann.tsv
}

@test "a mail system that hangs is stopped after --timeout, logged failed, and the run goes on" {
	printf '#!/bin/sh\nexec sleep 30\n' > hang-sendmail
	printf '#!/bin/sh\ntrap "" TERM\nexec sleep 30\n' > stubborn-sendmail
	chmod +x hang-sendmail stubborn-sendmail
	head -n 1 roster.tsv > ann.tsv
	SECONDS=0
	run -1 --separate-stderr remind -r x --from f@stance.test --sendmail ./hang-sendmail --timeout 1 --log remind.log ann.tsv
	assert_equal "$stderr" "remind: ann@stance.test: ./hang-sendmail did not finish in time (--timeout 1) and was stopped
remind: ann.tsv:1: ann: the message could not be handed over; logged as failed, tried again next run"
	assert_equal "$(cut -f3,6 remind.log)" "ann	failed"
	# One that ignores SIGTERM is killed two seconds later.
	run -1 --separate-stderr remind -r x --from f@stance.test --sendmail ./stubborn-sendmail --timeout 1 ann.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann@stance.test: ./stubborn-sendmail did not finish in time (--timeout 1) and was stopped'
	assert_number "$SECONDS" -lt 15
	run -2 --separate-stderr remind -r x --from f@stance.test --timeout 0 ann.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "remind: --timeout '0' is not a whole number from 1 to 3600"
	run -0 remind -r x --from f@stance.test --timeout 3600 --dry-run ann.tsv
}

@test "--max 0 sends nothing, not even to those the log has never seen" {
	run -0 --separate-stderr remind_fake -v --max 0 --log remind.log roster.tsv
	assert_equal "$stderr" "remind: ann: --max 0; skipped
remind: jose: --max 0; skipped
remind: zoe: --max 0; skipped
remind: 0 sent, 3 skipped, 0 failed, 0 refused"
	assert_equal "$(wc -c < remind.log)" 0
	run -0 --separate-stderr remind_fake -v --max 1 --log remind.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "remind: 3 sent, 0 skipped, 0 failed, 0 refused"
}

@test "a log line cut short is mended before anything is appended: nothing is sent twice" {
	printf '2026-11-26T10:00:00Z\t2026-spring\tann\tinvitation\t<a@stance.test>\tsent\n' > remind.log
	printf '2026-11-26T10:00:00Z\t2026-spring\tjose\tinvi' >> remind.log
	run -1 --separate-stderr remind_fake --max 1 --log remind.log roster.tsv
	assert_equal "$stderr" "remind: remind.log:2: the last line was cut short ('2026-11-26T10:00:00Z\x092026-spring\x09jose\x09invi'); it names jose in round 2026-spring: counted as written to, so that nothing goes twice, and written again whole"
	# jose's line is whole again, zoe's stands on its own, and the next
	# run reads them all without a word and sends nothing.
	assert_equal "$(sed -n 2p remind.log)" "$(printf '2026-11-26T10:00:00Z\t2026-spring\tjose\treminder\t-\tsent')"
	assert_equal "$(sed -n 3p remind.log | cut -f3,6)" "zoe	sent"
	run -0 --separate-stderr remind_fake -v --max 1 --log remind.log roster.tsv
	assert_equal "$stderr" "remind: ann: sent --max messages already; skipped
remind: jose: sent --max messages already; skipped
remind: zoe: sent --max messages already; skipped
remind: 0 sent, 3 skipped, 0 failed, 0 refused"
	# Cut before the participant is whole: nobody can be counted.
	printf 'x\n2026-11-26T10:00:00Z\t2026-spring\tjo' > cut.log
	run -1 --separate-stderr remind_fake --dry-run --log cut.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "remind: cut.log:2: the last line was cut short before it named anyone ('2026-11-26T10:00:00Z\x092026-spring\x09jo'); removed"
	# A dry run changes nothing, the log included; a real one mends it.
	assert_equal "$(cat cut.log)" "$(printf 'x\n2026-11-26T10:00:00Z\t2026-spring\tjo')"
	run -1 remind_fake --log cut.log roster.tsv
	assert_equal "$(cut -f3 cut.log | tr '\n' ' ')" "x ann jose zoe "
	# An invitation cut in its kind counts as the kind this run sends.
	printf '2026-11-26T10:00:00Z\t2026-spring\tann\tinvi' > inv.log
	run -1 --separate-stderr remind_fake -v --invitation --log inv.log roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann: invited already; skipped'
}

@test "a log others can write, or that belongs to someone else, is refused before anything is sent" {
	: > remind.log
	chmod 620 remind.log
	run -2 --separate-stderr remind_fake --log remind.log roster.tsv
	assert_equal "$stderr" "remind: log remind.log can be written by others (mode 0620); make it yours alone: chmod 600 remind.log"
	chmod 602 remind.log
	run -2 --separate-stderr remind_fake --log remind.log roster.tsv
	assert_equal "$stderr" "remind: log remind.log can be written by others (mode 0602); make it yours alone: chmod 600 remind.log"
	[ ! -e mail ]
	# Readable by the group is allowed: it names no secret.
	chmod 640 remind.log
	run -0 remind_fake --log remind.log roster.tsv
	[ "$(id -u)" -eq 0 ] || skip "only root can give a file to another user"
	chmod 600 remind.log
	chown 65534 remind.log
	run -2 --separate-stderr remind_fake --log remind.log roster.tsv
	assert_equal "$stderr" "remind: log remind.log belongs to user 65534, not to you; whoever owns it decides who is written to"
}

@test "a cut last line with NUL bytes in it, as a crash can leave, names nobody (found by the whole-program harness)" {
	printf '2026-11-26T10:00:00Z\tr1\tjo\000\000\000se\tremi' > nul.log
	run -1 --separate-stderr remind_fake -r r1 --log nul.log roster.tsv
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "remind: nul.log:1: the last line was cut short before it named anyone ('2026-11-26T10:00:00Z\x09r1\x09jo\x00\x00\x00se\x09remi'); removed"
	assert_equal "$(cut -f3 nul.log | tr '\n' ' ')" "ann jose zoe "
}

@test "headers and body at their edges: every encoded word whole UTF-8, quotes in a name escaped, = in the body encoded" {
	printf 'bo\tstaff\tbo@stance.test\tBo "the boss" = Jansen\n' > quoted.tsv
	run -0 --separate-stderr remind_fake --invitation --dry-run \
	    --subject "$(printf 'é%.0s' $(seq 40)) ∑ $(printf 'ü%.0s' $(seq 31))" quoted.tsv
	printf '%s\n' "$output" > out.mbox
	# Each encoded word stands alone (RFC 2047, 5): no character is cut
	# between two of them, whatever a lenient reader would mend.
	run -0 python3 - out.mbox <<-'EOF'
	import base64, mailbox, re, sys
	m = mailbox.mbox(sys.argv[1])[0]
	words = re.findall(r'=\?UTF-8\?B\?([^?]*)\?=', m['Subject'])
	print(len(words) > 1, ''.join(base64.b64decode(w).decode('utf-8', 'strict') for w in words))
	print(m['To'])
	print(m.get_payload(decode=True).decode('utf-8').split('\n')[0])
	EOF
	diff -u - <(printf '%s\n' "$output") <<-END
	True $(printf 'é%.0s' $(seq 40)) ∑ $(printf 'ü%.0s' $(seq 31))
	"Bo \"the boss\" = Jansen" <bo@stance.test>
	Dear Bo "the boss" = Jansen,
	END
	grep -qx 'Dear Bo "the boss" =3D Jansen,' out.mbox
}

@test "a log's Message-ID is <id@host>: each way it is not is said" {
	local id
	for id in 'ab@stance.test>' '<ab@stance.test' '<@stance.test>' '<a@>' '<a>' '<a @b>' '<é@b>' ''; do
		printf '2026-11-26T10:00:00Z\t2026-spring\tann\tinvitation\t%s\tsent\n' "$id" > remind.log
		run -1 --separate-stderr remind_fake --invitation --dry-run --log remind.log roster.tsv
		if [ -z "$id" ]; then
			printf '%s\n' "$stderr" | grep -q '^remind: remind.log:1: '
		else
			assert_equal "$(printf '%s\n' "$stderr" | head -1)" "remind: remind.log:1: message-id '$id' is not a Message-ID like <id@host>"
		fi
	done
	for id in '<a@b>' '-'; do
		printf '2026-11-26T10:00:00Z\t2026-spring\tann\tinvitation\t%s\tsent\n' "$id" > remind.log
		run -0 --separate-stderr remind_fake --invitation --dry-run --log remind.log roster.tsv
	done
}

@test "--every at its boundary: exactly that long after the last message sends, a second less does not" {
	printf '2026-11-24T10:00:00Z\t2026-spring\tann\tinvitation\t<a@stance.test>\tsent\n' > remind.log
	head -1 roster.tsv > ann.tsv
	# Two days less a second: not yet.
	STANCE_NOW=2026-11-26T09:59:59Z run -0 --separate-stderr remind_fake -v --every 2d --log remind.log ann.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -1)" "remind: 0 sent, 1 skipped, 0 failed, 0 refused"
	# Two days to the second: a reminder.
	STANCE_NOW=2026-11-26T10:00:00Z run -0 --separate-stderr remind_fake -v --every 2d --log remind.log ann.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -1)" "remind: 1 sent, 0 skipped, 0 failed, 0 refused"
}

@test "an out-of-office reply is nobody's answer: ignored, said with -v, and no reason to call its sender unreadable" {
	head -1 roster.tsv > ann.tsv
	remind_fake --invitation --dry-run ann.tsv > invitation.mbox
	local header
	for header in 'Auto-Submitted: auto-replied' 'Auto-Submitted: Auto-Notified; owner-email="x@y"' \
	    'X-Autoreply: yes' 'Precedence: auto_reply'; do
		# The auto-reply quotes the whole form, filled in as ann left it.
		sed -e 's/^\[ \] 2\./[x] 2./' -e 's/^From: .*/From: <ann@stance.test>/' \
		    -e "s/^Subject: .*/Subject: Out of office/" -e "s/^Auto-Submitted: .*/$header/" invitation.mbox > ooo.mbox
		grep -qx "$header" ooo.mbox || sed -i "s/^Subject: Out of office$/&\n$header/" ooo.mbox
		run -0 --separate-stderr collect --min-group 1 --key key --roster ann.tsv ooo.mbox
		assert_equal "$header: $output" "$header: "
		assert_equal "$stderr" ""
		run -0 --separate-stderr collect --min-group 1 -v --key key --roster ann.tsv ooo.mbox
		printf '%s\n' "$stderr" | grep -q "^collect: ooo.mbox:1: the message from ann@stance.test (ann) is an automatic reply (" ||
		    printf '%s\n' "$stderr" | grep -q "^collect: ooo.mbox:1: the message from ann@stance.test is an automatic reply ("
		printf '%s\n' "$stderr" | grep -qx 'collect: 1 automatic replies ignored'
		# Not unreadable: --status says she has not answered, no more.
		run -0 --separate-stderr collect --min-group 1 --key key --roster ann.tsv --status ooo.mbox
		assert_equal "$(printf '%s\n' "$output" | cut -f3,6)" "0/5	none"
	done
	# A person's reply that says it is none (Auto-Submitted: no) counts,
	# and so does remind's own auto-generated message read back.
	sed -e 's/^\[ \] 2\./[x] 2./' -e 's/^From: .*/From: <ann@stance.test>/' \
	    -e 's/^Auto-Submitted: .*/Auto-Submitted: no/' invitation.mbox > reply.mbox
	run -0 collect --min-group 1 --key key --roster ann.tsv reply.mbox
	assert_equal "$(printf '%s\n' "$output" | grep -c '^2026-spring	ann	')" 5
}

@test "a named sender, the deadline in the facilitator's own time, and the facilitator's own words" {
	printf 'We meet on 10 December.\r\nBring your questions.\r\n\r\nSofie\n' > own.txt
	head -1 roster.tsv > ann.tsv
	TZ='CET-1CEST,M3.5.0,M10.5.0/3' run -0 --separate-stderr remind -r 2026-spring \
	    --from 'Sofie Peeters-Ünlü <sofie@stance.test>' --key key --invitation \
	    --until '2026-12-01 17:00' --text own.txt --dry-run ann.tsv
	printf '%s\n' "$output" > out.mbox
	run -0 python3 - out.mbox <<-'EOF'
	import mailbox, sys
	from email.header import decode_header, make_header
	m = mailbox.mbox(sys.argv[1])[0]
	print(str(make_header(decode_header(m['From']))))
	body = m.get_payload(decode=True).decode('utf-8')
	print([l for l in body.split('\n') if 'reply by' in l][0])
	print(body.split('\n\n')[2:6])
	EOF
	diff -u - <(printf '%s\n' "$output") <<-'END'
	Sofie Peeters-Ünlü <sofie@stance.test>
	message. Please reply by 2026-12-01 17:00 CET.
	['We meet on 10 December. Bring your questions.', 'Sofie', 'On a phone? Type above the form the number of the statement you choose\nfor each question, in order, - for no opinion: "2 1 1.5 2 3".', 'Thank you,\nSofie Peeters-Ünlü']
	END
	grep -q '^From sofie@stance.test ' out.mbox
	grep -qE '^Message-ID: <stance-invitation\.[0-9]+\.[0-9a-f]{16}@stance\.test>$' out.mbox
	# Summer time is said as such; a bare address signs with itself.
	TZ='CET-1CEST,M3.5.0,M10.5.0/3' run -0 remind -r 2026-spring --from sofie@stance.test --key key \
	    --until '2027-06-01 17:00' --dry-run ann.tsv
	printf '%s\n' "$output" | grep -q 'Please reply by 2027-06-01 17:00 CEST\.'
	printf '%s\n' "$output" | grep -qx 'sofie@stance.test'
	# The own words go in invitations, not in reminders.
	run -0 remind -r 2026-spring --from sofie@stance.test --key key --text own.txt --dry-run ann.tsv
	printf '%s\n' "$output" | grep -q 'Bring your questions' && false
	# What is refused: a name with a control character, a text that
	# cannot be read, or holds one, or is too long.
	run -2 --separate-stderr remind -r r --from "$(printf 'Sofie\033[31m <s@stance.test>')" --dry-run ann.tsv
	assert_equal "$stderr" "remind: --from: the name must be one line of text without control or direction-changing characters"
	run -2 --separate-stderr remind -r r --from 'Sofie <s@>' --dry-run ann.tsv
	printf '%s\n' "$stderr" | grep -q "^remind: --from 's@' "
	run -2 --separate-stderr remind -r r --from s@stance.test --text missing.txt --dry-run ann.tsv
	assert_equal "$stderr" "remind: --text missing.txt: No such file or directory"
	# A tab is a blank.
	printf 'Two\tcolumns\n' > tab.txt
	run -0 remind -r r --from s@stance.test --text tab.txt --invitation --dry-run ann.tsv
	printf '%s\n' "$output" | grep -qx 'Two columns'
	printf 'a bell \a\n' > bell.txt
	run -2 --separate-stderr remind -r r --from s@stance.test --text bell.txt --dry-run ann.tsv
	assert_equal "$stderr" "remind: --text bell.txt: the text must be UTF-8 without control or direction-changing characters"
	head -c 8192 /dev/zero | tr '\0' a > long.txt
	run -0 remind -r r --from s@stance.test --text long.txt --invitation --dry-run ann.tsv
	printf a >> long.txt
	run -2 --separate-stderr remind -r r --from s@stance.test --text long.txt --dry-run ann.tsv
	assert_equal "$stderr" "remind: --text long.txt: longer than 8192 bytes"
}

# The crontab line a document prints, without its schedule: the README's
# and stance(7)'s as they stand, remind(1)'s unfolded (its \e and line
# breaks joined).
recipe() {
	case $1 in
	README)
		grep '^    0 9 \* \* \* ' "$TOP/README.md" | sed 's/^    0 9 \* \* \* //' ;;
	stance.7)
		grep '^0 9 \* \* \* ' "$TOP/man/stance.7" | sed 's/^0 9 \* \* \* //' ;;
	remind.1)
		sed -n '/^The reminders, from cron every morning/,/^\.Ed$/p' "$TOP/man/remind.1" |
		    sed -n '/^0 9/,/^\.Ed$/p' | sed '$d' | sed 's/\\e$//' | tr '\n' ' ' |
		    sed 's/^0 9 \* \* \* //; s/  */ /g' ;;
	esac
}

@test "the cron recipes of the README, remind(1) and stance(7) run as printed: invitations answered, the rest reminded, nothing twice" {
	local doc dir line
	for doc in README remind.1 stance.7; do
		line=$(recipe "$doc")
		[ -n "$line" ] || { echo "no recipe in $doc"; false; }
		# The recipe's own files, where it cds to, with three people;
		# ann answers by mail from her address, jose from another.
		dir=$(printf '%s\n' "$line" | sed -n 's/^cd \([^ ]*\) &&.*/\1/p')
		dir=${dir/#\~/$HOME}
		rm -rf "$dir"	# the README's and stance(7)'s are the same place
		mkdir -p "$dir" "$HOME/.stance" "$HOME/Maildir/new" "$HOME/Maildir/cur" "$HOME/Maildir/tmp" \
		    "$HOME/Maildir/.stance/new" "$HOME/Maildir/.stance/cur" "$HOME/Maildir/.stance/tmp"
		cd "$dir"
		mkdir -p Maildir/new Maildir/cur Maildir/tmp
		cp "$BATS_TEST_TMPDIR/key" stance.key
		cp "$BATS_TEST_TMPDIR/key" "$HOME/.stance/key"
		cp "$BATS_TEST_TMPDIR/key" "$HOME/.stance-key"
		chmod 600 stance.key "$HOME/.stance/key" "$HOME/.stance-key"
		sed 's/@stance\.test/@example.org/' "$BATS_TEST_TMPDIR/roster.tsv" > team.tsv
		: > round.tsv
		STANCE_NOW=2026-11-26T10:00:00Z remind -r 2026-spring --from facilitator@example.org \
		    --key stance.key --invitation --log remind.log --dry-run team.tsv > invitations.mbox
		python3 - invitations.mbox reply <<-'EOF'
		import mailbox, sys
		for i, m in enumerate(mailbox.mbox(sys.argv[1])):
		    who = m['To'].split('<')[1].rstrip('>')
		    if 'jose' in who:
		        who = 'jose@private.example'	# not the roster's: refused
		    body = m.get_payload(decode=True).decode('utf-8').replace('[ ] 2.', '[x] 2.')
		    with open('%s-%d' % (sys.argv[2], i), 'w') as f:
		        f.write('From: <%s>\nDate: Thu, 26 Nov 2026 12:00:00 +0000\nSubject: Re\nContent-Type: text/plain; charset=UTF-8\n\n%s' % (who, body))
		EOF
		rm -f "$HOME"/Maildir/new/* "$HOME"/Maildir/.stance/new/*
		cp reply-* Maildir/new/ 2>/dev/null; cp reply-* "$HOME/Maildir/new/"; cp reply-* "$HOME/Maildir/.stance/new/"
		# The cron line, as printed, on the morning of day 4.
		STANCE_NOW=2026-11-30T09:00:00Z STANCE_SENDMAIL=fake-sendmail FAKE_MAILDIRS=$PWD/mail \
		    run -0 --separate-stderr sh -c "$line"
		# ann and zoe answered: a receipt each; jose's form came from
		# an address the roster does not give, so he is reminded, once,
		# and told why.
		assert_equal "$doc: $(cut -f3,4,6 remind.log | tr '\t\n' ' ;')" \
		    "$doc: ann receipt sent;zoe receipt sent;jose reminder sent;"
		python3 -c 'import email, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print(m.get_payload(decode=True).decode())' "$(grep -l '^Subject: Reminder' mail/participants/new/*)" |
		    tr '\n' ' ' | grep -q 'Your form came from another address than jose@example.org, the one we'
		STANCE_NOW=2026-11-30T09:30:00Z STANCE_SENDMAIL=fake-sendmail FAKE_MAILDIRS=$PWD/mail \
		    run -0 --separate-stderr sh -c "$line"
		assert_equal "$doc: $(wc -l < remind.log)" "$doc: 3"
		cd "$BATS_TEST_TMPDIR"
	done
}

@test "round two by mail: each form says where the group stood, and where its person stood, in invitations and reminders alike" {
	{ for p in 1 2 3 4 5 6; do for c in steering openness enforcement legal audience; do
		printf 'r1\tp%d\tstaff\t%s\t%d\t2026-11-20T09:00:00Z\t\n' "$p" "$c" $((p * 15)); done; done; } > r1.tsv
	aggregate r1.tsv > r1.agg
	printf 'p1\tstaff\tp1@stance.test\tPiet\nnew\tstaff\tnew@stance.test\tNieuw\n' > team.tsv
	local kind
	for kind in --invitation --every=1d; do
		run -0 --separate-stderr remind -r r2 --from facilitator@stance.test --key key "$kind" \
		    --feedback r1.agg --previous r1.tsv --dry-run team.tsv
		printf '%s\n' "$output" > out.mbox
		run -0 python3 - out.mbox <<-'EOF'
		import mailbox, sys
		for m in mailbox.mbox(sys.argv[1]):
		    body = m.get_payload(decode=True).decode('utf-8')
		    lines = [l for l in body.replace('\nmiddle half', ' middle half').replace('\n34-71', ' 34-71').split('\n') if l.startswith('Last round')]
		    print(m['To'].split('<')[1].rstrip('>'), len(lines), lines[0])
		EOF
		diff -u - <(printf '%s\n' "$output") <<-'END'
		p1@stance.test 5 Last round (r1): divided: spread over the line; median 53, middle half 34-71; you: 15%.
		new@stance.test 5 Last round (r1): divided: spread over the line; median 53, middle half 34-71.
		END
	done
	# The form with its feedback still reads back: p1 answers.
	remind -r r2 --from facilitator@stance.test --key key --invitation --feedback r1.agg \
	    --previous r1.tsv --dry-run team.tsv | sed -e 's/^\[ \] 2\./[x] 2./' > reply.mbox
	run -0 --separate-stderr collect --key key -r r2 reply.mbox
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ';')" " 5 new; 5 p1;"
	# Not aggregate's output: said, nothing sent.
	run -2 --separate-stderr remind -r r2 --from facilitator@stance.test --key key --invitation \
	    --feedback r1.tsv --dry-run team.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -1)" "remind: --feedback needs aggregate's output of the round before"
	assert_equal "$output" ""
}

@test "every reason a reply did not count is said in the reminder, in English and in Dutch" {
	printf '%s\t%s\t%s\t%s\n' zoe youth-work zoe@stance.test 'Zoë' > zoe.tsv
	printf 'zoe\tyouth-work\t0/5\t-\tsteering,openness,enforcement,legal,audience\tunreadable\t%s\n' \
	    two-marks:openness,unclear:legal,note-only:steering,untouched,cut-off,html-only,no-form,other-address,reply-unclear,not-signed > status.tsv
	for lang in en nl; do
		run -0 remind -L "$lang" -r 2026-spring --from f@stance.test --key key --status status.tsv \
		    --dry-run zoe.tsv
		printf '%s\n' "$output" | python3 -c 'import sys, email
m = email.message_from_binary_file(sys.stdin.buffer)
print(m.get_payload(decode=True).decode().split("# stance")[0], end="")' > "reasons.$lang"
		diff -u "$TOP/tests/fixtures/remind/reasons.$lang" "reasons.$lang"
	done
	# A reason of a continuum this questionnaire lacks is said by its id.
	printf 'zoe\tyouth-work\t0/5\t-\tsteering,openness,enforcement,legal,audience\tunreadable\ttwo-marks:budget\n' > status.tsv
	run -0 remind -r 2026-spring --from f@stance.test --status status.tsv --dry-run zoe.tsv
	printf '%s\n' "$output" | tr '\n' ' ' | grep -q 'On budget more than one box was marked'
}

@test "a --status line whose reasons are not collect's is refused, and the reminder goes without them" {
	printf '%s\t%s\t%s\t%s\n' zoe youth-work zoe@stance.test 'Zoë' > zoe.tsv
	all='steering,openness,enforcement,legal,audience'
	printf 'zoe\tyouth-work\t0/5\t-\t%s\tunreadable\t%s\n' "$all" two-boxes "$all" two-marks "$all" html-only:openness \
	    "$all" 'untouched,' "$all" 'two-marks:open ness' > status.tsv
	printf 'zoe\tyouth-work\t5/5\t2026-11-26T11:00:00Z\t-\tcomplete\tno-form\n' >> status.tsv
	printf 'zoe\tyouth-work\t0/5\t-\t%s\tnone\n' "$all" >> status.tsv
	run -1 --separate-stderr remind -r 2026-spring --from f@stance.test --status status.tsv --dry-run zoe.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	remind: status.tsv:1: reasons 'two-boxes' is not reasons such as two-marks:openness,html-only, or -
	remind: status.tsv:2: reasons 'two-marks' is not reasons such as two-marks:openness,html-only, or -
	remind: status.tsv:3: reasons 'html-only:openness' is not reasons such as two-marks:openness,html-only, or -
	remind: status.tsv:4: reasons 'untouched,' is not reasons such as two-marks:openness,html-only, or -
	remind: status.tsv:5: reasons 'two-marks:open ness' is not reasons such as two-marks:openness,html-only, or -
	remind: status.tsv:6: its state, count, missing continua and reasons do not agree
	remind: status.tsv:7: 6 tab-separated fields where 7 are expected (participant, group, answered, time, missing, state, reasons)
	END
	printf '%s\n' "$output" | grep -q '^A reminder: your answers for round 2026-spring'
}

@test "receipts: what counts now, in words, once for the same answers; refused without answers or log" {
	printf '2026-spring\tann\tstaff\tsteering\t50\t2026-11-26T09:00:00Z\teducate, do not punish\n2026-spring\tann\tstaff\topenness\t-\t2026-11-26T09:00:00Z\t\n2026-spring\tann\tstaff\tenforcement\t25\t2026-11-26T09:00:00Z\t\n2026-spring\tzoe\tyouth-work\tlegal\t100\t2026-11-26T09:30:00Z\t\n' > answers.tsv
	printf 'ann\tstaff\t3/5\t2026-11-26T09:00:00Z\tlegal,audience\tpartial\ttwo-marks:legal\n' > status.tsv
	run -0 --separate-stderr remind_fake -v --receipts --answers answers.tsv --status status.tsv --log remind.log \
	    --until 2026-12-01T17:00Z roster.tsv
	assert_equal "$(cut -f3,4,6 remind.log | tr '\t\n' ' ;')" "ann receipt sent;zoe receipt sent;"
	printf '%s\n' "$stderr" | grep -qx 'remind: jose: no answers yet; no receipt'
	ann=$(grep -l '^To: "Ann Peeters"' mail/participants/new/*)
	grep -q '^Subject: Received: your answers, round 2026-spring$' "$ann"
	grep -qE '^Message-ID: <stance-receipt\.[0-9a-f]{12}\.[0-9a-f]{16}@stance\.test>$' "$ann"
	python3 -c 'import email, sys
print(email.message_from_binary_file(open(sys.argv[1], "rb")).get_payload(decode=True).decode().split("# stance")[0], end="")' "$ann" > receipt
	diff -u - receipt <<-'END'
	Dear Ann Peeters,

	Your answers for round 2026-spring of "Weighing up what your social
	media policy should look like" have reached us. This is what counts now
	(of two answers to one question, the later one):

	  Direction: statement 2; note: "educate, do not punish"
	  Openness: no opinion
	  Enforcement: 25%, between statements 1 and 2
	  Legal form: not answered yet
	  Audience: not answered yet

	What did not count: On Legal form more than one box was marked, so that
	answer could not count: mark one.

	To change an answer, move its x in the form below, which has what counts
	filled in, and send it back as a reply to this message. Changes count
	until 2026-12-01 17:00 UTC.

	Thank you,
	facilitator@stance.test

	END
	# The form below has what counts filled in.
	grep -qx 'percent: 25%' "$ann"
	# Again: nothing new, nothing sent; a receipt is no reminder, so
	# --max 1 and --every still let reminders go.
	run -0 --separate-stderr remind_fake -v --receipts --answers answers.tsv --log remind.log roster.tsv
	printf '%s\n' "$stderr" | grep -qx 'remind: ann: a receipt for these answers went already; skipped'
	assert_equal "$(wc -l < remind.log)" 2
	run -0 remind_fake --answers answers.tsv --log remind.log --max 1 --every 1d roster.tsv
	assert_equal "$(grep -c '	reminder	' remind.log)" 3
	# A changed answer, even one dated before the last receipt (mail can
	# be slow), gets a receipt of its own; at the deadline too, which no
	# longer says that changes count.
	printf '2026-spring\tann\tstaff\tlegal\t0\t2026-11-26T08:00:00Z\t\n' >> answers.tsv
	rm mail/participants/new/*
	STANCE_NOW=2026-12-01T17:00:00Z run -0 remind_fake --receipts --answers answers.tsv --log remind.log \
	    --until 2026-12-01T17:00Z roster.tsv
	assert_equal "$(grep '	receipt	' remind.log | cut -f3 | tr '\n' ' ')" "ann zoe ann "
	grep -q 'Legal form: statement 1' mail/participants/new/*
	grep -q 'this message\.$' mail/participants/new/*
	! grep -q 'Changes count' mail/participants/new/*
	# Usage: answers and a log needed; not with --invitation.
	for args in "--answers answers.tsv" "--log remind.log" "--answers answers.tsv --log remind.log --invitation"; do
		run -2 --separate-stderr remind_fake --receipts $args --dry-run roster.tsv
		assert_equal "${stderr%%$'\n'*}" "remind: --receipts needs --answers and --log, and goes without --invitation"
	done
}

@test "--url puts the person's own signed link in invitations and reminders; it needs the key, and an address" {
	head -1 roster.tsv > ann.tsv
	for kind in --invitation --every=1d; do
		run -0 remind -r 2026-spring --from f@stance.test --key key $kind --url 'https://example.org/stance/answer.cgi' \
		    --dry-run ann.tsv
		printf '%s\n' "$output" | python3 -c 'import sys, email
m = email.message_from_binary_file(sys.stdin.buffer)
print([l for l in m.get_payload(decode=True).decode().split("\n") if "answer.cgi" in l][0])' > link
		assert_equal "$(cat link)" "https://example.org/stance/answer.cgi?r=2026-spring&p=ann&g=staff&t=$(ask --form --key key -r 2026-spring -p ann -g staff | sed -n 's/^stance-token: //p')"
	done
	# An address with a query of its own gets the link's fields after &.
	run -0 remind -r 2026-spring --from f@stance.test --key key --invitation --url 'https://example.org/a?x=1' --dry-run ann.tsv
	printf '%s\n' "$output" | python3 -c 'import sys, email
print(email.message_from_binary_file(sys.stdin.buffer).get_payload(decode=True).decode())' |
	    grep -q '^https://example.org/a?x=1&r=2026-spring&p=ann&g=staff&t=[0-9a-f]\{64\}$'
	run -2 --separate-stderr remind -r 2026-spring --from f@stance.test --invitation --url https://example.org/a --dry-run ann.tsv
	assert_equal "$stderr" "remind: --url needs --key: a link is only as good as its token"
	for url in 'ftp://example.org/a' 'https://example.org/a b' "https://example.org/$(printf '\033')"; do
		run -2 --separate-stderr remind -r 2026-spring --from f@stance.test --key key --url "$url" --dry-run ann.tsv
		printf '%s\n' "$stderr" | grep -q "is not an address like https://example.org/answer.cgi"
	done
}

#!/usr/bin/env bats
# Mail as it really arrives: mboxes whose messages end in encoded parts,
# "From " inside a body, the charsets of Outlook and Apple Mail,
# format=flowed, forwarded and HTML-only messages, and every odd Date.

load test_helper
load form_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	ask --form -r 2026-spring -p ann -g team-a > blank.txt
}

# An mbox message: From line, Date, the headers given, a blank line.
mbox_message() {	# mbox_message DATE [headers...]
	local date=$1
	shift
	printf 'From ann@example.org Mon Nov 24 10:00:00 2026\n'
	printf 'From: Ann <ann@example.org>\n'
	[ -z "$date" ] || printf 'Date: %s\n' "$date"
	printf '%s\n' "$@" ''
}

# The first answer's position and time, as "position time".
first_answer() {
	printf '%s\n' "$output" | sed -n 1p | cut -f5,6 | tr '\t' ' '
}

@test "in an mbox, the message after one that ends in a quoted-printable or base64 part is read" {
	fill_all
	ask --form -r 2026-spring -p bob -g team-b > blank.txt
	cp filled.txt ann.txt
	fill steering:3 openness:1 enforcement:1 legal:1 audience:3
	{
		mbox_message 'Mon, 24 Nov 2026 10:00:00 +0000' 'MIME-Version: 1.0' \
		    'Content-Type: multipart/alternative; boundary="b1"'
		printf '%s\n' '--b1' 'Content-Type: text/plain; charset=utf-8' \
		    'Content-Transfer-Encoding: quoted-printable' ''
		qp < ann.txt
		printf '%s\n' '--b1' 'Content-Type: text/html; charset=utf-8' \
		    'Content-Transfer-Encoding: base64' '' 'PGh0bWw+PC9odG1sPgo=' '--b1--' ''
		mbox_message 'Tue, 25 Nov 2026 08:00:00 +0000' 'Content-Type: text/plain'
		cat filled.txt
	} > mbox
	run -0 --separate-stderr collect -v mbox
	assert_equal "$stderr" "collect: 0 lines and 10 form answers read: 10 answers written, 0 superseded, 0 after --until, 0 in other rounds, 0 rejected"
	[ "$(printf '%s\n' "$output" | grep -c '	bob	team-b	.*	2026-11-25T08:00:00Z	$')" -eq 5 ]
}

@test "after a single-part quoted-printable message the next has its own Date; none means the file's time" {
	fill_all
	{
		mbox_message 'Mon, 24 Nov 2026 10:00:00 +0000' 'Content-Transfer-Encoding: quoted-printable'
		qp < filled.txt
		printf '\n'
		mbox_message 'Tue, 25 Nov 2026 08:00:00 +0000'
		sed 's/^stance-participant: ann/stance-participant: bob/' filled.txt |
		    sed "s/^stance-check: .*/$(ask --form -r 2026-spring -p bob -g team-a | grep '^stance-check:')/"
		printf '\n'
		mbox_message ''
		sed 's/^stance-participant: ann/stance-participant: carl/' filled.txt |
		    sed "s/^stance-check: .*/$(ask --form -r 2026-spring -p carl -g team-a | grep '^stance-check:')/"
	} > mbox
	touch -d 2026-11-20T12:00:00Z mbox
	run -0 collect mbox
	assert_equal "$(printf '%s\n' "$output" | cut -f2,6 | sort -u | tr '\t\n' ' ,')" "ann 2026-11-24T10:00:00Z,bob 2026-11-25T08:00:00Z,carl 2026-11-20T12:00:00Z,"
}

@test "a note line that starts with From does not end a Maildir message, nor an mbox message" {
	fill_all
	sed -i '0,/^note:$/s//note: my view\nFrom where I stand, rules come first/' filled.txt
	mkdir -p Maildir/cur Maildir/new Maildir/tmp
	message Maildir/cur/1.eml 'Content-Type: text/plain' ''
	cat filled.txt >> Maildir/cur/1.eml
	run -0 collect Maildir
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "my view From where I stand, rules come first"
	assert_number "${#lines[@]}" -eq 5
	{ mbox_message 'Mon, 24 Nov 2026 10:00:00 +0000'; cat filled.txt; } > mbox
	run -0 collect mbox
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "my view From where I stand, rules come first"
	assert_number "${#lines[@]}" -eq 5
}

@test "Windows-1252, ISO-8859-15, and Latin-1 as Windows writes it" {
	fill_all
	# 0x92 is a right single quote and 0x80 the euro in Windows-1252;
	# 0xa4 is the euro in ISO-8859-15.
	sed '0,/^note:$/s//note: it\x92s \x80 5/' filled.txt > cp1252.txt
	for charset in windows-1252 iso-8859-1; do
		message msg.eml "Content-Type: text/plain; charset=$charset" ''
		cat cp1252.txt >> msg.eml
		run -0 collect msg.eml
		assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "it’s € 5"
	done
	message msg.eml 'Content-Type: text/plain; charset="ISO-8859-15"' ''
	sed '0,/^note:$/s//note: \xa4 5, \xbd/' filled.txt >> msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "€ 5, œ"
}

@test "format=flowed with delsp=yes (Apple Mail) is joined without the extra space" {
	fill_all
	message msg.eml 'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes' ''
	sed '0,/^note:$/s//note: a long note that Apple Mail bro \nke in the middle of a word/' filled.txt >> msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "a long note that Apple Mail broke in the middle of a word"
	message msg.eml 'Content-Type: text/plain; charset=utf-8; format=flowed' ''
	sed '0,/^note:$/s//note: a flowed line \nand its rest/' filled.txt >> msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "a flowed line and its rest"
}

@test "a forwarded message (message/rfc822) is read, stamped with the outer Date" {
	fill_all
	message msg.eml 'MIME-Version: 1.0' 'Content-Type: multipart/mixed; boundary=fw' '' \
	    '--fw' 'Content-Type: text/plain' '' 'Forwarding my answers.' \
	    '--fw' 'Content-Type: message/rfc822' '' \
	    'From: Ann <ann@example.org>' 'Date: Fri, 1 Jan 2016 00:00:00 +0000' \
	    'Content-Type: text/plain; charset=utf-8' ''
	cat filled.txt >> msg.eml
	printf '%s\n' '--fw--' >> msg.eml
	run -0 collect msg.eml
	assert_equal "$output" "$MAIL_ANSWERS"
}

@test "an HTML-only reply is reported with the reason" {
	fill_all
	message msg.eml 'Content-Type: text/html; charset=utf-8' '' '<html><body><pre>'
	{ cat filled.txt; echo '</pre></body></html>'; } >> msg.eml
	run -1 --separate-stderr collect msg.eml
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: msg.eml:1: the message from ann@example.org has only an HTML part, and a form is read from plain text only; ask them to send it back as plain text
	END
}

@test "Dates: obsolete zones, two- and three-digit years, seconds left out" {
	fill_all
	for pair in 'Mon, 24 Nov 2026 06:30:00 EST|2026-11-24T11:30:00Z' \
	    'Mon, 24 Nov 2026 11:30:00 GMT|2026-11-24T11:30:00Z' \
	    'Mon, 24 Nov 2026 04:30 PDT|2026-11-24T11:30:00Z' \
	    '24 nov 26 11:30:00 UT|2026-11-24T11:30:00Z' \
	    '24 Nov 126 11:30:00 +0000|2026-11-24T11:30:00Z' \
	    '24 Nov 99 11:30:00 Z|1999-11-24T11:30:00Z' \
	    'Tue, 24 Nov 2026 11:30:00 +0000 (UTC)|2026-11-24T11:30:00Z'; do
		printf 'Date: %s\n\n' "${pair%|*}" > msg.eml
		cat filled.txt >> msg.eml
		run -0 collect msg.eml
		assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f6)" "${pair#*|}" ||
		    { echo "${pair%|*}: $output"; false; }
	done
}

@test "Dates that are not dates are reported and the file's time is used, never a wrapped one" {
	fill_all
	for date in 'Fri, 31 Dec 9999 23:30:00 -0100' 'Mon, 125 Nov 2026 10:00:00 +0000' \
	    'Mon, 24 Nov 12026 10:00:00 +0000' 'Mon, 24 Nov 2026 112:00:00 +0000' \
	    'Mon, 24 Nov 2026 10:00:00' 'Mon, 30 Feb 2026 10:00:00 +0000'; do
		printf 'From: ann@example.org\nDate: %s\n\n' "$date" > msg.eml
		cat filled.txt >> msg.eml
		touch -d 2026-11-24T10:00:00Z msg.eml
		run -1 --separate-stderr collect msg.eml
		assert_equal "$output" "$ANSWERS" || { echo "$date: $output"; false; }
		assert_equal "$stderr" "collect: msg.eml:2: Date '$date' is not a date as mail writes it; the answers in this message take the file's time"
	done
}

@test "quoted-printable escapes in lower case are decoded" {
	fill_all
	message msg.eml 'Content-Transfer-Encoding: quoted-printable' ''
	sed '0,/^note:$/s//note: caf=c3=a9/' filled.txt >> msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "café"
}

@test "a MIME part's Date header does not override the message's" {
	fill_all
	message msg.eml 'MIME-Version: 1.0' 'Content-Type: multipart/mixed; boundary=b' '' \
	    '--b' 'Date: Fri, 1 Jan 2016 00:00:00 +0000' 'Content-Type: text/plain' ''
	cat filled.txt >> msg.eml
	printf '%s\n' '--b--' >> msg.eml
	run -0 collect msg.eml
	assert_equal "$output" "$MAIL_ANSWERS"
}

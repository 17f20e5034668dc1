#!/usr/bin/env bats
# Forms: ask --form writes one, collect reads it back, filled in every
# tolerated way and refused, precisely, in every ambiguous way; and forms
# that come back by mail (quoted-printable, base64, multipart, Latin-1,
# mbox, Maildir).

load test_helper
load form_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	ask --form -r 2026-spring -p ann -g team-a > blank.txt
}

@test "ask --form writes the form in English and in Dutch" {
	run -0 ask --form -r 2026-spring -p ann -g team-a
	assert_golden "$FIXTURES/forms/form-en.expected"
	run -0 ask -L nl --form -r 2026-spring -p ann -g team-a
	assert_golden "$FIXTURES/forms/form-nl.expected"
}

@test "ask --form takes no answers and no -o" {
	run -2 ask --form steering=1
	run -2 ask --form -o x
	[ ! -e x ]
}

@test "a filled-in form becomes response lines, stamped with the file's time" {
	fill_all
	run -0 collect filled.txt
	assert_equal "$output" "$ANSWERS"
}

@test "a Dutch form is read just the same" {
	ask -L nl --form -r 2026-spring -p ann -g team-a > blank.txt
	fill_all
	run -0 collect filled.txt
	assert_equal "$output" "$ANSWERS"
}

@test "marks written as x, X, *, v, V; empty boxes as [] too" {
	fill_all
	sed -i -e '0,/^\[x\]/s//[X]/' -e '0,/^\[x\]/s//[*]/' -e '0,/^\[x\]/s//[ v ]/' \
	    -e '0,/^\[x\]/s//[V]/' -e 's/^\[ \] 1\./[] 1./' filled.txt
	touch -d 2026-11-24T10:00:00Z filled.txt
	assert_number "$(grep -c '^\[\(X\|\*\| v \|V\|x\)\]' filled.txt)" -eq 5
	run -0 collect filled.txt
	assert_equal "$output" "$ANSWERS"
}

@test "quoted in a reply, CRLF, re-wrapped, extra blank lines" {
	fill_all
	{
		printf 'Hi,\r\n\r\nhere is mine.\r\n\r\nOn Monday you wrote:\r\n'
		# Quote it twice over, with blank lines doubled and one long
		# statement wrapped at another place.
		sed -e 's/^/> > /' -e 's/^> > $/> >\n>\n/' filled.txt |
		    sed -e 's/^\(> > \[.\] 1\. Our social media policy should spell out\) \(as concretely\)/\1\n> > \2/' |
		    sed 's/$/\r/'
		printf '\r\n-- \r\nAnn\r\n'
	} > reply.txt
	touch -d 2026-11-24T10:00:00Z reply.txt
	run -0 collect reply.txt
	assert_equal "$output" "$ANSWERS"
}

@test "a percentage instead of a mark, and a note over several lines" {
	fill steering:1 enforcement:- legal:3 audience:2
	awk '/^continuum: openness/ { c = 1 } c && /^percent:/ { $0 = "percent: 33,3 %"; }
	    c && /^note:/ { print "note: open, but"; print "with a few firm lines"; c = 0; next } { print }' \
	    filled.txt > f && mv f filled.txt
	sed -i '0,/^percent:$/s//percent: 40/' filled.txt
	sed -i 's/^\[x\] 1\. Our social/[ ] 1. Our social/' filled.txt
	run -0 collect filled.txt
	printf '%s\n' "$output" | grep -q '	steering	40	.*	$'
	printf '%s\n' "$output" | grep -q '	openness	33.3	.*	open, but with a few firm lines$'
}

@test "two marks on one continuum: reported, that answer not guessed, the rest taken" {
	fill_all
	sed -i '0,/^\[ \] 2\. Our social/s//[x] 2. Our social/' filled.txt
	line=$(grep -n '^\[x\] 2\. Our social' filled.txt | cut -d: -f1)
	first=$(grep -n '^\[x\] 1\. Our social' filled.txt | cut -d: -f1)
	run -1 --separate-stderr collect filled.txt
	assert_equal "$stderr" "collect: filled.txt:$line: form of ann: steering has more than one answer (lines $first and $line); it is not guessed: send the form again with one"
	assert_number "${#lines[@]}" -eq 4
	! printf '%s\n' "$output" | grep -q steering || false
}

@test "a mark and a percentage on one continuum are two answers" {
	fill_all
	sed -i '0,/^percent:$/s//percent: 10/' filled.txt
	run -1 --separate-stderr collect filled.txt
	[[ $stderr == "collect: filled.txt:"*": steering has more than one answer (lines "* ]]
}

@test "a changed participant, round or group is caught by the check line" {
	for field in participant:bob round:2025 group:team-b; do
		fill_all
		sed -i "s/^stance-${field%%:*}: .*/stance-${field%%:*}: ${field#*:}/" filled.txt
		line=$(grep -n '^stance-check:' filled.txt | cut -d: -f1)
		run -1 --separate-stderr collect filled.txt
		[ -z "$output" ]
		who=ann
		[ "${field%%:*}" != participant ] || who=${field#*:}
		assert_equal "$stderr" "collect: filled.txt:$line: form of $who: the form's header was changed (stance-check does not match its round, participant and group); its answers are not used"
	done
}

@test "a header line taken out, repeated, or a form for another questionnaire" {
	fill_all
	sed -i '/^stance-group:/d' filled.txt
	run -1 collect filled.txt
	assert_equal "$output" "collect: filled.txt:8: form of ann: the form has no 'stance-group:' line: its header was changed; its answers are not used"
	fill_all
	sed -i 's/^stance-form: .*/&\nstance-round: again/' filled.txt
	run -1 collect filled.txt
	assert_equal "${lines[0]}" "collect: filled.txt:10: a second or misplaced 'stance-round:' line: the form was changed; its answers are not used"
	fill_all
	sed -i 's/^stance-form: .*/stance-form: team-week/' filled.txt
	run -1 collect filled.txt
	assert_equal "$output" "collect: filled.txt:8: form of ann: this form is for questionnaire 'team-week', not 'social-media-policy' (give its questionnaire with -q); its answers are not used"
}

@test "what is in a box must be a mark; a box must keep its number" {
	fill_all
	sed -i 's/^\[x\] 1\. Our social/[o] 1. Our social/' filled.txt
	line=$(grep -n '^\[o\]' filled.txt | cut -d: -f1)
	run -1 --separate-stderr collect filled.txt
	assert_equal "$stderr" "collect: filled.txt:$line: form of ann: steering: the box holds 'o', which is not a mark (x, X, *, v, V, a check mark); not guessed"
	assert_number "${#lines[@]}" -eq 4
	fill_all
	sed -i 's/^\[x\] 2\. An open/[x] 7. An open/' filled.txt
	line=$(grep -n '^\[x\] 7\.' filled.txt | cut -d: -f1)
	run -1 --separate-stderr collect filled.txt
	assert_equal "$stderr" "collect: filled.txt:$line: form of ann: openness: a box without a statement number 1-2 or -; was the form changed?"
}

@test "a bad percentage, an unknown continuum, a note without an answer" {
	fill steering:1 openness:2 enforcement:- legal:3
	sed -i '0,/^percent:$/s//percent: 150/' filled.txt
	sed -i 's/^continuum: audience$/&\nnote: not sure yet/' filled.txt
	sed -i 's/^continuum: legal$/continuum: legality/' filled.txt
	run -1 --separate-stderr collect filled.txt
	diff -u - <(printf '%s\n' "$stderr" | sed 's/:[0-9]*:/:N:/') <<-'END'
	collect: filled.txt:N: form of ann: steering: percent '150' is not a number from 0 to 100 with at most one decimal; not guessed
	collect: filled.txt:N: form of ann: unknown continuum 'legality' (questionnaire social-media-policy has steering, openness, enforcement, legal, audience); its section is not used
	collect: filled.txt:N: form of ann: audience has a note but no answer; the note is not used
	END
	assert_equal "$(printf '%s\n' "$output" | cut -f4 | tr '\n' ' ')" "openness enforcement "
}

@test "an unanswered continuum gives no line and no complaint" {
	fill steering:1 openness:2
	run -0 collect filled.txt
	assert_equal "$(printf '%s\n' "$output" | cut -f4 | tr '\n' ' ')" "steering openness "
}

@test "text without a form is reported; a form among response lines too" {
	printf 'From: someone\nSubject: hello\n\nNo form here.\n' > letter.eml
	run -1 collect letter.eml
	assert_equal "$output" "collect: letter.eml:1: the message from an unknown sender has no stance form in it"
	printf 'Just some notes, no form.\n' > notes.txt
	run -1 collect notes.txt
	assert_equal "$output" "collect: notes.txt:1: not a response line: it has no tabs (7 tab-separated fields are expected)"
	ask -p bob steering=1 openness=1 enforcement=1 legal=1 audience=1 > mixed.tsv
	cat blank.txt >> mixed.tsv
	ask -p dan steering=1 openness=1 enforcement=1 legal=1 audience=1 >> mixed.tsv
	run -1 --separate-stderr collect -v --rejects rejects mixed.tsv
	assert_number "${#lines[@]}" -eq 10
	last=$(( $(wc -l < blank.txt) + 5 ))
	first=$(grep -n '^stance-form:' mixed.tsv | cut -d: -f1)
	diff -u - <(printf '%s\n' "$stderr") <<-END
	collect: mixed.tsv:$first: a form among response lines (lines $first-$last); give each form a file of its own
	collect: 10 lines and 0 form answers read: 10 answers written, 0 superseded, 0 after --until, 0 in other rounds, 1 rejected
	END
	# The whole form went to --rejects (blank lines are not data).
	[ "$(wc -l < rejects)" -eq "$(sed -n "${first},${last}p" mixed.tsv | grep -c .)" ]
}

@test "two forms in one file, and forms from several files, with answers as lines" {
	fill_all
	ask --form -r 2026-spring -p bob -g team-b > blank.txt
	cp filled.txt ann.txt
	fill steering:3 openness:1 enforcement:1 legal:1 audience:3
	cat ann.txt filled.txt > both.txt
	touch -d 2026-11-24T10:00:00Z both.txt
	ask -r 2026-spring -p carl steering=2 openness=2 enforcement=2 legal=2 audience=2 > carl.tsv
	run -0 --separate-stderr collect -v both.txt carl.tsv
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | uniq | tr '\n' ' ')" "ann bob carl "
	assert_equal "$stderr" "collect: 5 lines and 10 form answers read: 15 answers written, 0 superseded, 0 after --until, 0 in other rounds, 0 rejected"
}

@test "a form in a plain mail message: stamped with its Date header, in UTC" {
	fill_all
	message msg.eml 'Content-Type: text/plain; charset=utf-8' ''
	cat filled.txt >> msg.eml
	run -0 collect msg.eml
	touch -d 2026-11-24T10:00:00Z msg.eml
	assert_equal "$output" "$MAIL_ANSWERS"
}

@test "quoted-printable, with soft line breaks and a note in UTF-8" {
	fill_all
	sed -i '0,/^note:$/s//note: cafes caf\xc3\xa9 = meeting place/' filled.txt
	message msg.eml 'MIME-Version: 1.0' 'Content-Type: text/plain; charset=utf-8' \
	    'Content-Transfer-Encoding: quoted-printable' ''
	qp < filled.txt >> msg.eml
	grep -q '=$' msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p)" "2026-spring	ann	team-a	steering	0	2026-11-24T11:30:00Z	cafes café = meeting place"
	grep -qx 'note: cafes caf=C3=A=' msg.eml
	assert_number "${#lines[@]}" -eq 5
}

@test "base64, in a multipart message whose HTML twin is left alone" {
	fill_all
	message msg.eml 'MIME-Version: 1.0' 'Content-Type: multipart/alternative;' \
	    ' boundary="b1"' '' 'This is a multi-part message.' '--b1' \
	    'Content-Type: text/plain; charset="utf-8"' 'Content-Transfer-Encoding: base64' ''
	base64 -w 76 filled.txt >> msg.eml
	{
		printf '%s\n' '--b1' 'Content-Type: text/html; charset="utf-8"' '' '<html><body><pre>'
		sed 's/^stance-participant: ann/stance-participant: mallory/' filled.txt
		printf '%s\n' '</pre></body></html>' '--b1--' 'epilogue'
	} >> msg.eml
	run -0 collect msg.eml
	assert_equal "$output" "$MAIL_ANSWERS"
}

@test "nested multiparts, an attachment, and a Latin-1 body" {
	fill_all
	sed -i '0,/^note:$/s//note: caf\xe9/' filled.txt
	message msg.eml 'MIME-Version: 1.0' 'Content-Type: multipart/mixed; boundary=outer' '' \
	    '--outer' 'Content-Type: multipart/alternative; boundary="inner"' '' \
	    '--inner' 'Content-Type: text/plain; charset=ISO-8859-1' \
	    'Content-Transfer-Encoding: 8bit' ''
	cat filled.txt >> msg.eml
	printf '%s\n' '--inner--' '--outer' 'Content-Type: application/pdf' \
	    'Content-Transfer-Encoding: base64' '' 'JVBERi0xLjQK' '--outer--' >> msg.eml
	run -0 collect msg.eml
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p)" "2026-spring	ann	team-a	steering	0	2026-11-24T11:30:00Z	café"
}

@test "an mbox with two replies: each form read, the later one winning" {
	fill_all
	{
		printf 'From ann@example.org Mon Nov 24 10:00:00 2026\n'
		printf 'From: Ann <ann@example.org>\nDate: Mon, 24 Nov 2026 10:00:00 +0000\n\n'
		cat filled.txt
		printf '\nFrom ann@example.org Tue Nov 25 08:00:00 2026\n'
		printf 'From: Ann <ann@example.org>\nDate: Tue, 25 Nov 2026 08:00:00 +0000\n\n'
		sed 's/^\[x\] 1\. Our social/[ ] 1. Our social/; s/^\[ \] 3\. Our social/[x] 3. Our social/' filled.txt
	} > mbox
	run -0 --separate-stderr collect -v mbox
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p)" "2026-spring	ann	team-a	steering	100	2026-11-25T08:00:00Z	"
	assert_equal "$stderr" "collect: 0 lines and 10 form answers read: 5 answers written, 5 superseded, 0 after --until, 0 in other rounds, 0 rejected"
}

@test "a Maildir of replies, with --until on the Date headers" {
	fill_all
	mkdir -p Maildir/cur Maildir/new Maildir/tmp
	message Maildir/cur/1.eml 'Content-Type: text/plain' ''
	cat filled.txt >> Maildir/cur/1.eml
	ask --form -r 2026-spring -p bob -g team-b > blank.txt
	fill steering:3 openness:1 enforcement:1 legal:1 audience:3
	printf 'From: Bob <bob@example.org>\nDate: Thu, 27 Nov 2026 09:00:00 -0500\n\n' > Maildir/new/2.eml
	cat filled.txt >> Maildir/new/2.eml
	run -0 --separate-stderr collect --until 2026-11-27T13:59:59Z Maildir
	assert_equal "$output" "$MAIL_ANSWERS"
	assert_equal "$stderr" "collect: 5 answers given after 2026-11-27T13:59:59Z left out (--until)"
	run -0 collect --until 2026-11-27T14:00:00Z Maildir
	assert_number "${#lines[@]}" -eq 10
}

@test "in an mbox, a form without its end line takes its own message's Date" {
	fill_all
	{
		printf 'From ann@example.org Mon Nov 24 10:00:00 2026\n'
		printf 'From: Ann <ann@example.org>\nDate: Mon, 24 Nov 2026 10:00:00 +0000\n\n'
		grep -v '^stance-end$' filled.txt
		printf '\nFrom bob@example.org Fri Nov 28 08:00:00 2026\n'
		printf 'From: Bob <bob@example.org>\nDate: Fri, 28 Nov 2026 08:00:00 +0000\n\nNo form, just thanks.\n'
	} > mbox
	run -1 --separate-stderr collect mbox
	assert_equal "$output" "$ANSWERS"
	assert_equal "$stderr" "collect: mbox:$(grep -n '^From bob' mbox | cut -d: -f1): the message from bob@example.org has no stance form in it"
}

@test "check marks, U+2713 and U+2714, mark a box too" {
	fill_all
	sed -i -e '0,/^\[x\]/s//[\xe2\x9c\x93]/' -e '0,/^\[x\]/s//[\xe2\x9c\x94]/' filled.txt
	touch -d 2026-11-24T10:00:00Z filled.txt
	assert_number "$(grep -c '^\[x\]' filled.txt)" -eq 3
	run -0 collect filled.txt
	assert_equal "$output" "$ANSWERS"
}

@test "a form for another questionnaire, read with its -q" {
	q=$FIXTURES/formats/custom.questionnaire
	ask -q "$q" --form -p ann > blank.txt
	grep -qx 'stance-form: team-week' blank.txt
	grep -qx '\[ \] 3. Abroad.' blank.txt
	fill pace:2 place-2:3
	touch -d 2026-11-24T10:00:00Z filled.txt
	run -0 collect -q "$q" filled.txt
	assert_equal "$output" "$(printf '1\tann\t-\tpace\t100\t2026-11-24T10:00:00Z\t\n1\tann\t-\tplace-2\t100\t2026-11-24T10:00:00Z\t')"
}

@test "marks as people type them: (x), [ x ], a check mark or X in place of the box" {
	fill_all
	sed -i -e '0,/^\[x\]/s//(x)/' -e '0,/^\[x\]/s//[ x ]/' \
	    -e '0,/^\[x\]/s//\xe2\x9c\x93/' -e '0,/^\[x\]/s//X/' -e '0,/^\[x\]/s//\xe2\x9c\x94/' filled.txt
	touch -d 2026-11-24T10:00:00Z filled.txt
	assert_number "$(grep -c '^\[x\]' filled.txt)" -eq 0
	run -0 collect filled.txt
	assert_equal "$output" "$ANSWERS"
}

@test "a mark beside an empty box is reported; a box holding a no-break space is empty" {
	fill_all
	sed -i 's/^\[x\] 1\. Our social/x [ ] 1. Our social/' filled.txt
	sed -i 's/^\[ \] 2\. Our social/[\xc2\xa0] 2. Our social/' filled.txt
	line=$(grep -n '^x \[ \] 1\.' filled.txt | cut -d: -f1)
	run -1 --separate-stderr collect filled.txt
	assert_equal "$stderr" "collect: filled.txt:$line: form of ann: steering: a mark 'x' beside an empty box; put it in the box, [x]; not guessed"
	assert_number "${#lines[@]}" -eq 4
}

@test "note lines that start with [ stay in the note; a signature does not join it" {
	fill_all
	sed -i '0,/^note:$/s//note: see the footnote\n[1] our old policy\n[unfinished thought/' filled.txt
	head -n -2 filled.txt > unended.txt	# no blank line, no stance-end
	sed -i '$s/^note:$/note: last words\n-- \nAnn Peeters, team-a/' unended.txt
	touch -d 2026-11-24T10:00:00Z unended.txt
	run -0 collect unended.txt
	assert_equal "$(printf '%s\n' "$output" | sed -n 1p | cut -f7)" "see the footnote [1] our old policy [unfinished thought"
	assert_equal "$(printf '%s\n' "$output" | sed -n 5p | cut -f7)" "last words"
}

@test "a reply with new answers on top and the old form quoted below: the new form wins" {
	fill_all
	cp filled.txt old.txt
	fill steering:3 openness:1 enforcement:1 legal:1 audience:3
	{ cat filled.txt; echo; echo 'On Monday Ann wrote:'; sed 's/^/> > /' old.txt; } > top.txt
	{ sed 's/^/> /' old.txt; echo; cat filled.txt; } > bottom.txt
	for reply in top.txt bottom.txt; do
		touch -d 2026-11-24T10:00:00Z $reply
		run -0 --separate-stderr collect -v $reply
		assert_equal "$(printf '%s\n' "$output" | cut -f5 | tr '\n' ' ')" "100 0 0 0 100 " || { echo "$reply: $output"; false; }
		assert_equal "$stderr" "collect: 0 lines and 5 form answers read: 5 answers written, 0 superseded, 0 after --until, 0 in other rounds, 0 rejected"
	done
}

@test "a form cut off before its end is reported, naming what is missing; what it has is used" {
	fill_all
	sed -n '1,/^continuum: legal/p' filled.txt > cut.txt
	touch -d 2026-11-24T10:00:00Z cut.txt
	line=$(wc -l < cut.txt)
	run -1 --separate-stderr collect cut.txt
	assert_equal "$stderr" "collect: cut.txt:$line: form of ann: the form stops here without stance-end, before audience: was it cut off? The answers above are used"
	assert_number "${#lines[@]}" -eq 3
}

@test "questionnaire text that wraps into a key, a box or the end never breaks the form" {
	cat > tricky.q <<-'END'
	questionnaire: tricky
	title: Tricky text
	lang: en

	continuum: one
	question: percent: of staff who want this; pad pad pad pad pad pad pad pad stance-end
	help: x 2. looks like a mark in place of a box
	left: a
	right: b
	anchor: Wrapping on purpose, pad pad pad pad pad pad pad pad pad pad note: here
	anchor: A statement whose continuation pad pad pad pad pad pad pad pad [x] 1. here
	END
	ask -q tricky.q --form -p ann > blank.txt
	diff -u - <(sed -n '/^continuum:/,$p' blank.txt) <<-'END'
	continuum: one
	| percent: of staff who want this; pad pad pad pad pad pad pad pad
	| stance-end
	| x 2. looks like a mark in place of a box
	[ ] 1. Wrapping on purpose, pad pad pad pad pad pad pad pad pad pad
	|      note: here
	[ ] 2. A statement whose continuation pad pad pad pad pad pad pad pad
	|      [x] 1. here
	[ ] -. No opinion
	percent:
	note:

	stance-end
	END
	sed -i 's/^\[ \] 2\./[x] 2./' blank.txt
	touch -d 2026-11-24T10:00:00Z blank.txt
	run -0 --separate-stderr collect -q tricky.q blank.txt
	assert_equal "$output" "1	ann	-	one	100	2026-11-24T10:00:00Z	"
	[ -z "$stderr" ]
}

@test "a stance-round: line moved after a continuum is a changed form, not read" {
	fill_all
	sed -i -e '/^stance-round:/d' -e 's/^continuum: legal$/&\nstance-round: 2025/' filled.txt
	line=$(grep -n '^stance-round: 2025' filled.txt | cut -d: -f1)
	run -1 --separate-stderr collect filled.txt
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: filled.txt:$line: form of ann: a second or misplaced 'stance-round:' line: the form was changed; its answers are not used"
}

@test "a NUL byte in a form or a mail line is reported, never a silent cut" {
	cd "$BATS_TEST_TMPDIR"
	ask --form -r r1 -p ann | sed 's/^\[ \] 1\./[x] 1./' > form.txt
	sed 's/^stance-participant: ann$/stance-participant: ann\x00eve/' form.txt > nul.txt
	run -1 --separate-stderr collect nul.txt
	assert_equal "$output" ""
	at=$(grep -n '^stance-participant:' form.txt | cut -d: -f1)
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "collect: nul.txt:$at: line contains a NUL byte, which text never has; it is not read"
	# In a mail header, and in a body that base64 decodes to one.
	{ printf 'From: ann@example.org\x00eve@example.org\nDate: Wed, 26 Nov 2026 10:00:00 +0000\n\n'; cat form.txt; } > nul.eml
	run -1 --separate-stderr collect nul.eml
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "collect: nul.eml:1: line contains a NUL byte, which text never has; it is not read"
	{ printf 'From: ann@example.org\nDate: Wed, 26 Nov 2026 10:00:00 +0000\nContent-Transfer-Encoding: base64\n\n'
	  sed 's/^stance-participant: ann$/stance-participant: ann\x00eve/' form.txt | base64; } > nul64.eml
	run -1 --separate-stderr collect nul64.eml
	assert_equal "$output" ""
	printf '%s\n' "$stderr" | grep -q "line contains a NUL byte, which text never has; it is not read"
}

@test "percent: 2 where there is a statement 2 is asked, not taken as 2 %; with its sign, or past the statements, it is a percentage" {
	local value
	# steering has three statements: 1, 2 and 3 are questioned; 0, 4, 2% are not.
	for value in 1 2 3; do
		fill openness:2
		sed -i "0,/^percent:\$/s//percent: $value/" filled.txt
		run -1 --separate-stderr collect filled.txt
		assert_equal "$(printf '%s\n' "$stderr" | sed 's/:[0-9]*:/:N:/')" \
		    "collect: filled.txt:N: form of ann: steering: percent '$value' could mean statement $value or $value%; not guessed: mark statement $value's box, or write $value%"
		assert_equal "$(printf '%s\n' "$output" | cut -f4 | tr '\n' ' ')" "openness "
	done
	for value in 0 4 '2%' '2 %' 12; do
		fill openness:2
		sed -i "0,/^percent:\$/s//percent: $value/" filled.txt
		run -0 --separate-stderr collect filled.txt
		assert_equal "$value: $(printf '%s\n' "$output" | awk -F'\t' '$4 == "steering" { print $5 }')" "$value: ${value%%[ %]*}"
	done
	# In Dutch, as the form says it.
	fill openness:2
	sed -i '0,/^percent:$/s//percent: 2/' filled.txt
	run -1 --separate-stderr collect -L nl filled.txt
	printf '%s\n' "$stderr" | grep -q "procent '2' kan uitspraak 2 of 2% betekenen; er wordt niet gegokt"
}

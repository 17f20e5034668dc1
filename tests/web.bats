#!/usr/bin/env bats
# ask --web: the questionnaire as a web page for a signed link, run as a
# CGI program (RFC 3875): first as a web server runs it (the environment
# and standard input), then through a real lighttpd on loopback, and in a
# real browser (Chromium through chromium-driver and python3-selenium)
# at a phone's size, with JavaScript on and off.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'a secret only the facilitator knows\n' > key
	chmod 600 key
	TOKEN=$(ask --form --key key -r 2026-spring -p ann -g staff | sed -n 's/^stance-token: //p')
	LINK="r=2026-spring&p=ann&g=staff&t=$TOKEN"
}

# cgi METHOD QUERY BODY [ask options]: ask --web as a web server runs it.
cgi() {
	local method=$1 query=$2 body=$3
	shift 3
	printf '%s' "$body" | REQUEST_METHOD=$method QUERY_STRING=$query \
	    CONTENT_TYPE=${CONTENT_TYPE-application/x-www-form-urlencoded} CONTENT_LENGTH=${#body} \
	    REMOTE_ADDR=192.0.2.7 ask --web --key key -o round.tsv "$@"
}

# The page's body text, tags taken off, one line each.
text_of() {
	sed -n '/^<body>/,/^<\/body>/p' | sed -e 's/<[^>]*>//g' -e '/^$/d' -e '/^document\./d'
}

@test "a signed link opens the questionnaire: safe headers, every continuum with its statements, nothing chosen" {
	run -0 --separate-stderr cgi GET "$LINK" ''
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | sed -n '1,/^\r$/p' | tr -d '\r' | sed 's/sha256-[A-Za-z0-9+\/=]*/sha256-…/g' > headers
	diff -u - headers <<-'END'
	Status: 200 OK
	Content-Type: text/html; charset=utf-8
	Content-Security-Policy: default-src 'none'; img-src 'self'; connect-src 'self'; style-src 'sha256-…'; script-src 'sha256-…'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'
	Referrer-Policy: no-referrer
	Cache-Control: no-store
	X-Content-Type-Options: nosniff

	END
	printf '%s\n' "$output" | sed '1,/^\r$/d' > page.html
	# The policy's hashes are those of the page's own style and script.
	run -0 python3 - page.html "$(printf '%s\n' "$output" | grep '^Content-Security-Policy')" <<-'EOF'
	import base64, hashlib, re, sys
	page = open(sys.argv[1], encoding='utf-8').read()
	for tag in ('style', 'script'):
	    body = re.search('<%s>(.*?)</%s>' % (tag, tag), page, re.S).group(1)
	    h = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
	    assert "%s-src 'sha256-%s'" % (tag, h) in sys.argv[2], tag
	print('ok')
	EOF
	# Well-formed enough for a parser that is not ours.
	xmllint --html --noout page.html
	assert_equal "$(grep -c '<fieldset>' page.html)" 5
	assert_equal "$(grep -c 'type="range"' page.html)" 5
	assert_equal "$(grep -c ' checked>' page.html)" 5
	assert_equal "$(grep -c 'value="" checked>' page.html)" 5
	grep -q '^<html lang="en">$' page.html
	grep -q '<label><input type="radio" name="a.steering" value="3"> <span class="st">3. Our social media policy is a vision and strategy document that helps staff make decisions themselves.</span></label>' page.html
	# A quote in a statement is a character reference.
	grep -q 'In a &#39;soft&#39; social media policy' page.html
	[ ! -e round.tsv ]
}

@test "sending records the continua chosen, as ask -o does, and answers with a receipt; the link shows them again" {
	run -0 --separate-stderr cgi POST "$LINK" 'a.steering=2&n.steering=educate%2C+not+punish&a.openness=s&s.openness=30&a.enforcement=-&a.legal=&s.legal=50&s.audience=80'
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | text_of > receipt
	diff -u - receipt <<-'END'
	Received, thank you
	Your answers for round 2026-spring were recorded at 2026-11-25 09:30 UTC:
	Direction: statement 2; note: &quot;educate, not punish&quot;
	Openness: 30%, between statements 1 and 2
	Enforcement: no opinion
	To change an answer, open the link again: your answers
	END
	diff -u - round.tsv <<-'END'
	2026-spring	ann	staff	steering	50	2026-11-25T09:30:00Z	educate, not punish
	2026-spring	ann	staff	openness	30	2026-11-25T09:30:00Z	
	2026-spring	ann	staff	enforcement	-	2026-11-25T09:30:00Z	
	END
	printf '%s\n' "$output" | grep -qF "<a href=\"?r=2026-spring&amp;p=ann&amp;g=staff&amp;t=$TOKEN\">"
	# collect reads what the page wrote.
	run -0 collect round.tsv
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 3
	# Opened again: what counts is chosen, the rest still "not now".
	run -0 cgi GET "$LINK" ''
	printf '%s\n' "$output" | grep ' checked>' | sed 's/<span.*//' > chosen
	diff -u - chosen <<-'END'
	<label><input type="radio" name="a.steering" value="2" checked> 
	<label><input type="radio" name="a.openness" value="s" checked> Somewhere between (nearest: 
	<label><input type="radio" name="a.enforcement" value="-" checked> No opinion</label>
	<label><input type="radio" name="a.legal" value="" checked> Not now (this question stays unanswered)</label>
	<label><input type="radio" name="a.audience" value="" checked> Not now (this question stays unanswered)</label>
	END
	printf '%s\n' "$output" | grep -q 'name="s.openness" min="0" max="100" step="1" value="30"'
	printf '%s\n' "$output" | grep -q 'name="n.steering" maxlength="500" value="educate, not punish"'
}

@test "links that are not the round's: forged, altered, of another round, incomplete; refused, logged, nothing recorded" {
	for query in "r=2026-spring&p=bob&g=staff&t=$TOKEN" "r=2026-spring&p=ann&g=youth&t=$TOKEN" \
	    "r=2026-autumn&p=ann&g=staff&t=$TOKEN" "r=2026-spring&p=ann&g=staff&t=${TOKEN%?}0" \
	    "r=2026-spring&p=ann&g=staff"; do
		run -0 --separate-stderr cgi POST "$query" 'a.steering=1'
		printf '%s\n' "$output" | head -1 | tr -d '\r'
		printf '%s\n' "$stderr"
	done > got
	diff -u - got <<-'END'
	Status: 403 Forbidden
	ask: web: 192.0.2.7: a link whose token does not match: forged or altered (participant 'bob')
	Status: 403 Forbidden
	ask: web: 192.0.2.7: a link whose token does not match: forged or altered (participant 'ann')
	Status: 403 Forbidden
	ask: web: 192.0.2.7: a link whose token does not match: forged or altered (participant 'ann')
	Status: 403 Forbidden
	ask: web: 192.0.2.7: a link whose token does not match: forged or altered (participant 'ann')
	Status: 403 Forbidden
	ask: web: 192.0.2.7: a link without round, participant, group and token (participant 'ann')
	END
	[ ! -e round.tsv ]
	# A valid link of another round than -r says.
	run -0 --separate-stderr cgi GET "$LINK" '' -r 2026-autumn
	assert_equal "$stderr" "ask: web: 192.0.2.7: a link of another round (participant 'ann')"
	printf '%s\n' "$output" | text_of | grep -qx 'This link is not valid for this round: it was changed, or it is of another round. Nothing was recorded; open the link from your mail again.'
	# A participant that is no id is quoted in the log, never raw.
	run -0 --separate-stderr cgi GET "r=x&p=a%1Bb&g=s&t=1" ''
	assert_equal "$stderr" "ask: web: 192.0.2.7: a field that is not plain UTF-8 text"
}

@test "after --until the page says the round is closed and records nothing: at the second" {
	run -0 cgi POST "$LINK" 'a.steering=1' --until 2026-11-25T09:30:01Z
	assert_equal "$(wc -l < round.tsv)" 1
	run -0 cgi POST "$LINK" 'a.steering=1' --until 2026-11-25T09:30:00Z
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 403 Forbidden"
	printf '%s\n' "$output" | text_of | grep -qx 'Round 2026-spring closed at 2026-11-25 09:30 UTC; nothing was recorded.'
	run -0 cgi GET "$LINK" '' --until 2026-11-25T09:30:00Z
	printf '%s\n' "$output" | grep -q 'The round is closed'
	assert_equal "$(wc -l < round.tsv)" 1
}

@test "what a request may not be: too large, not a form, badly encoded, another method; bad answers and notes" {
	body="a.steering=1&n.steering=$(head -c 16360 /dev/zero | tr '\0' x)"
	assert_equal "${#body}" 16384
	# At the bound the body is read (its note is then too long); past it, not.
	run -0 --separate-stderr cgi POST "$LINK" "$body"
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 400 Bad Request"
	assert_equal "$stderr" "ask: web: 192.0.2.7: a field name or value that is empty or too long"
	run -0 --separate-stderr cgi POST "$LINK" "${body}x"
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 413 Content Too Large"
	CONTENT_TYPE=multipart/form-data run -0 --separate-stderr cgi POST "$LINK" 'a.steering=1'
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 413 Content Too Large"
	run -0 --separate-stderr cgi POST "$LINK" 'a.steering=%4'
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 400 Bad Request"
	run -0 --separate-stderr cgi PUT "$LINK" 'a.steering=1'
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 405 Method Not Allowed"
	# A query of 4096 bytes is read; one more is not.
	# (in fields no longer than a field may be)
	rest=$((4096 - ${#LINK} - 6))
	query="$LINK&x=$(head -c $((rest / 2)) /dev/zero | tr '\0' y)&z=$(head -c $((rest - rest / 2)) /dev/zero | tr '\0' y)"
	assert_equal "${#query}" 4096
	run -0 --separate-stderr cgi GET "$query" ''
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 200 OK"
	run -0 --separate-stderr cgi GET "${query}y" ''
	assert_equal "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" "Status: 414 URI Too Long"
	# Answers the page never offers: said, and nothing of the request kept.
	for answer in 'a.steering=4' 'a.steering=0' 'a.steering=s&s.steering=101' 'a.steering=s&s.steering=-1' \
	    'a.steering=s' 'a.steering=1&a.openness=x'; do
		run -0 cgi POST "$LINK" "$answer&a.audience=1"
		printf '%s\n' "$output" | head -1 | tr -d '\r'
		printf '%s\n' "$output" | grep '<p class="problem">'
	done > got
	diff -u - got <<-'END'
	Status: 400 Bad Request
	<p class="problem">Direction: no such statement; choose again</p>
	Status: 400 Bad Request
	<p class="problem">Direction: no such statement; choose again</p>
	Status: 400 Bad Request
	<p class="problem">Direction: the place between is not 0 to 100; choose it again</p>
	Status: 400 Bad Request
	<p class="problem">Direction: the place between is not 0 to 100; choose it again</p>
	Status: 400 Bad Request
	<p class="problem">Direction: the place between is not 0 to 100; choose it again</p>
	Status: 400 Bad Request
	<p class="problem">Openness: no such statement; choose again</p>
	END
	[ ! -e round.tsv ]
	# The bounds themselves count.
	run -0 cgi POST "$LINK" 'a.steering=3&a.openness=s&s.openness=0&a.legal=s&s.legal=100'
	assert_equal "$(cut -f4,5 round.tsv | tr '\t\n' '=,')" "steering=100,openness=0,legal=100,"
	# A note of 2000 bytes is kept; one byte more is refused.
	note=$(head -c 2000 /dev/zero | tr '\0' n)
	run -0 cgi POST "$LINK" "a.audience=1&n.audience=$note"
	assert_equal "$(tail -1 round.tsv | cut -f7 | wc -c)" 2001
	run -0 cgi POST "$LINK" "a.audience=1&n.audience=${note}n"
	printf '%s\n' "$output" | grep -qx '<p class="problem">Audience: the note is too long or holds what a note cannot</p>'
	assert_equal "$(wc -l < round.tsv)" 4
	sed -i '$d' round.tsv
	# Nothing chosen: said, nothing written.
	run -0 cgi POST "$LINK" 'a.steering=&s.steering=50'
	printf '%s\n' "$output" | grep -q 'No question was answered, so nothing was recorded.'
	assert_equal "$(wc -l < round.tsv)" 3
}

@test "a questionnaire's text is escaped on the page, and the page is in its language" {
	ask --print-questionnaire | sed 's/^title: .*/title: Rules <b>\&<\/b> "us"/' > q.txt
	run -0 cgi GET "$LINK" '' -q q.txt
	printf '%s\n' "$output" | grep -q '<title>Rules &lt;b&gt;&amp;&lt;/b&gt; &quot;us&quot;</title>'
	TOKEN_NL=$(ask -L nl --form --key key -r 2026-spring -p ann -g staff | sed -n 's/^stance-token: //p')
	run -0 cgi GET "r=2026-spring&p=ann&g=staff&t=$TOKEN_NL" '' -L nl
	printf '%s\n' "$output" | grep -q '^<html lang="nl">$'
	printf '%s\n' "$output" | grep -q '<legend>Sturing</legend>'
	printf '%s\n' "$output" | grep -q 'Nu niet (deze vraag blijft onbeantwoord)'
}

@test "a burst of answers at once: every one whole, nothing lost or torn" {
	local i
	for i in $(seq 40); do
		cgi POST "$LINK" "a.steering=1&a.openness=2&a.enforcement=-&a.legal=s&s.legal=$i&a.audience=3" > "out.$i" &
	done
	wait
	assert_equal "$(wc -l < round.tsv)" 200
	run -0 collect round.tsv
	assert_equal "$(cut -f5 round.tsv | grep -c .)" 200
	assert_equal "$(grep -l '^Status: 200 OK' out.* | wc -l)" 40
}

@test "ask --web needs a key and an answers file, and takes no participant or answers of its own" {
	for args in "--web -o round.tsv" "--web --key key" "--web --key key -o round.tsv -p ann" \
	    "--web --key key -o round.tsv steering=1" "--key key -o round.tsv --until 2026-12-01T17:00Z"; do
		run -2 --separate-stderr ask $args
		assert_equal "${stderr%%$'\n'*}" "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
	done
}

# The README's first fenced block of a kind ("sh", "lighttpd").
readme_block() {
	awk -v kind="$1" '$0 == "```" kind { inside = 1; next } inside && $0 == "```" { exit } inside' "$TOP/README.md"
}

# lighttpd on a free loopback port, with the README's configuration and
# answer.cgi, the round's files here.  Sets URL; LIGHTTPD is its pid.
lighttpd_start() {
	local port i
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p www/stance
	readme_block sh | sed -e "s|/usr/local/bin/ask|env STANCE_NOW=2026-11-25T09:30:00Z $TOP/bin/ask|" \
	    -e "s|/srv/stance/stance.key|$PWD/key|; s|/srv/stance/|$PWD/|g" > www/stance/answer.cgi
	chmod 755 www/stance/answer.cgi
	{ printf 'server.document-root = "%s/www"\nserver.bind = "127.0.0.1"\nserver.port = %s\n' "$PWD" "$port"
	  printf 'server.errorlog = "%s/error.log"\n' "$PWD"
	  readme_block lighttpd | sed "s|/var/log/lighttpd/|$PWD/|"; } > lighttpd.conf
	lighttpd -tt -f lighttpd.conf
	lighttpd -D -f lighttpd.conf 3>&- &
	LIGHTTPD=$!
	for i in $(seq 50); do
		python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2> /dev/null && break
		sleep 0.1
	done
	URL=http://127.0.0.1:$port/stance/answer.cgi
}

@test "through lighttpd, as the README sets it up: the link remind mails opens the page, and answers are recorded" {
	command -v lighttpd > /dev/null || skip "lighttpd is not installed: the page is tried as a CGI program above only"
	lighttpd_start
	printf 'ann\tstaff\tann@stance.test\tAnn\n' > team.tsv
	cp key stance.key
	# The README's remind --url line, to the fake mail system.
	line=$(grep '^    remind .* --url ' "$TOP/README.md" | sed 's/^    //')
	STANCE_SENDMAIL=fake-sendmail FAKE_MAILDIRS=$PWD/mail run -0 sh -c "$line"
	link=$(python3 -c 'import email, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print([l for l in m.get_payload(decode=True).decode().split("\n") if l.startswith("https://")][0])' mail/participants/new/*)
	assert_equal "$link" "https://example.org/stance/answer.cgi?$LINK"
	run -0 python3 - "$URL?$LINK" <<-'EOF'
	import sys, urllib.request, urllib.error
	page = urllib.request.urlopen(sys.argv[1])
	print(page.status, page.headers['Referrer-Policy'], page.headers['Cache-Control'])
	sent = urllib.request.urlopen(sys.argv[1], data=b'a.steering=3&a.audience=s&s.audience=75')
	print(sent.status, 'Received, thank you' in sent.read().decode())
	try:
	    urllib.request.urlopen(sys.argv[1].replace('p=ann', 'p=bob'), data=b'a.steering=1')
	except urllib.error.HTTPError as e:
	    print(e.code)
	EOF
	kill "$LIGHTTPD"
	diff -u - <(printf '%s\n' "$output") <<-'END'
	200 no-referrer no-store
	200 True
	403
	END
	diff -u - round.tsv <<-'END'
	2026-spring	ann	staff	steering	100	2026-11-25T09:30:00Z	
	2026-spring	ann	staff	audience	75	2026-11-25T09:30:00Z	
	END
	grep -q "ask: web: 127.0.0.1: a link whose token does not match: forged or altered (participant 'bob')" cgi.log
}

@test "in a real browser at a phone's size: by touch and keyboard, with JavaScript on and off" {
	command -v lighttpd > /dev/null || skip "lighttpd is not installed"
	[ -x /usr/bin/chromedriver ] && /usr/bin/python3 -c 'import selenium' 2> /dev/null ||
	    skip "chromium-driver or python3-selenium is not installed"
	lighttpd_start
	for js in on off; do
		rm -f round.tsv
		run -0 timeout 120 /usr/bin/python3 "$TOP/tests/web-browser.py" "$URL?$LINK" "$js" "phone-$js.png"
		printf '%s\n' "$output" > "raw-$js"
		sed -e 's/^nearest said .*/nearest said …/' -e 's/^recorded Legal form: 7[0-9]%$/recorded Legal form: 7…%/' \
		    "raw-$js" > "seen-$js"
		cut -f4,5 round.tsv | sed 's/^legal	7[0-9]$/legal	7…/' | tr '\t\n' '=,' > "recorded-$js"
		echo >> "recorded-$js"
	done
	diff -u - seen-on <<-'END'
	fieldsets 5
	widest True
	no sideways scrolling True
	slider 20
	between chosen by the slider True
	nearest said …
	dragged to three quarters True
	between chosen by the finger True
	chosen 2 s - s none
	title Received, thank you
	recorded Direction: statement 2
	recorded Openness: 20%, between statements 1 and 2
	recorded Enforcement: no opinion
	recorded Legal form: 7…%
	END
	# Without JavaScript the slider alone chooses nothing: the person
	# taps "somewhere between" too, and the same is recorded.
	diff -u <(sed 's/^between chosen by the \(slider\|finger\) True$/between chosen by the \1 False/' seen-on) seen-off
	# The screen reader hears the statement nearest the mark: kept up to
	# date by the script, and as the page was sent without it.
	grep -qx 'nearest said 20% – 1\. A closed social media policy emphasises restrictions, blocking internet access and limiting the staff who work on social networking sites on behalf of the organisation\.' raw-on
	grep -qx 'nearest said 50% – 2\. An open social media policy .*' raw-off
	assert_equal "$(cat recorded-on)" "steering=50,openness=20,enforcement=-,legal=7…,"
	assert_equal "$(cat recorded-off)" "steering=50,openness=20,enforcement=-,legal=7…,"
	# At 200% zoom (180 CSS pixels): the same, nothing wider than the screen.
	rm -f round.tsv
	run -0 timeout 120 /usr/bin/python3 "$TOP/tests/web-browser.py" "$URL?$LINK" on zoom.png 180
	printf '%s\n' "$output" | sed -e 's/^nearest said .*/nearest said …/' \
	    -e 's/^recorded Legal form: 7[0-9]%$/recorded Legal form: 7…%/' > seen-zoom
	kill "$LIGHTTPD"
	diff -u seen-on seen-zoom
	# The screenshots (720 by 1480 pixels: 360 by 740 at twice the
	# density) have text from top to bottom: the page was drawn.
	for js in on off; do
		run -0 python3 "$TOP/tests/png-column.py" "phone-$js.png" --ink-height 0 0 720 1480
		assert_number "$output" -gt 500
	done
}

@test "round two: each continuum shows where the group stood and the person's own earlier answer, nothing chosen by it" {
	{ for p in ann bert cora dirk eva; do for c in steering openness enforcement legal audience; do
		printf '2026-winter\t%s\tstaff\t%s\t%d\t2026-11-20T09:00:00Z\t\n' "$p" "$c" \
		    $(( $(printf '%s' "$p" | wc -c) * 15 )); done; done; } > winter.tsv
	aggregate winter.tsv > winter.agg
	run -0 --separate-stderr cgi GET "$LINK" '' --feedback winter.agg --previous winter.tsv
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | grep '^<div class="last">' > last
	assert_equal "$(wc -l < last)" 5
	assert_equal "$(sed -n 1p last)" \
	    '<div class="last">Last round (2026-winter): fair agreement, around statement 2; median 60, middle half 45-60; you: 45%.'
	# Every continuum's figures on its line: a band, a tick, a ring at 45.
	assert_equal "$(printf '%s\n' "$output" | grep -c '<circle cx="45.0" cy="3"')" 5
	assert_equal "$(printf '%s\n' "$output" | grep -c '<rect x=')" 5
	# Nothing chosen but "not now".
	assert_equal "$(printf '%s\n' "$output" | grep -c ' checked>')" 5
	assert_equal "$(printf '%s\n' "$output" | grep -c 'value="" checked>')" 5
	printf '%s\n' "$output" | sed '1,/^\r$/d' > page.html
	xmllint --html --noout page.html
	# Someone new to the round has no answer of their own to see.
	TOKEN_ZOE=$(ask --form --key key -r 2026-spring -p zoe -g staff | sed -n 's/^stance-token: //p')
	run -0 cgi GET "r=2026-spring&p=zoe&g=staff&t=$TOKEN_ZOE" '' --feedback winter.agg --previous winter.tsv
	assert_equal "$(printf '%s\n' "$output" | grep -c '<circle')" 0
	assert_equal "$(printf '%s\n' "$output" | grep -c '^<div class="last">Last round (2026-winter): ')" 5
}

@test "the README's pictures: a phone's page and a projector's, as make pictures draws them" {
	command -v lighttpd > /dev/null || skip "lighttpd is not installed"
	[ -x /usr/bin/chromedriver ] && /usr/bin/python3 -c 'import selenium' 2> /dev/null ||
	    skip "chromium-driver or python3-selenium is not installed"
	mkdir pictures
	run -0 timeout 120 /usr/bin/python3 "$TOP/tests/web-pictures.py" "$TOP" "$PWD/pictures"
	# Every image on the projector's page drawn: the room and the QR code.
	assert_equal "$(printf '%s\n' "$output" | sort | tr '\n' ';')" "qr=1 True;results=svg True;"
	size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 "x" $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'; }
	for picture in web-phone web-projector; do
		assert_equal "$picture $(size "pictures/$picture.png")" "$picture $(size "$TOP/man/$picture.png")"
		run -0 python3 "$TOP/tests/png-column.py" "pictures/$picture.png" --ink-height 0 0 700 700
		assert_number "$output" -gt 200
	done
	assert_equal "$(size pictures/web-phone.png) $(size pictures/web-projector.png)" "720x1480 1280x720"
	grep -q '^!\[ask --web on a phone\](man/web-phone.png)' "$TOP/README.md"
	grep -q '^!\[a meeting.s results on the projector\](man/web-projector.png)' "$TOP/README.md"
}

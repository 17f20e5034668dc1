#!/usr/bin/env bats
# ask --web --meeting: a live session.  One address for the room; each
# phone gets its own signed link, anonymously or under a name, kept in a
# cookie; a results page for the projector draws the room from the
# answers so far, as aggregate and chart do; a QR code of the address.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'a secret only the facilitator knows\n' > key
	chmod 600 key
}

# meeting METHOD QUERY BODY [ask options]: the meeting's script, as a
# web server runs it at http://127.0.0.1:8080/stance/live.cgi.
meeting() {
	local method=$1 query=$2 body=$3
	shift 3
	printf '%s' "$body" | REQUEST_METHOD=$method QUERY_STRING=$query HTTP_HOST=${HOST-127.0.0.1:8080} \
	    SCRIPT_NAME=/stance/live.cgi HTTP_COOKIE=${COOKIE-} CONTENT_TYPE=application/x-www-form-urlencoded \
	    CONTENT_LENGTH=${#body} REMOTE_ADDR=192.0.2.9 \
	    ask --web -r live -g room --key key -o round.tsv "$@"
}

# The header of a page, CR taken off.
header() {
	printf '%s\n' "$output" | sed -n '1,/^\r$/p' | tr -d '\r' | sed -n "s/^$1: //p"
}

@test "anonymously: the address gives each phone a signed link of its own, kept in a cookie" {
	run -0 --separate-stderr meeting GET '' '' --meeting anonymous
	assert_equal "$(header Status)" "200 OK"
	cookie=$(header Set-Cookie)
	[[ $cookie =~ ^stance=(anon-[0-9a-f]{16})\.([0-9a-f]{64})\;\ Path=/stance/live\.cgi\;\ Max-Age=86400\;\ HttpOnly\;\ SameSite=Strict$ ]]
	who=${BASH_REMATCH[1]} token=${BASH_REMATCH[2]}
	# The token is the one remind would sign that person's form with.
	assert_equal "$token" "$(ask --form --key key -r live -p "$who" -g room | sed -n 's/^stance-token: //p')"
	action="?r=live&amp;p=$who&amp;g=room&amp;t=$token"
	printf '%s\n' "$output" | grep -qF "<form method=\"post\" action=\"$action\">"
	# Sending to it records their answers, as any link's.
	run -0 meeting POST "r=live&p=$who&g=room&t=$token" 'a.steering=1' --meeting anonymous
	assert_equal "$(cut -f1-5 round.tsv)" "$(printf 'live\t%s\troom\tsteering\t0' "$who")"
	# Back at the address, the cookie says who this is: the same person.
	COOKIE="theme=dark; stance=$who.$token" run -0 meeting GET '' '' --meeting anonymous
	printf '%s\n' "$output" | grep -qF "action=\"$action\""
	printf '%s\n' "$output" | grep -q 'name="a.steering" value="1" checked>'
	# Another phone, or a cookie whose token was changed: someone new.
	COOKIE="stance=$who.${token%?}0" run -0 meeting GET '' '' --meeting anonymous
	! printf '%s\n' "$output" | grep -qF "p=$who&amp;"
	run -0 meeting GET '' '' --meeting anonymous
	! printf '%s\n' "$output" | grep -qF "p=$who&amp;"
}

@test "under a name: the name typed is the participant, blanks as hyphens; a name that cannot be one is said" {
	run -0 meeting GET '' '' --meeting named
	printf '%s\n' "$output" | grep -q '<label>Your name, as the others know you: <input type="text" name="name" maxlength="64" autocomplete="name" required></label>'
	[ -z "$(header Set-Cookie)" ]
	run -0 meeting POST '' 'name=+Zo%C3%AB+%C3%9Cnl%C3%BC+' --meeting named
	cookie=$(header Set-Cookie)
	[[ $cookie =~ ^stance=(Zo%C3%AB-%C3%9Cnl%C3%BC\.[0-9a-f]{64})\; ]]
	printf '%s\n' "$output" | grep -q '<p>Round live, for Zoë-Ünlü\.'
	# The cookie (ASCII, the name percent-encoded) brings her back.
	COOKIE="stance=${BASH_REMATCH[1]}" run -0 meeting GET '' '' --meeting named
	printf '%s\n' "$output" | grep -q '<p>Round live, for Zoë-Ünlü\.'
	# Markup in a name is text on the page.
	run -0 meeting POST '' 'name=%3Cb%3Eme%3C%2Fb%3E' --meeting named
	printf '%s\n' "$output" | grep -q '<p>Round live, for &lt;b&gt;me&lt;/b&gt;\.'
	for name in '+' "$(head -c 65 /dev/zero | tr '\0' n)"; do
		run -0 meeting POST '' "name=$name" --meeting named
		assert_equal "$(header Status)" "400 Bad Request"
		printf '%s\n' "$output" | grep -q '<p class="problem">A name is 1 to 64 bytes of text: choose another.</p>'
	done
	run -0 meeting POST '' "name=$(head -c 64 /dev/zero | tr '\0' n)" --meeting named
	assert_equal "$(header Status)" "200 OK"
	# A name with a control character is refused with the request.
	run -0 --separate-stderr meeting POST '' 'name=a%07b' --meeting named
	assert_equal "$(header Status)" "400 Bad Request"
}

@test "the results page: the room as aggregate and chart draw it, redrawn every few seconds, the address and its QR code" {
	for p in ann bob cas dee eve fay; do
		printf 'live\t%s\troom\tsteering\t%s\t2026-11-25T09:00:00Z\t\n' "$p" $(( ${#p} * 20 ))
	done > round.tsv
	# Another round in the same file is not this meeting's.
	printf 'other\tzed\troom\tsteering\t100\t2026-11-25T09:00:00Z\t\n' >> round.tsv
	run -0 meeting GET 'results=1' '' --meeting anonymous
	# Without JavaScript it reloads whole; with, the script redraws the
	# picture and the count in place (main's data-refresh).
	printf '%s\n' "$output" | grep -qx '<noscript><meta http-equiv="refresh" content="5"></noscript>'
	printf '%s\n' "$output" | grep -qx '<main data-refresh="5">'
	printf '%s\n' "$output" | grep -qx '<p>http://127.0.0.1:8080/stance/live.cgi</p>'
	printf '%s\n' "$output" | grep -q '<p><img src="?qr=1" width="240" height="240" alt="a QR code of this address"></p>'
	printf '%s\n' "$output" | grep -qx '<p class="count">Round live: 6 people have answered so far.</p>'
	printf '%s\n' "$output" | grep -q '<img class="room" src="?results=svg" alt="Where the room stands'
	# The picture is exactly aggregate's and chart's: small groups kept
	# private by aggregate itself.
	run -0 meeting GET 'results=svg' '' --meeting anonymous
	assert_equal "$(header Content-Type)" "image/svg+xml; charset=utf-8"
	printf '%s\n' "$output" | sed '1,/^\r$/d' > served.svg
	grep "^live	" round.tsv | aggregate | chart --svg -L en > drawn.svg
	diff -u drawn.svg served.svg
	grep -v "^other	" round.tsv | aggregate | chart --svg -L en | cmp -s - served.svg
	head -3 round.tsv > small.tsv && mv small.tsv round.tsv
	run -0 meeting GET 'results=svg' '' --meeting anonymous
	printf '%s\n' "$output" | sed '1,/^\r$/d' > served.svg
	grep "^live	" round.tsv | aggregate | chart --svg -L en > drawn.svg
	diff -u drawn.svg served.svg
	grep -q 'too few' served.svg
	run -0 meeting GET 'results=1' '' --meeting anonymous
	printf '%s\n' "$output" | grep -qx '<p class="count">Round live: 3 people have answered so far.</p>'
	printf 'live\tzed\troom\tsteering\t50\t2026-11-25T09:00:00Z\t\n' > round.tsv
	run -0 meeting GET 'results=1' '' --meeting anonymous
	printf '%s\n' "$output" | grep -qx '<p class="count">Round live: 1 person has answered so far.</p>'
}

@test "the QR code says the address, as a real reader reads it; --url says another; a Host that is no host gives none" {
	command -v zbarimg > /dev/null || skip "zbarimg (zbar-tools) is not installed"
	run -0 meeting GET 'qr=1' '' --meeting anonymous
	printf '%s\n' "$output" | sed '1,/^\r$/d' > code.svg
	python3 "$TOP/tests/qr-png.py" code.svg code.png
	assert_equal "$(zbarimg -q --raw code.png 2> /dev/null)" "http://127.0.0.1:8080/stance/live.cgi"
	HTTPS=on run -0 meeting GET 'qr=1' '' --meeting anonymous --url https://vzw.example.be/live
	printf '%s\n' "$output" | sed '1,/^\r$/d' > code.svg
	python3 "$TOP/tests/qr-png.py" code.svg code.png
	assert_equal "$(zbarimg -q --raw code.png 2> /dev/null)" "https://vzw.example.be/live"
	HOST='evil.example"><script>' run -0 meeting GET 'qr=1' '' --meeting anonymous
	assert_equal "$(header Status)" "404 Not Found"
}

@test "after --until the address takes no one, the results stay; --meeting needs -r and a way" {
	run -0 meeting GET '' '' --meeting anonymous --until 2026-11-25T09:30:00Z
	assert_equal "$(header Status)" "403 Forbidden"
	run -0 meeting GET 'results=1' '' --meeting anonymous --until 2026-11-25T09:30:00Z
	assert_equal "$(header Status)" "200 OK"
	run -2 --separate-stderr ask --web --meeting anonymous --key key -o round.tsv
	run -2 --separate-stderr ask --web --meeting everyone -r live --key key -o round.tsv
	run -2 --separate-stderr ask --meeting anonymous -r live
	run -2 --separate-stderr ask --url https://example.org -r live
	# Without --meeting the address alone is no link.
	run -0 --separate-stderr meeting GET '' ''
	assert_equal "$(header Status)" "403 Forbidden"
}

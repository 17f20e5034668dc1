#!/usr/bin/env bats
# Signed forms: SHA-256 and HMAC-SHA-256 against the published vectors,
# the key file and what is refused of it, and collect --key refusing a
# form that is unsigned, forged, or (with --roster) mailed from another
# address.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'a secret only the facilitator knows\n' > key
	chmod 600 key
}

@test "SHA-256: the examples of FIPS 180-4, and the empty message" {
	assert_equal "$(printf abc | digestcheck sha256)" ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	assert_equal "$(printf abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq | digestcheck sha256)" \
	    248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1
	assert_equal "$(head -c 1000000 /dev/zero | tr '\0' a | digestcheck sha256)" \
	    cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0
	assert_equal "$(printf '' | digestcheck sha256)" e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
	# 55, 56 and 64 bytes: where the padding takes a second block.
	assert_equal "$(head -c 55 /dev/zero | tr '\0' a | digestcheck sha256)" \
	    9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318
	assert_equal "$(head -c 56 /dev/zero | tr '\0' a | digestcheck sha256)" \
	    b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a
	assert_equal "$(head -c 64 /dev/zero | tr '\0' a | digestcheck sha256)" \
	    ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb
}

@test "HMAC-SHA-256: the test cases of RFC 4231" {
	assert_equal "$(printf 'Hi There' | digestcheck hmac 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b)" \
	    b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
	assert_equal "$(printf 'what do ya want for nothing?' | digestcheck hmac 4a656665)" \
	    5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
	assert_equal "$(head -c 50 /dev/zero | tr '\0' '\335' | digestcheck hmac aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)" \
	    773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe
	assert_equal "$(head -c 50 /dev/zero | tr '\0' '\315' | digestcheck hmac 0102030405060708090a0b0c0d0e0f10111213141516171819)" \
	    82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b
	# Case 5 is truncated to 128 bits.
	assert_equal "$(printf 'Test With Truncation' | digestcheck hmac 0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c | cut -c1-32)" \
	    a3b6167473100ee06e0c796c2955552b
	local long
	long=$(printf 'aa%.0s' $(seq 131))
	assert_equal "$(printf 'Test Using Larger Than Block-Size Key - Hash Key First' | digestcheck hmac "$long")" \
	    60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54
	assert_equal "$(printf 'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.' | digestcheck hmac "$long")" \
	    9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2
}

@test "HMAC-SHA-256 at the key's boundaries: 0, 1, 63, 64 and 65 bytes, as Python's hmac has it" {
	command -v python3 > /dev/null || skip "python3 is not installed"
	local len key
	for len in 0 1 2 63 64 65 128; do
		key=$(head -c "$len" /dev/zero | tr '\0' '\253' | od -An -v -tx1 | tr -d ' \n')
		assert_equal "$len: $(printf 'the message' | digestcheck hmac "$key")" \
		    "$len: $(python3 -c 'import hmac, hashlib, sys; print(hmac.new(bytes.fromhex(sys.argv[1]), b"the message", hashlib.sha256).hexdigest())' "$key")"
	done
}

@test "a key file's line end, LF or CRLF (a Windows editor), is no part of the key" {
	printf 'a secret only the facilitator knows\r\n' > crlf
	printf 'a secret only the facilitator knows' > bare
	chmod 600 crlf bare
	diff -u <(ask --form --key key -r r -p ann -g staff) <(ask --form --key crlf -r r -p ann -g staff)
	diff -u <(ask --form --key key -r r -p ann -g staff) <(ask --form --key bare -r r -p ann -g staff)
	# A carriage return inside the key is the key's.
	printf 'a secret only the facilitator\rknows\n' > inside
	chmod 600 inside
	run -1 diff <(ask --form --key key -r r -p ann -g staff) <(ask --form --key inside -r r -p ann -g staff)
}

@test "ask --form --key signs the form: HMAC-SHA-256 of questionnaire, round, participant and group" {
	run -0 ask --form --key key -r 2026-spring -p ann -g staff
	expected=$(printf 'social-media-policy\n2026-spring\nann\nstaff\n' |
	    digestcheck hmac "$(printf 'a secret only the facilitator knows' | od -An -tx1 | tr -d ' \n')")
	assert_equal "$(printf '%s\n' "$output" | sed -n 's/^stance-token: //p')" "$expected"
	# The line stands right after stance-check; STANCE_KEY_FILE does the same.
	printf '%s\n' "$output" | grep -A1 '^stance-check: ' | tail -1 | grep -q '^stance-token: '
	diff -u <(printf '%s\n' "$output") <(STANCE_KEY_FILE=key ask --form -r 2026-spring -p ann -g staff)
	# Without a key, no token: the form as before.
	run -0 ask --form -r 2026-spring -p ann -g staff
	printf '%s\n' "$output" | grep -q '^stance-token:' && false
	# --key belongs to --form: elsewhere it is a usage error.
	run -2 --separate-stderr ask --key key -p ann steering=1
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]"
}

@test "a key file others may read, or not a file, or empty, is refused" {
	chmod 640 key
	run -2 --separate-stderr ask --form --key key -p ann
	assert_equal "$stderr" "ask: key file key can be read or written by others (mode 0640); make it yours alone: chmod 600 key"
	assert_equal "$output" ""
	chmod 602 key
	run -2 --separate-stderr collect --key key /dev/null
	assert_equal "$stderr" "collect: key file key can be read or written by others (mode 0602); make it yours alone: chmod 600 key"
	: > empty
	chmod 600 empty
	run -2 --separate-stderr ask --form --key empty -p ann
	assert_equal "$stderr" "ask: key file empty is empty"
	run -2 --separate-stderr ask --form --key . -p ann
	assert_equal "$stderr" "ask: key file .: not a regular file"
	run -2 --separate-stderr ask --form --key missing -p ann
	assert_equal "$stderr" "ask: key file missing: No such file or directory"
}

@test "a key shorter than 16 bytes, or owned by someone else, is refused" {
	printf '0123456789abcde\n' > short
	chmod 600 short
	run -2 --separate-stderr ask --form --key short -p ann
	assert_equal "$stderr" "ask: key file short holds 15 bytes; a key needs at least 16: make one with umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > short"
	run -2 --separate-stderr collect --key short /dev/null
	assert_equal "$stderr" "collect: key file short holds 15 bytes; a key needs at least 16: make one with umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > short"
	printf '0123456789abcdef\n' > sixteen
	chmod 600 sixteen
	run -0 ask --form --key sixteen -p ann
	[ "$(id -u)" -eq 0 ] || skip "only root can give a file to another user"
	chown 65534 sixteen
	run -2 --separate-stderr ask --form --key sixteen -p ann
	assert_equal "$stderr" "ask: key file sixteen belongs to user 65534, not to you; whoever owns it can change it and sign forms"
}

# A filled-in form of ann's: every first box marked.
filled() {
	ask --form "$@" -r r1 -p ann -g staff | sed 's/^\[ \] 1\./[x] 1./'
}

@test "collect --key: a signed form counts; unsigned, forged and altered ones are refused" {
	filled --key key > signed.txt
	run -0 --separate-stderr collect --key key signed.txt
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	filled > unsigned.txt
	run -1 --separate-stderr collect --key key unsigned.txt
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: unsigned.txt:8: form of ann: the form has no stance-token: it was not signed with the key (--key), so anyone could have written it; its answers are not used"
	# One digit changed; a token made with another key.
	sed 's/^\(stance-token: \)\(.\)/\1X\2/; s/^stance-token: X0/stance-token: 1/; s/^stance-token: X./stance-token: 0/' signed.txt > forged.txt
	! cmp -s signed.txt forged.txt
	run -1 --separate-stderr collect --key key forged.txt
	assert_equal "$stderr" "collect: forged.txt:13: form of ann: stance-token does not match the form's round, participant and group under the key (--key): forged, or its header was changed; its answers are not used"
	printf 'another key, as long as needed\n' > other
	chmod 600 other
	filled --key other > other.txt
	run -1 --separate-stderr collect --key key other.txt
	assert_equal "$output" ""
	# The token copied onto someone else's form: stance-check and the
	# token both fail to match; changing the group too is seen.
	sed 's/^stance-group: staff/stance-group: direction/; s/^stance-check: .*/stance-check: '"$(ask --form -r r1 -p ann -g direction | sed -n 's/^stance-check: //p')"'/' signed.txt > regrouped.txt
	run -1 --separate-stderr collect --key key regrouped.txt
	printf '%s\n' "$stderr" | grep -q 'stance-token does not match'
	# Capitals in the token are the same token.
	sed 's/^\(stance-token: \)\(.*\)/\1\U\2/' signed.txt > capitals.txt
	run -0 collect --key key capitals.txt
	# Without a key, every form counts, signed or not.
	run -0 collect forged.txt unsigned.txt
}

@test "collect --min-group 1 --key --roster: a mailed form counts only from the participant's own address" {
	printf 'ann\tstaff\tann@example.org\tAnn\n' > roster.tsv
	filled --key key > form.txt
	{ printf 'From: Eve <eve@example.org>\nDate: Wed, 26 Nov 2026 10:00:00 +0000\nSubject: Re: where do you stand?\n\n'
	  cat form.txt; } > eve.eml
	run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv eve.eml
	assert_equal "$stderr" "collect: eve.eml:1: form of ann: the message came from eve@example.org, not from ann@example.org, the address on the roster; its answers are not used"
	assert_equal "$output" ""
	sed 's/eve@example.org/ANN@Example.org/; s/Eve/Ann/' eve.eml > ann.eml
	run -0 --separate-stderr collect --min-group 1 --key key --roster roster.tsv ann.eml
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
	# A form in a plain file has no From to check: its token is enough.
	run -0 collect --min-group 1 --key key --roster roster.tsv form.txt
	# Without a key, the address is not checked (collect(1) says so).
	run -0 collect --min-group 1 --roster roster.tsv eve.eml
}

@test "collect --key --roster: From as clients write it counts; a list or a name posing as the address does not" {
	printf 'ann\tstaff\tann@example.org\tAnn\n' > roster.tsv
	filled --key key > form.txt
	mailed() {
		{ printf 'From: %s\nDate: Wed, 26 Nov 2026 10:00:00 +0000\nSubject: Re\n\n' "$1"; cat form.txt; } > m.eml
		collect --key key --roster roster.tsv m.eml 2> /dev/null | wc -l
	}
	assert_equal "$(mailed '"Peeters, Ann" <ANN@example.org>')" 5
	assert_equal "$(mailed 'ann@example.org (Ann Peeters)')" 5
	assert_equal "$(mailed '=?UTF-8?B?QW5uIFBlZXRlcnM=?= <ann@example.org>')" 5
	assert_equal "$(mailed "$(printf 'Ann\n Peeters <ann@example.org>')")" 5
	assert_equal "$(mailed 'ann@example.org (via eve@example.org)')" 5
	# Two addresses say nothing of who sent it, in either order.
	assert_equal "$(mailed 'Eve <eve@example.org>, Ann <ann@example.org>')" 0
	assert_equal "$(mailed 'Ann <ann@example.org>, Eve <eve@example.org>')" 0
	# A display name that looks like the address is a name.
	assert_equal "$(mailed '"ann@example.org" <eve@example.org>')" 0
	assert_equal "$(mailed 'Ann "<ann@example.org>" <eve@example.org>')" 0
}

@test "collect --key --roster: a response line planted beside one's own signed form answers for nobody" {
	printf 'ann\tstaff\tann@example.org\tAnn\neve\tstaff\teve@example.org\tEve\n' > roster.tsv
	ask --form --key key -r r1 -p eve -g staff | sed 's/^\[ \] 1\./[x] 1./' > eve-form.txt
	{ printf 'From: Eve <eve@example.org>\nDate: Wed, 26 Nov 2026 10:00:00 +0000\nSubject: Re\n\n'
	  cat eve-form.txt
	  printf 'r1\tann\tstaff\tsteering\t100\t2099-12-31T23:59:59Z\tplanted\n'
	  printf 'r2\tann\tstaff\tsteering\t100\t2026-11-26T09:00:00Z\tplanted\n'; } > eve.eml
	run -1 --separate-stderr collect --key key --roster roster.tsv eve.eml
	# Eve's own form counts; nothing of ann's, in any round.
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | sort | uniq -c | tr -s ' ')" " 5 eve"
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'a response line in a form or mail message is not counted')" 2
	# remind --answers would have skipped ann: she is still missing.
	run -1 --separate-stderr collect --key key --roster roster.tsv --missing -r r1 eve.eml
	assert_equal "$output" "$(printf 'ann\tstaff\tann@example.org\tAnn')"
}

@test "collect --min-group 1 --key --roster: a message with two From headers has no sender" {
	printf 'ann\tstaff\tann@example.org\tAnn\n' > roster.tsv
	filled --key key > form.txt
	{ printf 'From: Ann <ann@example.org>\nFrom: Eve <eve@example.org>\nDate: Wed, 26 Nov 2026 10:00:00 +0000\n\n'
	  cat form.txt; } > two.eml
	run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv two.eml
	assert_equal "$output" ""
	assert_equal "$stderr" "collect: two.eml:1: form of ann: the message came from an unknown sender (the message has 2 From headers, and only one is allowed), not from ann@example.org, the address on the roster; its answers are not used"
	# In either order, and a From in a forwarded message is not a second.
	{ printf 'From: Eve <eve@example.org>\nfrom: Ann <ann@example.org>\nDate: Wed, 26 Nov 2026 10:00:00 +0000\n\n'
	  cat form.txt; } > two.eml
	run -1 --separate-stderr collect --min-group 1 --key key --roster roster.tsv two.eml
	assert_equal "$output" ""
	{ printf 'From: Ann <ann@example.org>\nDate: Wed, 26 Nov 2026 10:00:00 +0000\n'
	  printf 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n'
	  cat form.txt
	  printf '\n--b\nContent-Type: message/rfc822\n\nFrom: Eve <eve@example.org>\nSubject: old\n\nhello\n--b--\n'; } > fwd.eml
	run -0 collect --min-group 1 --key key --roster roster.tsv fwd.eml
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 5
}

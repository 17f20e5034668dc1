#!/usr/bin/env bats
# ask --qr: a QR code made by stance itself, libc alone, read back by a
# real reader (zbarimg, of Debian's zbar-tools) at every version's
# boundary: the longest text a version holds, and one byte more, which
# takes the next.

load test_helper

# The text the reader reads in the code ask --qr draws of $1.
read_back() {
	ask --qr "$1" > code.svg
	python3 "$TOP/tests/qr-png.py" code.svg code.png
	zbarimg -q --raw code.png 2> /dev/null
}

# The version of the code drawn: (side - 8 margin modules - 17) / 4.
version_of() {
	local side
	side=$(sed -n 's/.*viewBox="0 0 \([0-9]*\) .*/\1/p' code.svg)
	echo $(( (side / 10 - 8 - 17) / 4 ))
}

@test "every version's capacity, and a byte more, read back the same by a real reader" {
	command -v zbarimg > /dev/null || skip "zbarimg (zbar-tools) is not installed: no reader to check the codes with"
	cd "$BATS_TEST_TMPDIR"
	local version=1 n text
	for n in 14 26 42 62 84 106 122 152 180 213; do
		for text in "$(head -c "$n" /dev/zero | tr '\0' 'a')" \
		    "https://example.org/$(head -c $((n > 20 ? n - 20 : 1)) /dev/zero | tr '\0' 'b')"; do
			[ "${#text}" -le "$n" ] || continue
			assert_equal "$n: $(read_back "$text")" "$n: $text"
			assert_equal "$n: version $(version_of)" "$n: version $version"
		done
		if [ "$n" -lt 213 ]; then
			text=$(head -c $((n + 1)) /dev/zero | tr '\0' 'c')
			assert_equal "$((n + 1)): $(read_back "$text")" "$((n + 1)): $text"
			assert_equal "$((n + 1)): version $(version_of)" "$((n + 1)): version $((version + 1))"
		fi
		version=$((version + 1))
	done
	# UTF-8 goes through as bytes.
	assert_equal "$(read_back 'https://vzw.example.be/ronde?naam=Zoë Ünlü')" 'https://vzw.example.be/ronde?naam=Zoë Ünlü'
}

@test "a text too long for a code that can be read is refused; --qr stands alone; the title is escaped" {
	cd "$BATS_TEST_TMPDIR"
	run -2 --separate-stderr ask --qr "$(head -c 214 /dev/zero | tr '\0' a)"
	assert_equal "$stderr" "ask: --qr: the address is longer than 213 bytes; a QR code of it would be too fine to read"
	run -2 --separate-stderr ask --qr https://example.org -p ann
	run -0 ask --qr 'https://example.org/?a=1&b=<2>'
	printf '%s\n' "$output" | grep -qx '<title>https://example.org/?a=1&amp;b=&lt;2&gt;</title>'
	printf '%s\n' "$output" > code.svg
	xmllint --noout code.svg
}

# Loaded by every .bats file: the built programs first on PATH, an isolated
# HOME, the C locale, and a fixed clock so that output can be compared.
bats_require_minimum_version 1.5.0

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$TOP/tests/fixtures
PATH=$TOP/bin:$TOP/tests:$PATH
# make check-valgrind: the programs run under valgrind (tests/valgrind).
[ -z "${STANCE_VALGRIND:-}" ] || PATH=$TOP/tests/valgrind:$PATH

export HOME=$BATS_TEST_TMPDIR/home
mkdir -p "$HOME"
export LC_ALL=C LOGNAME=tester STANCE_NOW=2026-11-25T09:30:00Z
# Local time is UTC unless a test says otherwise: a deadline is written
# in it, with its zone.
export TZ=UTC
unset LANG LC_MESSAGES LANGUAGE NO_COLOR STANCE_ROUND

# Compare $output with a golden file, showing a diff when they differ.
assert_golden() {
	diff -u "$1" <(printf '%s\n' "$output")
}

# Compare $output with the text on standard input.
assert_output_is() {
	diff -u - <(printf '%s\n' "$output")
}

# assert_equal ACTUAL EXPECTED: on failure, both are printed.
assert_equal() {
	if [ "$1" != "$2" ]; then
		printf 'expected: %s\nactual:   %s\n' "$2" "$1" >&2
		return 1
	fi
}

# assert_number ACTUAL OP EXPECTED, OP one of test's -eq -ne -lt -le -gt -ge.
assert_number() {
	if ! [ "$1" "$2" "$3" ]; then
		printf 'expected: %s %s\nactual:   %s\n' "$2" "$3" "$1" >&2
		return 1
	fi
}

#!/usr/bin/env bats
# collect --roster: who has not answered (--missing), everyone's progress
# (--status), and answers from people not on the roster.

load test_helper

setup() {
	cd "$FIXTURES/collect"
	ROSTER=$FIXTURES/roster/roster.tsv
}

@test "--missing prints the roster lines, unchanged, of who is not complete" {
	run -0 --separate-stderr collect --roster "$ROSTER" --missing -r 2026-spring a.tsv b.tsv
	diff -u - <(printf '%s\n' "$output") <<-'END'
	carl	team-b	-	Carl
	dirk	-	dirk@example.org	Dirk Janssens
	END
	[ "$stderr" = "collect: b.tsv:7: participant 'chloé' is not on the roster" ]
}

@test "--status prints participant, group, answered/total and the last answer's time" {
	run -0 --separate-stderr collect --roster "$ROSTER" --status -r 2026-spring a.tsv b.tsv
	diff -u - <(printf '%s\n' "$output") <<-'END'
	ann	team-a	5/5	2026-11-20T09:00:00Z
	bob	team-b	5/5	2026-11-26T08:00:00Z
	carl	team-b	0/5	-
	dirk	-	0/5	-
	END
}

@test "a partly answered round, --until, and a roster of one round" {
	run -0 --separate-stderr collect --roster "$ROSTER" --status --until 2026-11-21T00:00:00Z -r 2026-spring a.tsv b.tsv
	[ "${lines[1]}" = "bob	team-b	3/5	2026-11-20T10:00:00Z" ]
	run -0 --separate-stderr collect --roster "$ROSTER" --missing --until 2026-11-21T00:00:00Z -r 2026-spring a.tsv b.tsv
	[ "${lines[0]}" = "bob	team-b	bob@example.org	Bob Maes" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "without -r the only round in the answers is the one" {
	grep -v 2025-autumn a.tsv > "$BATS_TEST_TMPDIR/one-round.tsv"
	run -0 collect --roster "$ROSTER" --status "$BATS_TEST_TMPDIR/one-round.tsv"
	[ "${lines[0]}" = "ann	team-a	5/5	2026-11-20T09:00:00Z" ]
}

@test "answers from several rounds need -r" {
	run -2 --separate-stderr collect --roster "$ROSTER" --missing a.tsv
	[ "$(printf '%s\n' "$stderr" | tail -n 1)" = "collect: the answers are from 2 rounds; choose one with -r" ]
}

@test "with no answers yet everyone is missing, in round STANCE_ROUND" {
	run -0 collect --roster "$ROSTER" --missing /dev/null
	[ "${#lines[@]}" -eq 4 ]
	STANCE_ROUND=x run -0 collect --roster "$ROSTER" --status /dev/null
	[ "${lines[3]}" = "dirk	-	0/5	-" ]
}

@test "everyone answered: --missing is silent and exits 0, for cron" {
	cd "$BATS_TEST_TMPDIR"
	for p in ann bob carl dirk; do
		ask -p "$p" steering=1 openness=1 enforcement=1 legal=1 audience=1
	done > round.tsv
	run -0 collect --roster "$ROSTER" --missing round.tsv
	[ -z "$output" ]
}

@test "an unknown participant is named once, wherever they answer; lines still come out" {
	run -0 --separate-stderr collect --roster "$ROSTER" a.tsv b.tsv
	assert_golden merged.expected
	[ "$stderr" = "collect: b.tsv:7: participant 'chloé' is not on the roster" ]
}

@test "bad roster lines are reported and make the exit status 1" {
	printf 'ann\tteam-a\tann@example.org\tAnn\nann\tx\t-\t-\nbob team-b\n' > "$BATS_TEST_TMPDIR/roster"
	run -1 --separate-stderr collect --roster "$BATS_TEST_TMPDIR/roster" --status -r 2026-spring a.tsv
	[ "$output" = "ann	team-a	5/5	2026-11-20T09:00:00Z" ]
	diff -u - <(printf '%s\n' "$stderr") <<-END
	collect: $BATS_TEST_TMPDIR/roster:2: participant 'ann' is already on line 1
	collect: $BATS_TEST_TMPDIR/roster:3: not a roster line: it has no tabs (4 tab-separated fields are expected: participant, group, email, name)
	collect: a.tsv:2: participant 'bob' is not on the roster
	END
}

@test "a roster that cannot be read stops collect" {
	run -2 collect --roster /nonexistent --missing a.tsv
	[ "$output" = "collect: /nonexistent: No such file or directory" ]
}

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
	assert_equal "$stderr" "collect: b.tsv:7: participant 'chloé' is not on the roster"
}

@test "--status prints participant, group, answered/total, the last answer's time, what is missing, and a state" {
	run -0 --separate-stderr collect --roster "$ROSTER" --status -r 2026-spring a.tsv b.tsv
	diff -u - <(printf '%s\n' "$output") <<-'END'
	ann	team-a	5/5	2026-11-20T09:00:00Z	-	complete	-
	bob	team-b	5/5	2026-11-26T08:00:00Z	-	complete	-
	carl	team-b	0/5	-	steering,openness,enforcement,legal,audience	none	-
	dirk	-	0/5	-	steering,openness,enforcement,legal,audience	none	-
	END
}

@test "a partly answered round, --until, and a roster of one round" {
	run -0 --separate-stderr collect --roster "$ROSTER" --status --until 2026-11-21T00:00:00Z -r 2026-spring a.tsv b.tsv
	assert_equal "${lines[1]}" "bob	team-b	3/5	2026-11-20T10:00:00Z	enforcement,audience	partial	-"
	run -0 --separate-stderr collect --roster "$ROSTER" --missing --until 2026-11-21T00:00:00Z -r 2026-spring a.tsv b.tsv
	assert_equal "${lines[0]}" "bob	team-b	bob@example.org	Bob Maes"
	assert_number "${#lines[@]}" -eq 3
}

@test "without -r the only round in the answers is the one" {
	grep -v 2025-autumn a.tsv > "$BATS_TEST_TMPDIR/one-round.tsv"
	run -0 collect --roster "$ROSTER" --status "$BATS_TEST_TMPDIR/one-round.tsv"
	assert_equal "${lines[0]}" "ann	team-a	5/5	2026-11-20T09:00:00Z	-	complete	-"
}

@test "answers from several rounds need -r" {
	run -2 --separate-stderr collect --roster "$ROSTER" --missing a.tsv
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "collect: the answers are from 2 rounds (2025-autumn, 2026-spring); choose one with -r"
}

@test "with no answers yet everyone is missing, in round STANCE_ROUND" {
	run -0 collect --roster "$ROSTER" --missing /dev/null
	assert_number "${#lines[@]}" -eq 4
	STANCE_ROUND=x run -0 collect --roster "$ROSTER" --status /dev/null
	assert_equal "${lines[3]}" "dirk	-	0/5	-	steering,openness,enforcement,legal,audience	none	-"
}

@test "everyone answered: --missing is silent and exits 0, for cron" {
	cd "$BATS_TEST_TMPDIR"
	for p in ann:team-a bob:team-b carl:team-b dirk:-; do
		ask -p "${p%:*}" -g "${p#*:}" steering=1 openness=1 enforcement=1 legal=1 audience=1
	done > round.tsv
	run -0 collect --roster "$ROSTER" --missing round.tsv
	[ -z "$output" ]
}

@test "an unknown participant is named once, wherever they answer; lines still come out" {
	run -0 --separate-stderr collect --min-group 1 --roster "$ROSTER" a.tsv b.tsv
	assert_golden merged.expected
	assert_equal "$stderr" "collect: b.tsv:7: participant 'chloé' is not on the roster"
}

@test "bad roster lines are reported and make the exit status 1" {
	printf 'ann\tteam-a\tann@example.org\tAnn\nann\tx\t-\t-\nbob team-b\n' > "$BATS_TEST_TMPDIR/roster"
	run -1 --separate-stderr collect --roster "$BATS_TEST_TMPDIR/roster" --status -r 2026-spring a.tsv
	assert_equal "$output" "ann	team-a	5/5	2026-11-20T09:00:00Z	-	complete	-"
	diff -u - <(printf '%s\n' "$stderr") <<-END
	collect: $BATS_TEST_TMPDIR/roster:2: participant 'ann' is already on line 1
	collect: $BATS_TEST_TMPDIR/roster:3: not a roster line: it has no tabs (4 tab-separated fields are expected: participant, group, email, name)
	collect: a.tsv:2: participant 'bob' is not on the roster
	END
}

@test "a roster that cannot be read stops collect" {
	run -2 collect --roster /nonexistent --missing a.tsv
	assert_equal "$output" "collect: /nonexistent: No such file or directory"
}

@test "from cron: --missing and --status with no input named are usage errors, not everyone" {
	run -2 --separate-stderr collect --roster "$ROSTER" --missing
	[ -z "$output" ]
	assert_equal "${stderr%%$'\n'*}" "collect: --missing reads only the answers named: give their files, or - for standard input"
	run -2 --separate-stderr collect --roster "$ROSTER" --status < a.tsv
	[ -z "$output" ]
	run -0 collect --roster "$ROSTER" --missing -r 2026-spring - < a.tsv
	assert_number "${#lines[@]}" -eq 3
}

@test "an input that cannot be read: --missing and --status write nothing, exit 2" {
	run -2 --separate-stderr collect --roster "$ROSTER" --missing -r 2026-spring a.tsv rond.tsv
	[ -z "$output" ]
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: rond.tsv: No such file or directory
	collect: nothing written: an input could not be read, so the list would name people who did answer
	END
	run -2 --separate-stderr collect --roster "$ROSTER" --status -r 2026-spring a.tsv rond.tsv
	[ -z "$output" ]
}

@test "the roster's group is the participant's group; a different one is reported once" {
	cd "$BATS_TEST_TMPDIR"
	ask -p ann steering=1 openness=1 enforcement=1 legal=1 audience=1 > round.tsv
	ask -p bob -g team-a steering=1 openness=1 enforcement=1 legal=1 audience=1 >> round.tsv
	run -0 --separate-stderr collect --min-group 1 --roster "$ROSTER" round.tsv
	assert_equal "$(printf '%s\n' "$output" | cut -f2,3 | sort -u | tr '\t\n' ' ,')" "ann team-a,bob team-b,"
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	collect: round.tsv:1: ann answered as group '-', but the roster puts them in 'team-a'; counted in 'team-a'
	collect: round.tsv:6: bob answered as group 'team-a', but the roster puts them in 'team-b'; counted in 'team-b'
	END
}

@test "a reply with nothing readable is reported by name, and --status tells it from no reply" {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p Maildir/cur Maildir/new Maildir/tmp
	ask --form -r 2026-spring -p ann -g team-a > form.txt
	# ann sends the form back untouched, under a line of prose.
	{ printf 'From: Ann <ann@example.org>\nDate: Mon, 24 Nov 2026 10:00:00 +0000\n\n'
	  printf 'Sorry, I do not know yet.\n\n'; sed 's/^/> /' form.txt; } > Maildir/cur/1.eml
	# bob writes in prose only.
	printf 'From: "Maes, Bob" <Bob@Example.org>\nDate: Mon, 24 Nov 2026 11:00:00 +0000\n\nI am for open rules.\n' > Maildir/cur/2.eml
	run -1 --separate-stderr collect --roster "$ROSTER" --status -r 2026-spring Maildir
	diff -u - <(printf '%s\n' "$stderr") <<-END
	collect: Maildir/cur/1.eml:$(grep -n 'stance-form:' Maildir/cur/1.eml | cut -d: -f1): form of ann: no answer is marked; was it sent back untouched?
	collect: Maildir/cur/2.eml:1: the message from bob@example.org (bob) has no stance form in it
	END
	diff -u - <(printf '%s\n' "$output" | cut -f1,3,6,7) <<-'END'
	ann	0/5	unreadable	untouched
	bob	0/5	unreadable	no-form
	carl	0/5	none	-
	dirk	0/5	none	-
	END
}

@test "a roster group smaller than --min-group is said before the round, when answers are gathered" {
	{ for i in 1 2 3 4; do printf 'a%d\tboard\ta%d@example.org\t-\n' "$i" "$i"; done
	  for i in 1 2 3 4 5; do printf 'b%d\tstaff\tb%d@example.org\t-\n' "$i" "$i"; done
	  printf 'c1\t-\tc1@example.org\t-\n'; } > groups.tsv
	: > none.tsv
	run -0 --separate-stderr collect --roster groups.tsv none.tsv
	assert_equal "$stderr" "collect: group board has 4 on the roster: aggregate hides a group of fewer than 5 answers (--min-group), and may hide another so that it cannot be worked out"
	# At the boundary: 4 is enough for --min-group 4; staff's 5 never warn.
	run -0 --separate-stderr collect --roster groups.tsv --min-group 4 none.tsv
	assert_equal "$stderr" ""
	run -0 --separate-stderr collect --roster groups.tsv --min-group 6 none.tsv
	assert_equal "$(printf '%s\n' "$stderr" | grep -c '^collect: group ')" 2
	# Not on every --missing or --status run from cron.
	run -0 --separate-stderr collect --roster groups.tsv --missing none.tsv
	assert_equal "$stderr" ""
	run -0 --separate-stderr collect --roster groups.tsv --status none.tsv
	assert_equal "$stderr" ""
	run -2 --separate-stderr collect --roster groups.tsv --min-group 0 none.tsv
}

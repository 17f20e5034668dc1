#!/usr/bin/env bats
# aggregate: every statistic against datamash, the reference values of
# the consensus and agreement measures, each verdict, the profile's
# edges, privacy (suppression and complementary suppression), JSON for
# jq, and every kind of bad input.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# answers CONTINUUM POSITION:COUNT...: response lines, one participant each.
answers() {
	local continuum=$1 spec i=0 j
	shift
	for spec in "$@"; do
		for j in $(seq "${spec#*:}"); do
			i=$((i + 1))
			printf 'r\tp%05d\t-\t%s\t%s\t2026-11-25T09:30:00Z\t\n' "$i" "$continuum" "${spec%:*}"
		done
	done
}

# The value of a column, found by its name in the header, for a row.
column() {	# column NAME CONTINUUM [GROUP]
	printf '%s\n' "$output" | awk -F'\t' -v name="$1" -v c="$2" -v g="${3:-*}" '
	    NR == 1 { sub(/^#/, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
	    $3 == c && $2 == g { print $col[name] }'
}

@test "the header names the columns; empty input writes the header alone" {
	run -0 aggregate < /dev/null
	assert_equal "$output" "#round	group	continuum	n	abstain	mean	sd	min	q1	median	q3	max	iqr	consensus	agreement	verdict	anchor	profile	camps"
}

@test "van der Eijk's example: agreement 0.6113, consensus 0.7254 on one-decimal positions" {
	answers legal 0:30 16.7:40 33.3:210 50:130 66.7:530 83.3:50 100:10 > ref.tsv
	run -0 aggregate ref.tsv
	assert_equal "$(column profile legal)" "30,40,210,130,530,50,10"
	assert_equal "$(column agreement legal)" 0.6113
	assert_equal "$(column consensus legal)" 0.7254
}

@test "agreement's ideal types: one peak 1, two camps at the ends -1, an even spread 0" {
	answers steering 25:10 > one.tsv
	answers steering 0:5 100:5 > two.tsv
	answers steering 0:2 25:2 50:2 75:2 100:2 > even.tsv
	run -0 aggregate one.tsv
	assert_equal "$(column profile steering) $(column agreement steering) $(column consensus steering)" "0,10,0,0,0 1.0000 1.0000"
	run -0 aggregate two.tsv
	assert_equal "$(column profile steering) $(column agreement steering) $(column consensus steering)" "5,0,0,0,5 -1.0000 0.0000"
	run -0 aggregate even.tsv
	assert_equal "$(column profile steering) $(column agreement steering)" "2,2,2,2,2 0.0000"
}

@test "a position on the edge of two bins goes to the bin nearer 50" {
	# Three anchors: bins centred on 0, 25, 50, 75, 100; edges 12.5 ... 87.5.
	answers steering 12.5:1 37.5:2 62.5:3 87.5:4 12.4:5 > edges.tsv
	run -0 aggregate edges.tsv
	assert_equal "$(column profile steering)" "5,1,5,4,0"
	# Four anchors: bins every 16.7; 25 and 75 are edges.
	answers legal 25:1 75:2 8.3:3 8.4:4 > edges.tsv
	run -0 aggregate edges.tsv
	assert_equal "$(column profile legal)" "3,4,1,0,2,0,0"
}

@test "every statistic equals datamash's on random answers" {
	command -v datamash > /dev/null || skip "datamash is not installed (.ci/run installs it)"
	awk 'BEGIN { srand(7); split("steering openness enforcement legal audience", c, " ")
	    for (p = 1; p <= 300; p++) for (k = 1; k <= 5; k++) {
	        r = rand(); v = r < 0.1 ? "-" : sprintf("%.1f", int(rand() * 1001) / 10)
	        sub(/\.0$/, "", v)
	        printf "r%d\tp%d\t-\t%s\t%s\t2026-11-25T09:30:00Z\t\n", p % 2, p, c[k], v } }' > random.tsv
	run -0 aggregate random.tsv
	printf '%s\n' "$output" | awk -F'\t' 'NR > 1 { print $1, $3, $4, $6, $7, $8, $9, $10, $11, $12 }' | sort > ours
	awk -F'\t' '$5 != "-"' random.tsv | datamash -s -g 1,4 count 5 mean 5 sstdev 5 min 5 q1 5 median 5 q3 5 max 5 |
	    awk '{ printf "%s %s %s %.2f %.2f %s %s %s %s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' | sort > theirs
	diff -u theirs ours
	assert_number "$(wc -l < ours)" -eq 10
}

@test "quartiles are exact, to three decimals; sd is - for one answer" {
	answers steering 0:1 10:1 20:1 30.1:1 > q.tsv
	run -0 aggregate q.tsv
	assert_equal "$(column q1 steering) $(column median steering) $(column q3 steering) $(column iqr steering)" "7.5 15 22.525 15.025"
	answers steering 40:1 > one.tsv
	run -0 aggregate one.tsv
	assert_equal "$(column sd steering) $(column mean steering) $(column verdict steering)" "- 40.00 too-few"
}

@test "each verdict: consensus, leaning, divided, polarised, too-few" {
	for pair in 'consensus|40:3 45:4 50:3' 'leaning|30:3 40:4 50:3' 'divided|0:2 25:2 50:2 75:2 100:2' \
	    'polarised|0:5 100:5' 'polarised|0:7 100:3' 'leaning|0:8 100:2' 'too-few|50:2'; do
		# shellcheck disable=SC2086
		answers openness ${pair#*|} > v.tsv
		run -0 aggregate v.tsv
		assert_equal "$(column verdict openness)" "${pair%%|*}" || { echo "${pair#*|}"; false; }
	done
}

@test "the thresholds are options" {
	answers openness 30:3 40:4 50:3 > v.tsv
	run -0 aggregate --consensus-iqr 20 --consensus-cns 0.5 v.tsv
	assert_equal "$(column verdict openness)" consensus
	run -0 aggregate --leaning-iqr 5 v.tsv
	assert_equal "$(column verdict openness)" divided
	run -0 aggregate --too-few 11 v.tsv
	assert_equal "$(column verdict openness)" too-few
	run -2 aggregate --min-group 2 v.tsv
	assert_equal "${lines[0]}" "aggregate: --min-group '2' is not a whole number from 3 to 1000000"
}

@test "the anchor nearest the median, a tie to the one nearer the middle" {
	answers legal 10:3 > a.tsv
	run -0 aggregate a.tsv
	assert_equal "$(column anchor legal)" 1
	answers legal 16.7:3 > a.tsv
	run -0 aggregate a.tsv
	assert_equal "$(column anchor legal)" 2
	answers legal 83.3:3 > a.tsv
	run -0 aggregate a.tsv
	assert_equal "$(column anchor legal)" 3
}

@test "--by-group: a small group shows its n alone; complementary suppression hides one more" {
	{
		for p in $(seq 6); do printf 'r\ta%d\tadmin\tsteering\t10\t2026-11-25T09:30:00Z\t\n' "$p"; done
		for p in $(seq 7); do printf 'r\tb%d\tcare\tsteering\t90\t2026-11-25T09:30:00Z\t\n' "$p"; done
		for p in $(seq 2); do printf 'r\tc%d\tboard\tsteering\t50\t2026-11-25T09:30:00Z\t\n' "$p"; done
	} > g.tsv
	run -0 aggregate --by-group g.tsv
	diff -u - <(printf '%s\n' "$output" | awk -F'\t' '$3 == "steering" { print $2, $4, $5, $6, $16, $18 }') <<-'END'
	* 15 0 52.67 polarised 6,0,2,0,7
	admin 6 - - withheld -
	board 2 - - suppressed -
	care 7 0 90.00 consensus 0,0,0,0,7
	END
	# With three in the board, the hidden answers are enough on their own.
	printf 'r\tc3\tboard\tsteering\t50\t2026-11-25T09:30:00Z\t\n' >> g.tsv
	run -0 aggregate --by-group --min-group 3 g.tsv
	assert_equal "$(column verdict steering board) $(column verdict steering admin)" "consensus consensus"
}

@test "participant ids never appear in the output" {
	answers openness 10:5 90:5 > p.tsv
	run -0 aggregate --by-group p.tsv
	! printf '%s\n' "$output" | grep -q 'p0000' || false
}

@test "--json writes the same rows as JSON Lines, null where a figure is not" {
	# solo alone would be hidden and then worked out from everyone's
	# row minus the group "-": so "-" is hidden too.
	command -v jq > /dev/null || skip "jq is not installed (.ci/run installs it)"
	answers openness 10:5 90:5 > j.tsv
	printf 'r\tx1\tsolo\topenness\t50\t2026-11-25T09:30:00Z\t\n' >> j.tsv
	run -0 aggregate --json --by-group j.tsv
	assert_equal "$(printf '%s\n' "$output" | jq -c 'select(.continuum == "openness") | [.group, .n, .mean, .verdict, .profile]')" \
	    "$(printf '%s\n' '["*",11,50,"polarised",[5,1,5]]' '["-",10,null,"withheld",null]' '["solo",1,null,"suppressed",null]')"
	assert_number "$(printf '%s\n' "$output" | jq -s length)" -eq 15
}

@test "bad lines, unknown continua and a position given twice are reported and not counted" {
	{
		printf 'r\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n'
		printf 'r\tann\t-\tsteering\t60\t2026-11-25T09:30:00Z\t\n'
		printf 'r\tann\t-\tsteer\t60\t2026-11-25T09:30:00Z\t\n'
		printf 'not a line\n'
		printf 'r\tbob\t-\tsteering\t140\t2026-11-25T09:30:00Z\t\n'
	} > bad.tsv
	run -1 --separate-stderr aggregate bad.tsv
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	aggregate: bad.tsv:2: a second position for steering of ann in round r (the first at line 1); not counted: give aggregate collect's output
	aggregate: bad.tsv:3: unknown continuum 'steer' (questionnaire social-media-policy has steering, openness, enforcement, legal, audience)
	aggregate: bad.tsv:4: not a response line: it has no tabs (7 tab-separated fields are expected)
	aggregate: bad.tsv:5: position 140 is outside 0-100
	END
	assert_equal "$(column n steering) $(column mean steering)" "1 50.00"
}

@test "rounds in the order first seen, continua in the questionnaire's; a missing file, a full disk" {
	printf 'b\tp\t-\topenness\t50\t2026-11-25T09:30:00Z\t\na\tp\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' > o.tsv
	run -0 aggregate o.tsv
	assert_equal "$(printf '%s\n' "$output" | awk -F'\t' 'NR > 1 { printf "%s/%s ", $1, $3 }')" \
	    "b/steering b/openness b/enforcement b/legal b/audience a/steering a/openness a/enforcement a/legal a/audience "
	run -2 --separate-stderr aggregate o.tsv nonexistent
	assert_equal "$stderr" "aggregate: nonexistent: No such file or directory"
	assert_number "${#lines[@]}" -eq 11
	run -2 --separate-stderr bash -c 'aggregate o.tsv > /dev/full'
	assert_equal "$stderr" "aggregate: write error on standard output: No space left on device"
}

@test "--stability: between consecutive rounds, who moved ten points or more, and is it stable" {
	{
		for p in $(seq 10); do printf 'r1\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 5)); done
		# Two of ten move twenty points: 20% > 15%, unstable.
		for p in $(seq 10); do v=$((p * 5)); [ "$p" -le 2 ] && v=$((v + 20))
			printf 'r2\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" "$v"; done
		# One of ten moves nine points, one abstains: stable.
		for p in $(seq 10); do v=$((p * 5)); [ "$p" -le 2 ] && v=$((v + 20))
			[ "$p" -eq 3 ] && v=$((v + 9)); [ "$p" -eq 4 ] && v=-
			printf 'r3\tp%d\t-\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' "$p" "$v"; done
	} > st.tsv
	run -0 aggregate --stability st.tsv
	diff -u - <(printf '%s\n' "$output" | grep -e '^#' -e steering) <<-'END'
	#from	to	continuum	both	moved	share	median_shift	iqr_change	verdict
	r1	r2	steering	10	2	0.2000	2.5	-8.75	unstable
	r2	r3	steering	9	0	0.0000	0	1.25	stable
	END
	assert_equal "$(printf '%s\n' "$output" | grep -c 'too-few$')" 8
}

@test "--partial in four shards, then --merge, writes byte for byte what one run writes" {
	awk 'BEGIN { srand(11); split("steering openness enforcement legal audience", c, " ")
	    for (p = 1; p <= 120; p++) for (r = 1; r <= 3; r++) for (k = 1; k <= 5; k++) {
	        if (rand() < 0.2 && r > 1) continue
	        v = rand() < 0.1 ? "-" : sprintf("%.1f", int(rand() * 1001) / 10); sub(/\.0$/, "", v)
	        printf "r%d\tp%d\tg%d\t%s\t%s\t2026-11-25T09:30:00Z\t\n", r, p, p % 5, c[k], v } }' |
	    collect > all.tsv
	# Shard by participant, as aggregate(1) shows.
	for i in 0 1 2 3; do
		awk -F'\t' -v i="$i" '{ h = 0; for (j = 1; j <= length($2); j++)
		    h = (h * 31 + index("0123456789p", substr($2, j, 1))) % 4 } h == i' all.tsv |
		    aggregate --partial --stability > "part$i"
	done
	for opts in "" --by-group --stability "--json --by-group" "--by-group --min-group 25"; do
		# shellcheck disable=SC2086
		aggregate $opts all.tsv > one
		# shellcheck disable=SC2086
		run -0 aggregate --merge $opts part0 part1 part2 part3
		diff -u one <(printf '%s\n' "$output") || { echo "options: $opts"; false; }
	done
}

@test "--merge refuses what is not a partial output, and reports bad partial lines" {
	printf 'r\tp\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' > lines.tsv
	run -2 --separate-stderr aggregate --merge lines.tsv
	assert_equal "$stderr" "aggregate: lines.tsv:1: not aggregate --partial's output: it has no '#stance-aggregate-partial 1' line first"
	printf '#stance-aggregate-partial 1\nr\t*\tsteering\t0\t250:3,100:1\nr\t*\tsteer\t0\t\n' > bad.partial
	run -1 --separate-stderr aggregate --merge bad.partial
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	aggregate: bad.partial:2: counts '250:3,100:1' is not tenths:count pairs, rising, with at most 10^12 answers
	aggregate: bad.partial:3: unknown continuum 'steer' (questionnaire social-media-policy has steering, openness, enforcement, legal, audience)
	END
	run -2 aggregate --partial --merge lines.tsv
}

@test "--merge takes partials as hostile: rows must add up, rounds must have counts, counts are bounded" {
	head='#stance-aggregate-partial 1'
	# Group rows but no '*' row: nothing to add them up to.
	printf '%s\nr1\tg1\tsteering\t0\t0:2,1000:3\n' "$head" > nostar.partial
	run -2 --separate-stderr aggregate --merge --by-group nostar.partial
	assert_equal "$output" ""
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	aggregate: --merge: round r1, steering: the groups' rows (5 answers) do not add up to everyone's (0): a partial was edited, cut short, or lost its '*' rows
	aggregate: --merge: the partials do not add up; nothing written
	END
	# Two hundred groups, and without --by-group: the same.
	{ printf '%s\n' "$head"; for g in $(seq 200); do printf 'r1\tg%d\tsteering\t0\t500:1\n' "$g"; done; } > many.partial
	run -2 --separate-stderr aggregate --merge many.partial
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "aggregate: --merge: round r1, steering: the groups' rows (200 answers) do not add up to everyone's (0): a partial was edited, cut short, or lost its '*' rows"
	# One position off, or one abstention off, is as wrong.
	printf '%s\nr1\t*\tsteering\t1\t0:2,1000:3\nr1\tg1\tsteering\t1\t0:2,999:3\n' "$head" > off.partial
	run -2 aggregate --merge off.partial
	printf '%s\nr1\t*\tsteering\t1\t0:2,1000:3\nr1\tg1\tsteering\t0\t0:2,1000:3\n' "$head" > off.partial
	run -2 aggregate --merge off.partial
	printf '%s\nr1\t*\tsteering\t1\t0:2,1000:3\nr1\tg1\tsteering\t1\t0:2,1000:3\n' "$head" > even.partial
	run -0 aggregate --merge even.partial
	# A round named only by =change lines: its counts are missing.
	printf '%s\n=change\tr1\tr2\tsteering\t4\t1\n' "$head" > changes.partial
	run -2 --separate-stderr aggregate --merge --stability changes.partial
	assert_equal "$output" ""
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	aggregate: --merge: round r1 is named only in =change lines: its counts are missing (a partial cut short?)
	aggregate: --merge: round r2 is named only in =change lines: its counts are missing (a partial cut short?)
	aggregate: --merge: the partials do not add up; nothing written
	END
	{ cat even.partial; printf 'r3\t*\tsteering\t0\t500:1\nr3\tg1\tsteering\t0\t500:1\n=change\tr1\tr2\tsteering\t4\t1\n'; } > middle.partial
	run -2 --separate-stderr aggregate --merge --stability middle.partial
	assert_equal "$stderr" "aggregate: --merge: round r2 is named only in =change lines: its counts are missing (a partial cut short?)
aggregate: --merge: the partials do not add up; nothing written"
	printf '%s\n=change\tr1\tr1\tsteering\t4\t1\n' "$head" > self.partial
	run -1 --separate-stderr aggregate --merge --stability self.partial
	assert_equal "$stderr" "aggregate: self.partial:2: a change from a round to itself"
}

@test "--merge: counts are bounded at 10^12, in a line and summed; tenths rise and counts are above 0" {
	head='#stance-aggregate-partial 1'
	row() { printf 'r1\t*\tsteering\t%s\t%s\nr1\tg\tsteering\t%s\t%s\n' "$1" "$2" "$1" "$2"; }
	{ printf '%s\n' "$head"; row 0 0:1000000000000; } > max.partial
	run -0 aggregate --merge max.partial
	assert_equal "$(printf '%s\n' "$output" | awk -F'\t' '$3 == "steering" { print $4, $6 }')" "1000000000000 0.00"
	{ printf '%s\n' "$head"; row 0 0:500000000000,1000:500000000000; } > half.partial
	run -0 aggregate --merge half.partial
	# A 0/100 split of a trillion: mean 50, consensus 0, nothing wrapped.
	assert_equal "$(printf '%s\n' "$output" | awk -F'\t' '$3 == "steering" { print $4, $6, $9, $10, $14 }')" "1000000000000 50.00 0 50 0.0000"
	for bad in 0:1000000000001 0:9999999999999999999 0:500000000000,1:500000000001 0:01 250:3,250:1 250:3,100:1 250:0 1001:1; do
		{ printf '%s\n' "$head"; row 0 "$bad"; } > bad.partial
		run -1 --separate-stderr aggregate --merge bad.partial
		assert_equal "${stderr%%$'\n'*}" "aggregate: bad.partial:2: counts '$bad' is not tenths:count pairs, rising, with at most 10^12 answers"
	done
	{ printf '%s\n' "$head"; row 1000000000001 0:1; } > bad.partial
	run -1 --separate-stderr aggregate --merge bad.partial
	assert_equal "${stderr%%$'\n'*}" "aggregate: bad.partial:2: abstain '1000000000001' is not a whole number from 0 to 10^12"
	# Two shards of 600 billion each: one row cannot hold them.
	{ printf '%s\n' "$head"; row 0 500:600000000000; } > a.partial
	run -1 --separate-stderr aggregate --merge a.partial a.partial
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	aggregate: a.partial:2: merged, the row would count more than 1000000000000 answers, which no round has; not merged
	aggregate: a.partial:3: merged, the row would count more than 1000000000000 answers, which no round has; not merged
	END
	{ printf '%s\n' "$head"; row 0 500:500000000000; } > a.partial
	run -0 aggregate --merge a.partial a.partial
}

@test "--partial of no answers is a partial all the same, and merges (found by fuzzing aggregate's main)" {
	run -0 aggregate --partial /dev/null
	assert_equal "$output" "#stance-aggregate-partial 1"
	aggregate --partial /dev/null > empty.partial
	run -0 aggregate --merge --by-group empty.partial
	assert_equal "$output" "$(aggregate --by-group /dev/null)"
}

@test "camps: cut where neighbours stand a quarter of the line apart, or half a statement where statements are closer" {
	# The review's cases: the two at hard do not vanish; the closed camp sits at 0.
	answers enforcement 0:2 50:3 100:4 > e.tsv
	run -0 aggregate e.tsv
	assert_equal "$(column camps enforcement)" "2:0:1,3:50:1,4:100:2"
	answers openness 0:2 40:1 75:1 90:1 100:5 > o.tsv
	run -0 aggregate o.tsv
	assert_equal "$(column camps openness)" "2:0:1,1:40:1,7:100:2"
	# An even spread is one camp; two clusters at the poles are two;
	# three clusters three; nine against one, two.
	answers steering 0:1 10:1 20:1 30:1 40:1 50:1 60:1 70:1 80:1 90:1 100:1 > even.tsv
	run -0 aggregate even.tsv
	assert_equal "$(column camps steering) $(column verdict steering)" "11:50:2 divided"
	answers steering 0:7 100:7 > two.tsv
	run -0 aggregate two.tsv
	assert_equal "$(column camps steering) $(column verdict steering)" "7:0:1,7:100:3 polarised"
	answers steering 0:4 5:1 50:5 95:2 100:3 > three.tsv
	run -0 aggregate three.tsv
	assert_equal "$(column camps steering)" "5:0:1,5:50:2,5:100:3"
	answers steering 20:9 90:1 > lopsided.tsv
	run -0 aggregate lopsided.tsv
	assert_equal "$(column camps steering)" "9:20:1,1:90:3"
	# Two statements of four (legal): a third of the line apart.
	answers legal 0:6 33.3:6 > statements.tsv
	run -0 aggregate statements.tsv
	assert_equal "$(column camps legal)" "6:0:1,6:33.3:2"
}

@test "camps: the gap at its boundary, 25 points, and half a statement of four (16.7)" {
	answers steering 0:3 25:3 > at.tsv
	run -0 aggregate at.tsv
	assert_equal "$(column camps steering)" "3:0:1,3:25:2"
	answers steering 0:3 24.9:3 > below.tsv
	run -0 aggregate below.tsv
	assert_equal "$(column camps steering)" "6:12.45:1"
	# 16.7 * 3 >= 50: a cut; 16.6 * 3 < 50: none.
	answers legal 50:3 66.7:3 > at.tsv
	run -0 aggregate at.tsv
	assert_equal "$(column camps legal)" "3:50:2,3:66.7:3"
	answers legal 50:3 66.6:3 > below.tsv
	run -0 aggregate below.tsv
	assert_equal "$(column camps legal)" "6:58.3:3"
}

@test "camps: nothing for a hidden row or one with too few answers; JSON lists them; --merge keeps them exact" {
	{ printf 'r\tp%d\tg1\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' 1 0 2 0 3 100 4 100
	  printf 'r\tq%d\tg2\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' 1 0 2 0 3 0 4 100 5 100 6 100; } > groups.tsv
	run -0 aggregate --by-group groups.tsv
	assert_equal "$(column camps steering g1) $(column verdict steering g1)" "- suppressed"
	assert_equal "$(column camps steering) $(column verdict steering)" "5:0:1,5:100:3 polarised"
	answers steering 0:1 100:1 > few.tsv
	run -0 aggregate few.tsv
	assert_equal "$(column camps steering) $(column verdict steering)" "- too-few"
	run -0 aggregate --json groups.tsv
	assert_equal "$(printf '%s\n' "$output" | jq -c 'select(.continuum == "steering") | .camps')" '[{"n":5,"median":0,"anchor":1},{"n":5,"median":100,"anchor":3}]'
	aggregate --partial groups.tsv > p
	diff -u <(aggregate --by-group groups.tsv) <(aggregate --merge --by-group p)
}

@test "verdicts at their boundaries: 25 and 75 are the middle zone, an IQR of exactly 10 and 25, a consensus of exactly the threshold" {
	# With 25 in the middle: 3 x 2 > 2 + 2 x 2 fails, so not polarised;
	# counted low it would be (3 x 2 > 4).  The same at 75.
	answers steering 0:2 25:2 100:2 > low.tsv
	run -0 aggregate low.tsv
	assert_equal "$(column verdict steering)" "divided"
	answers steering 0:2 75:2 100:2 > high.tsv
	run -0 aggregate high.tsv
	assert_equal "$(column verdict steering)" "divided"
	# An IQR of exactly 10 (and a consensus above 0.80) is consensus.
	answers steering 45:2 50:1 55:2 > ten.tsv
	run -0 aggregate ten.tsv
	assert_equal "$(column iqr steering) $(column verdict steering)" "10 consensus"
	# Everyone on one spot: a consensus of exactly 1 meets --consensus-cns 1.
	answers steering 50:5 > one.tsv
	run -0 aggregate --consensus-cns 1 one.tsv
	assert_equal "$(column consensus steering) $(column verdict steering)" "1.0000 consensus"
	# An IQR of exactly 25 is still leaning.
	answers steering 40:2 50:1 65:2 > quarter.tsv
	run -0 aggregate quarter.tsv
	assert_equal "$(column iqr steering) $(column verdict steering)" "25 leaning"
}

@test "of two groups as small, the first in byte order is hidden to protect a smaller one" {
	{ printf 'r\ta%d\ta\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' 1 10 2 20
	  for p in 1 2 3 4 5; do printf 'r\tb%d\tb\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 10)); done
	  for p in 1 2 3 4 5; do printf 'r\tc%d\tc\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 10)); done; } > tie.tsv
	run -0 aggregate --by-group tie.tsv
	assert_equal "$(column verdict steering a) $(column verdict steering b) $(column verdict steering c)" "suppressed withheld leaning"
	# The same whatever order the lines come in.
	run -0 aggregate --by-group <(tac tie.tsv)
	assert_equal "$(column verdict steering a) $(column verdict steering b) $(column verdict steering c)" "suppressed withheld leaning"
}

@test "camps: a quarter of the line cuts on a line of two statements; half a statement cuts at exactly 50/(k-1)" {
	answers enforcement 0:3 25:3 > two.tsv
	run -0 aggregate two.tsv
	assert_equal "$(column camps enforcement)" "3:0:1,3:25:1"
	answers enforcement 0:3 24.9:3 > two.tsv
	run -0 aggregate two.tsv
	assert_equal "$(column camps enforcement)" "6:12.45:1"
	# Six statements, 20 points apart: half a statement is 10 points.
	{ printf 'questionnaire: six\ntitle: Six\nlang: en\n\ncontinuum: c\nquestion: Q?\nleft: a\nright: b\n'
	  for i in 1 2 3 4 5 6; do printf 'anchor: %d\n' "$i"; done; } > six.txt
	answers c 50:3 60:3 > six.tsv
	run -0 aggregate -q six.txt six.tsv
	assert_equal "$(column camps c)" "3:50:3,3:60:4"
	answers c 50:3 59.9:3 > six.tsv
	run -0 aggregate -q six.txt six.tsv
	assert_equal "$(column camps c)" "6:54.95:4"
}

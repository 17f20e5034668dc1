#!/usr/bin/env bats
# recommend's advice as a consultant hands it over, on eight rounds
# (tests/fixtures/advice, made by make-fixtures.sh; regen.sh writes the
# golden advice, to be read line by line against the research note's
# corrections before it is committed): the summary on top, the law
# right for the organisation, the next steps, the sources by kind, and a
# length that fits a meeting handout.  Then the built-in rules
# themselves: every legal statement names its primary text, and no
# address is a staging host or a mirror.

load test_helper

A=$FIXTURES/advice
RULES=$TOP/src/rules-social-media-policy.txt

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# advice ROUND: golden text and Markdown, in English and Dutch, for the
# organisation in ROUND.args.
advice() {
	local round=$1 l
	# shellcheck disable=SC2046
	for l in en nl; do
		run -0 recommend -w 80 -L "$l" $(cat "$A/$round.args") "$A/$round.agg"
		assert_golden "$A/golden/$round.$l.txt"
		run -0 recommend -L "$l" --format markdown $(cat "$A/$round.args") "$A/$round.agg"
		assert_golden "$A/golden/$round.$l.md"
	done
}

# The summary's five lines, from text output at a width no line wraps at.
summary() {
	printf '%s\n' "$output" | sed -n '/^In short$/,/^1\. /p' | grep '^- '
}

@test "a near-unanimous round: everything agreed, nothing to talk through first" {
	advice unanimous
	run -0 recommend -w 10000 $(cat "$A/unanimous.args") "$A/unanimous.agg"
	summary | grep -qx -- '- Talk first on: none.'
	summary | grep -q -- '^- Agreed on: Direction, .*; Audience, at everyone\.$'
}

@test "management against staff, with a works council" {
	advice management-staff
	run -0 recommend -v -w 10000 $(cat "$A/management-staff.args") "$A/management-staff.agg"
	printf '%s\n' "$output" | grep -q '(rule talk-works-council)$'
	printf '%s\n' "$output" | grep -q '(rule steps-works-council)$'
}

@test "a polarised legal continuum: two layers offered as the bridge" {
	advice legal-polarised
	run -0 recommend -v -w 10000 $(cat "$A/legal-polarised.args") "$A/legal-polarised.agg"
	printf '%s\n' "$output" | grep -q '^[0-9]*\. Offer the legal camps a bridge: two layers.*(rule talk-two-layers)$'
	# The lawyers-lead camp is not told to make the lawyer one voice among many.
	printf '%s\n' "$output" | sed -n '/^Only the camp at lawyers lead would write:$/,/^Only the camp/p' |
	    grep -q 'rule legal-team)' && false
	printf '%s\n' "$output" | sed -n '/^Only the camp at lawyers lead would write:$/,/^Only the camp/p' |
	    grep -q 'rule legal-lead)$'
}

@test "a six-person vzw: no works council, no CPBW; the draft posted for 15 days" {
	advice vzw
	run -0 recommend -w 10000 $(cat "$A/vzw.args") "$A/vzw.agg"
	printf '%s\n' "$output" | grep -qi 'works council' &&
	    { printf '%s\n' "$output" | grep -i 'works council' | grep -v 'no works council\|Ethics and Human'; } && false
	printf '%s\n' "$output" | grep -q '^3\. Work regulations posted for 15 days, weeks 6–8\. '
}

@test "the same round for a public employer: statute, union consultation, neutrality, no CAO 81 as its law" {
	advice public
	run -0 recommend -v -w 10000 $(cat "$A/public.args") "$A/public.agg"
	local rule
	for rule in talk-unions-public floor-statute floor-neutrality steps-unions-public outline-neutrality; do
		printf '%s\n' "$output" | grep -q "(rule $rule)\$" || { echo "no $rule"; false; }
	done
	for rule in floor-monitoring-private steps-posting talk-small; do
		printf '%s\n' "$output" | grep -q "(rule $rule)\$" && { echo "$rule fired"; false; }
	done
	true
}

@test "contradictory wishes, the organisation not described: every tension said, what depends on it said" {
	advice contradictory
	run -0 recommend -v -w 10000 "$A/contradictory.agg"
	assert_equal "$(printf '%s\n' "$output" | grep -o '(rule tension-[a-z-]*)' | tr '\n' ' ')" \
	    "(rule tension-open-few) (rule tension-lawyers-soft) (rule tension-soft-secrecy) (rule tension-concrete-soft) "
	printf '%s\n' "$output" | grep -q '(rule steps-no-sanctions)$'
}

@test "the mirror: vision, closed, hard, informal, everyone" {
	advice mirror
	run -0 recommend -v -w 10000 $(cat "$A/mirror.args") "$A/mirror.agg"
	assert_equal "$(printf '%s\n' "$output" | grep -o '(rule tension-[a-z-]*)' | tr '\n' ' ')" \
	    "(rule tension-hard-informal) (rule tension-hard-vision) (rule tension-closed-everyone) "
}

@test "sixty people in four groups with no-opinion answers: a handout's length, groups said per continuum" {
	advice sixty
	local l n
	# A handout: at most 450 lines of 80 columns, blank ones included
	# (seven pages of 65 lines), in either language.  One line per pair
	# of groups, as before, added 25 lines to the groups apart alone.
	for l in en nl; do
		n=$(recommend -L "$l" -w 80 $(cat "$A/sixty.args") "$A/sixty.agg" | wc -l)
		[ "$n" -le 450 ] || { echo "$n lines in $l"; false; }
	done
	run -0 recommend -w 80 $(cat "$A/sixty.args") "$A/sixty.agg"
	# One line per continuum with groups apart, not one per pair.
	assert_equal "$(printf '%s\n' "$output" | sed -n '/^4\. Groups apart$/,/^5\. /p' | grep -c ' (medians), ')" 5
	printf '%s\n' "$output" | grep -q '^11 of 60 gave no opinion here'
}

@test "the summary says what the parts say: five lines, in the order of the parts" {
	local f
	for f in "$A"/*.agg; do
		run -0 recommend -w 10000 $(cat "${f%.agg}.args") "$f"
		assert_equal "$(summary | cut -d: -f1 | tr '\n' '|')" "- Agreed on|- Talk first on|- Tensions|- Groups apart|- Next steps|"
		# Every continuum sent back in part 2 is in the summary's line, and only those.
		assert_equal "$(summary | sed -n 's/^- Talk first on: //p' | sed 's/ ([a-z]*)//g; s/\.$//; s/^none$//; s/; /\n/g' | grep . | sort | tr '\n' ' ')" \
		    "$(printf '%s\n' "$output" | sed -n '/^2\. Talk first$/,/^How to talk it through$/p' | grep -x 'Direction\|Openness\|Enforcement\|Legal form\|Audience' | sort | tr '\n' ' ')"
		# Every tension's title, and the steps' titles, in order.
		assert_equal "$(summary | sed -n 's/^- Tensions: //p')" \
		    "$(printf '%s\n' "$output" | sed -n '/^3\. Tensions$/,/^4\. /p' | sed -n 's/^- \([^.]*\)\. .*/\1/p' | paste -sd';' - | sed 's/;/; /g; s/$/./; s/^\.$/none./')"
		assert_equal "$(summary | sed -n 's/^- Next steps: //p')" \
		    "$(printf '%s\n' "$output" | sed -n '/^7\. Next steps$/,/^8\. /p' | sed -n 's/^[0-9]*\. \([^.]*\)\. .*/\1/p' | paste -sd';' - | sed 's/;/; /g; s/$/./')"
	done
}

@test "groups not compared are said together, by the continua they are left out on" {
	run -0 recommend -w 10000 "$FIXTURES/recommend/suppressed.agg"
	assert_equal "$(printf '%s\n' "$output" | grep '^Not compared')" \
	    "Not compared (too few answers, or hidden for privacy): admin, direction on every continuum."
	# Hidden as too small, hidden so that a smaller one cannot be worked
	# out, split within itself: each said apart.
	run -0 recommend -w 10000 "$FIXTURES/chart/groups.agg"
	diff -u - <(printf '%s\n' "$output" | grep '^Not compared') <<-'END'
	Not compared (too few answers, or hidden for privacy): board on every continuum.
	Not compared, hidden so that a smaller group cannot be worked out: direction on every continuum.
	Not compared, split within the group itself: admin on Direction, Enforcement, Legal form, Audience; youth-work on every continuum.
	END
	# A group split within itself has no median to compare.
	run -0 recommend -w 10000 "$A/sixty.agg"
	assert_equal "$(printf '%s\n' "$output" | grep '^Not compared')" \
	    "Not compared, split within the group itself: care on Enforcement."
	printf '%s\n' "$output" | grep -qx -- '- Enforcement: direction 10, admin 40, youth-work 85 (medians), 75 points from lowest to highest.'
}

# kinds: each tag of the built-in rules with its kind, "tag kind".
kinds() {
	awk '/^tag: / { tag = $2 } /^kind: / { print tag, $2 }' "$RULES"
}

@test "every legal statement in the built-in rules names a primary text: a law or a court" {
	kinds > kinds
	# Every source has a kind and a Dutch description.
	assert_equal "$(grep -c '^tag: ' "$RULES")" "$(wc -l < kinds)"
	assert_equal "$(grep -c '^tag: ' "$RULES")" "$(grep -c '^reference-nl: ' "$RULES")"
	# A rule that speaks of an article, an act, a code, the GDPR, CAO 81,
	# the work regulations, secrecy, consent, sanctions, dismissal or
	# monitoring cites at least one source of kind law or court.
	awk -v kinds=kinds '
	BEGIN { while ((getline line < kinds) > 0) { split(line, f, " "); kind[f[1]] = f[2] } }
	function check() {
		if (id == "" || text !~ /[^a-z]art\.|[^a-z]Act|Code|GDPR|CAO 81|work regulations|arbeidsreglement|secrecy|consent|sanction|dismiss|monitor|ECHR|Law of/)
			return
		n = split(sources, s, " ")
		for (i = 1; i <= n; i++)
			if (kind[s[i]] == "law" || kind[s[i]] == "court")
				return
		printf "rule %s states law without a primary text: %s\n", id, sources
		bad++
	}
	/^rule: / { check(); id = $2; text = ""; sources = "" }
	/^tag: / { check(); id = "" }
	/^advice-en: |^title-en: / { text = text " " $0 }
	/^source: / { sources = sources " " substr($0, 9) }
	END { check(); exit bad > 0 }' "$RULES"
	# The words that make a statement legal do find them: a rule of each kind.
	grep -q '^advice-en: .*art\. 458 Criminal Code' "$RULES"
}

@test "no source address is a staging host, a mirror or a copy of another's document" {
	run grep -nE '^reference(-nl)?: .*(staging\.|studylib|readkong|mondaq|gdpr-text\.com|fdocuments|doczz|docplayer|scribd|vdocuments|1library|timojappinen|dummies\.com|bankinfosecurity|nmc-uk|plusmagazine|verachtert-haex\.be/tag)' "$RULES"
	assert_equal "$output" ""
	# Every address is https, and the rules file says what it could not verify.
	run grep -nE '^reference(-nl)?: .*http://' "$RULES"
	assert_equal "$output" ""
	grep -q '^# What could not be verified here' "$RULES"
}

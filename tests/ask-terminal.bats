#!/usr/bin/env bats
# ask at a terminal, driven through tmux as a person would: the slider
# (move, jump, skip, back, note, review, confirm), aborting with Ctrl-C, q
# and SIGTERM, suspending with Ctrl-Z, and the plain prompt mode.

load test_helper

setup() {
	command -v tmux > /dev/null || skip "tmux is not installed (.ci/run installs it)"
	cd "$BATS_TEST_TMPDIR"
	SOCKET=$BATS_TEST_TMPDIR/tmux.socket
}

teardown() {
	tmux -S "$SOCKET" kill-server 2> /dev/null || true
}

# An interactive shell in a detached terminal of the given width and height.
start_shell() {
	tmux -S "$SOCKET" -f /dev/null new-session -d -x "${1:-100}" -y "${2:-40}" \
	    "env -u TMUX TERM=${TERM_FOR_TEST:-xterm} bash --norc --noprofile -i"
	keys "PS1='$ '; cd '$BATS_TEST_TMPDIR'" Enter
}

keys() {
	tmux -S "$SOCKET" send-keys -t 0 "$@"
}

screen() {
	tmux -S "$SOCKET" capture-pane -p -t 0 "$@"
}

# Wait (up to 10 s) until the screen shows the text.
wait_for() {
	local i
	for i in $(seq 200); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	echo "timed out waiting for: $1" >&2
	screen >&2
	return 1
}

# Wait (up to 10 s) until the screen no longer shows the text.
wait_gone() {
	local i
	for i in $(seq 200); do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	echo "timed out waiting for this to go: $1" >&2
	screen >&2
	return 1
}

wait_for_file() {
	local i
	for i in $(seq 200); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
	echo "timed out waiting for $1" >&2
	screen >&2
	return 1
}

# The terminal as ask found it: the shell's settings (stty.before and
# stty.after are compared too), the normal screen, a visible cursor.
# An interactive shell puts the stty settings back itself after a job
# dies of a signal, so only the screen tells whether ask restored it.
assert_terminal_restored() {
	cmp stty.before stty.after
	local state
	state=$(tmux -S "$SOCKET" display -p -t 0 '#{alternate_on} #{cursor_flag}')
	assert_equal "$state" "0 1" || { echo "alternate screen and cursor: $state, expected 0 1"; false; }
}

# Run ask in the shell, recording its exit status and stty before and after;
# the status comes last, so that a test that waits for it finds both.
run_ask() {
	keys "stty -g > stty.before; ask $* ; s=\$?; stty -g > stty.after; echo \$s > status" Enter
}

@test "move, jump, note, skip, back, no opinion, review and confirm" {
	start_shell
	run_ask -p ann -o round.tsv
	wait_for "1/5  How directive"
	wait_for "Answering as ann, group -, round 1"
	wait_for "Position: not placed yet"
	keys Right
	wait_for "Position: 50% (anchor 2)"
	keys Right Right
	wait_for "Position: 52%"
	keys 3
	wait_for "Position: 100% (anchor 3)"
	keys n
	wait_for "Enter keeps the note"
	keys -l "clear rules, please"
	keys Enter
	wait_for "Note: clear rules, please"
	keys Enter
	wait_for "2/5  How open or closed"
	keys Tab
	wait_for "3/5  Do you choose"
	keys BSpace
	wait_for "2/5  How open or closed"
	keys 1 Enter
	wait_for "3/5  Do you choose"
	keys - Enter
	wait_for "4/5  Should the social media policy"
	keys Left PageDown Enter
	wait_for "5/5  How widely"
	keys End Enter
	wait_for "Your answers"
	wait_for "4  Legal form   [+------+O----+------+]  40%"
	keys Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	diff -u - round.tsv <<-'END'
	1	ann	-	steering	100	2026-11-25T09:30:00Z	clear rules, please
	1	ann	-	openness	0	2026-11-25T09:30:00Z	
	1	ann	-	enforcement	-	2026-11-25T09:30:00Z	
	1	ann	-	legal	40	2026-11-25T09:30:00Z	
	1	ann	-	audience	100	2026-11-25T09:30:00Z	
	END
	assert_terminal_restored
}

@test "a skipped continuum blocks confirming until it is answered from the review" {
	start_shell
	run_ask -p bob
	wait_for "1/5"
	keys 1 Enter Tab 2 Enter 1 Enter
	wait_for "5/5"
	keys 3 Enter
	wait_for "Your answers"
	wait_for "2  Openness     [+-------------------+]  not answered"
	keys Enter
	wait_for "Some continua are not answered yet"
	keys 2
	wait_for "2/5  How open"
	keys 2 Enter
	wait_for "2  Openness     [+-------------------O]  100% (anchor 2)"
	keys Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	# The lines went to standard output, on the terminal.
	wait_for "bob     -       audience        100     2026-11-25T09:30:00Z"
}

@test "Enter on an unplaced marker asks to place it first" {
	start_shell
	run_ask -o round.tsv
	wait_for "1/5"
	keys Enter
	wait_for "Place the marker first"
	wait_for "1/5"
	keys q
	wait_for_file status
	assert_equal "$(cat status)" 2
	[ ! -e round.tsv ]
}

@test "Ctrl-C leaves the file untouched, the terminal sane, and exits 130" {
	printf 'existing\tline\n' > round.tsv
	cp round.tsv before.tsv
	start_shell
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2 Enter 1 Enter
	wait_for "3/5"
	keys C-c
	wait_for "ask: interrupted; nothing written"
	# Interactive bash abandons the rest of a command line when a job
	# dies of SIGINT, so ask for the status the way a person would.
	keys "s=\$?; stty -g > stty.after; echo \$s > status" Enter
	wait_for_file status
	assert_equal "$(cat status)" 130
	cmp round.tsv before.tsv
	assert_terminal_restored
}

@test "q quits with exit 2 and writes nothing" {
	start_shell
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2 Enter
	wait_for "2/5"
	# With an answer given, q asks first; another key goes on.
	keys q
	wait_for "Quit without writing your answers? Press q again (or y) to quit, any other key to go on."
	keys Right
	wait_for "Position: 50%"
	[ ! -e status ]
	keys q q
	wait_for_file status
	assert_equal "$(cat status)" 2
	[ ! -e round.tsv ]
	assert_terminal_restored
	wait_for "ask: quit; nothing written"
}

@test "a digit past the last statement, or a stray key, gets a visible hint" {
	start_shell
	run_ask -o round.tsv
	wait_for "1/5"
	keys 7
	wait_for "There is no 7 here: the digits go from 1 to 3."
	keys z
	wait_for "That key does nothing here; the keys are listed below."
	keys r
	wait_for "Your answers"
	keys 9
	wait_for "There is no 9 here: the digits go from 1 to 5."
	keys q
	wait_for_file status
}

@test "Ctrl-Z and fg give back a usable terminal and resume where it was" {
	[ -z "${STANCE_VALGRIND:-}" ] ||
	    skip "under valgrind, a SIGTSTP that ask raises itself does not stop it"
	start_shell
	keys "stty -g > stty.before; ask -p zed -o round.tsv" Enter
	wait_for "1/5"
	keys 1 Enter
	wait_for "2/5"
	keys C-z
	wait_for "Stopped"
	keys "stty -g > stty.stopped" Enter
	wait_for_file stty.stopped
	cmp stty.before stty.stopped
	keys "fg; echo \$? > status" Enter
	wait_for "2/5  How open"
	keys 2 Enter - Enter 4 Enter 3 Enter
	wait_for "Your answers"
	keys Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	assert_equal "$(cut -f4,5 round.tsv | tr '\t\n' '= ')" "steering=0 openness=100 enforcement=- legal=100 audience=100 "
}

@test "the slider fits a narrow terminal" {
	start_shell 60
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2
	wait_for "Position: 50%"
	assert_number "$(screen | awk '{ if (length > max) max = length } END { print max }')" -le 60
	screen | grep -qx '  +-*O-*+'
	keys q q
}

@test "at 40x20 the line, the marker and the position stay on the screen; the statements scroll" {
	start_shell 40 20
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2
	wait_for "Position: 50% (anchor 2)"
	screen | grep -qx '  +-*O-*+'
	wait_for "(j/k: more statements)"
	assert_number "$(screen | grep -c .)" -le 20
	screen | grep -qx '  1  Our social media policy should'
	keys j j
	wait_for "  2  Our social media policy should"
	! screen | grep -qx '  1  Our social media policy should' || false
	screen | grep -qx '  +-*O-*+'
	screen | grep -q "Position: 50% (anchor 2)"
	keys k k
	wait_for "  1  Our social media policy should"
	keys Enter
	wait_for "2/5"
	screen | grep -qx '  +-*+'
	keys q q
	wait_for_file status
}

@test "colour unless NO_COLOR is set" {
	start_shell
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2
	wait_for "Position: 50%"
	screen -e | grep -q $'\e\\[36m'
	keys q q
	wait_for_file status
	rm status
	keys "export NO_COLOR=1" Enter
	run_ask -o round.tsv
	wait_for "1/5"
	keys 2
	wait_for "Position: 50%"
	assert_number "$(screen -e | grep -c $'\e\\[36m')" -eq 0
	screen -e | grep -q $'\e\\[1m'
	keys q
}

@test "the slider speaks Dutch with -L nl" {
	start_shell
	run_ask -L nl -o round.tsv
	wait_for "1/5  Hoe sturend moet het sociale mediabeleid"
	wait_for "Positie: nog niet geplaatst"
	keys 3
	wait_for "Positie: 100% (uitspraak 3)"
	keys q
}

@test "plain prompts, for screen readers: --plain and TERM=dumb" {
	TERM_FOR_TEST=dumb start_shell
	run_ask -p pat -o round.tsv
	wait_for "[1/5] How directive should the social media policy in your organisation be?"
	wait_for "Answering as pat, group -, round 1"
	wait_for "  3 (100%) Our social media policy is a vision"
	keys 7 Enter
	wait_for "no such anchor"
	keys 2.5 Enter
	wait_for "Note, why you stand there (Enter for none):"
	keys "in between" Enter
	wait_for "[2/5]"
	keys "<" Enter
	wait_for "Now: 75%"
	# Back at an answer with a note: the note is shown, Enter keeps it.
	keys Enter
	wait_for "Note: in between (Enter keeps it, a single - removes it):"
	keys Enter
	keys 1 Enter Enter - Enter Enter 40% Enter Enter 3 Enter Enter
	wait_for "Write these answers?"
	keys 3 Enter
	wait_for "Now: - (no opinion)"
	keys 2 Enter "changed my mind" Enter
	wait_for "  3 Enforcement: 100% (anchor 2) - changed my mind"
	keys y Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	diff -u - round.tsv <<-'END'
	1	pat	-	steering	75	2026-11-25T09:30:00Z	in between
	1	pat	-	openness	0	2026-11-25T09:30:00Z	
	1	pat	-	enforcement	100	2026-11-25T09:30:00Z	changed my mind
	1	pat	-	legal	40	2026-11-25T09:30:00Z	
	1	pat	-	audience	100	2026-11-25T09:30:00Z	
	END
}

@test "plain prompts: end of input aborts and writes nothing" {
	start_shell
	run_ask --plain -o round.tsv
	wait_for "[1/5]"
	keys 1 Enter Enter
	wait_for "[2/5]"
	keys C-d
	wait_for_file status
	assert_equal "$(cat status)" 2
	[ ! -e round.tsv ]
}

@test "the slider redraws to fit when the terminal is resized" {
	start_shell 100
	run_ask -o round.tsv
	wait_for "1/5"
	keys 3
	wait_for "Position: 100% (anchor 3)"
	screen | grep -qx '  +-\{47\}+-\{46\}O'
	tmux -S "$SOCKET" resize-window -t 0 -x 50
	wait_for "Position: 100% (anchor 3)"
	for i in $(seq 100); do
		screen | grep -qx '  +-\{22\}+-\{21\}O' && break
		sleep 0.05
	done
	screen | grep -qx '  +-\{22\}+-\{21\}O'
	keys q
}

@test "every catchable fatal signal restores the terminal and exits 128+signal, a fault too" {
	start_shell
	for sig in TERM HUP QUIT USR1 ALRM PIPE SEGV; do
		rm -f status
		run_ask -p "sig$sig" -o round.tsv
		wait_for "1/5"
		keys 2
		wait_for "Position: 50%"
		pkill "-$sig" -f "ask -p sig$sig"
		wait_for_file status
		assert_equal "$(cat status)" $((128 + $(kill -l $sig))) || { echo "$sig: $(cat status)"; false; }
		assert_terminal_restored
	done
	[ ! -e round.tsv ]
}

@test "pasted text goes into a note whole; outside a note its letters are not keys" {
	start_shell
	run_ask -p ann -o round.tsv
	wait_for "1/5"
	# Outside a note: the q of "quarter" must not quit.
	tmux -S "$SOCKET" set-buffer "a quarter of the staff"
	tmux -S "$SOCKET" paste-buffer -p -t 0
	wait_for "Pasted text goes into a note: press n first, then paste."
	keys 2 n
	wait_for "Enter keeps the note"
	tmux -S "$SOCKET" set-buffer "$(printf 'line one\nline two, quite\tsure')"
	tmux -S "$SOCKET" paste-buffer -p -t 0
	keys Enter
	wait_for "Note: line one line two, quite sure"
	keys Enter 1 Enter 1 Enter 1 Enter 1 Enter
	wait_for "Enter writes these answers"
	keys Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	assert_equal "$(sed -n 1p round.tsv | cut -f7)" "line one line two, quite sure"
	assert_terminal_restored
}

@test "answers already in -o under this name: the person confirms, and is told where the answers went" {
	# A forgotten -p: the login name, tester, answered before.
	ask steering=1 openness=1 enforcement=1 legal=1 audience=1 > round.tsv
	cp round.tsv before.tsv
	start_shell
	run_ask -o round.tsv
	wait_for "round.tsv already holds 5 answers of tester in round 1 (the last at 2026-11-25T09:30:00Z)."
	wait_for "Answer again as tester, replacing them? (if you are someone else, give your name with -p) [y/N]"
	keys n Enter
	wait_for_file status
	assert_equal "$(cat status)" 2
	wait_for "ask: nothing asked, nothing written"
	cmp round.tsv before.tsv
	rm status
	# A clean screen: the first run's [y/N] must not pass for the second's.
	keys clear Enter
	wait_gone "[y/N]"
	run_ask -o round.tsv
	wait_for "[y/N]"
	keys y Enter
	wait_for "1/5  How directive"
	keys 1 Enter 1 Enter 1 Enter 1 Enter 1 Enter
	wait_for "Enter writes these answers"
	keys Enter
	wait_for_file status
	assert_equal "$(cat status)" 0
	wait_for "ask: 5 answers of tester saved in round.tsv"
	assert_number "$(wc -l < round.tsv)" -eq 10
}

@test "plain prompts: a note on the answer's line, the poles read out, q asks first" {
	TERM_FOR_TEST=dumb start_shell
	run_ask -p pat -o round.tsv
	wait_for "From concrete rules (1) to vision (3):"
	keys "2,5 but with room" Enter
	wait_for "[2/5]"
	keys q Enter
	wait_for "Quit without writing your answers? [y/N]"
	keys n Enter
	keys 1 Enter Enter - Enter Enter "33,3%" Enter Enter 3 Enter Enter
	wait_for "Write these answers?"
	wait_for "  4 Legal form: 33.3%"
	keys q Enter
	wait_for "Quit without writing your answers? [y/N]"
	keys y Enter
	wait_for_file status
	assert_equal "$(cat status)" 2
	[ ! -e round.tsv ]
	keys clear Enter
	wait_gone "[1/5]"
	run_ask -p pat -o round.tsv
	wait_for "[1/5]"
	keys "2,5 but with room" Enter 1 Enter Enter - Enter Enter "33,3%" Enter Enter 3 Enter Enter
	wait_for "Write these answers?"
	keys y Enter
	wait_for "ask: 5 answers of pat saved in round.tsv"
	assert_equal "$(sed -n 1p round.tsv | cut -f5,7)" "75	but with room"
	assert_equal "$(sed -n 4p round.tsv | cut -f5)" "33.3"
}

@test "Dutch text writes numbers with a decimal comma; the file keeps the point" {
	TERM_FOR_TEST=dumb start_shell
	run_ask -L nl -p pat -o round.tsv
	wait_for "Van concrete regels (1) tot visie (3):"
	keys 1 Enter Enter 1 Enter Enter 1 Enter Enter 2 Enter Enter 1 Enter Enter
	wait_for "  4 Juridisch: 33,3% (uitspraak 2)"
	keys j Enter
	wait_for_file status
	assert_equal "$(sed -n 4p round.tsv | cut -f5)" "33.3"
}

@test "--feedback: the group's middle half and median under the slider, and in the plain prompt" {
	local p
	for p in ann:1 bob:2 cas:3 dirk:2 eva:1; do
		ask -r r1 -p "${p%:*}" -o r1.tsv steering="${p#*:}" openness=2 \
		    enforcement=2 legal=1 audience=3
	done
	aggregate r1.tsv > r1-figures.tsv
	start_shell 100 40
	run_ask -r r2 -p ann --feedback r1-figures.tsv --previous r1.tsv -o r2.tsv
	wait_for "Last round (r1): divided: 2 at concrete rules, 2 around statement 2, 1 at vision; median 50,"
	wait_for "  middle half 0-50; you: 0%."
	# The line is 95 columns from "1" to "3": the middle half 0-50 runs
	# from column 2 to 49, the median on 49 (^), ann's own at 0 on 2 (o;
	# in the C locale of the tests, ASCII).
	assert_equal "$(screen | grep -F -- '-^')" "  o-----------------------------------------------^"
	# Nothing is placed for the person: the answer is their own.
	wait_for "Position: not placed yet"
	keys 3 Enter
	wait_for "2/5"
	wait_for "Last round (r1): consensus at open; median 100, middle half 100-100; you: 100%."
	keys q y
	wait_for_file status
	assert_equal "$(cat status)" 2
	[ ! -e r2.tsv ]
	# A server of its own for the second terminal: a new server on the
	# socket just killed could meet the old one still going away.
	tmux -S "$SOCKET" kill-server
	SOCKET=$BATS_TEST_TMPDIR/tmux-dumb.socket
	TERM_FOR_TEST=dumb start_shell
	run_ask -r r2 -p ann --feedback r1-figures.tsv --previous r1.tsv -o r2.tsv
	wait_for "From concrete rules (1) to vision (3):"
	assert_equal "$(screen | grep -A 2 -F 'From concrete rules (1)' | tail -n 2 | tr '\n' '|')" \
	    "Last round (r1): divided: 2 at concrete rules, 2 around statement 2, 1 at vision; median 50, middle|half 0-50; you: 0%.|"
}

@test "--reasons: a few of each camp's reasons under the figures, in the slider and the plain prompt" {
	local p
	for p in ann:1 bob:2 cas:3 dirk:2 eva:1; do
		ask -r r1 -p "${p%:*}" -o r1.tsv "steering=${p#*:} because of ${p%:*}" openness=2 \
		    enforcement=2 legal=1 audience=3
	done
	aggregate r1.tsv > r1-figures.tsv
	# Camps of two speak when the facilitator allows groups of two.
	collect --reasons --min-group 2 r1.tsv | sed '/^- because of bob$/d' > reasons.txt
	start_shell 100 40
	run_ask -r r2 -p ann --feedback r1-figures.tsv --reasons reasons.txt -o r2.tsv
	wait_for 'In their own words: 2 at concrete rules: "because of ann"; "because of eva". 2'
	screen | tr '\n' ' ' | tr -s ' ' | grep -q 'In their own words: 2 at concrete rules: "because of ann"; "because of eva". 2 around statement 2: "because of dirk".'
	# Deleted from the file, never shown.
	! screen | grep -q 'because of bob'
	keys q y
	wait_for_file status
	tmux -S "$SOCKET" kill-server
	SOCKET=$BATS_TEST_TMPDIR/tmux-dumb.socket
	TERM_FOR_TEST=dumb start_shell
	run_ask -r r2 -p ann --feedback r1-figures.tsv --reasons reasons.txt -o r2.tsv
	wait_for "From concrete rules (1) to vision (3):"
	screen | tr '\n' ' ' | tr -s ' ' | grep -q 'In their own words: 2 at concrete rules: "because of ann"; "because of eva". 2 around statement 2: "because of dirk".'
}

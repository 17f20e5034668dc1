# Loaded by the .bats files that fill in forms and mail them back:
# forms.bats and mail.bats.  Their setup() writes blank.txt, ann's form.

# Fill in the blank form: mark the boxes given as continuum:box pairs.
fill() {
	local spec continuum box
	cp blank.txt filled.txt
	for spec in "$@"; do
		continuum=${spec%%:*} box=${spec#*:}
		awk -v c="$continuum" -v b="$box" '
		    /^continuum: / { current = $2 }
		    current == c && index($0, "[ ] " b ".") == 1 { sub(/^\[ \]/, "[x]") }
		    { print }' filled.txt > filled.tmp && mv filled.tmp filled.txt
	done
}

ANSWERS='2026-spring	ann	team-a	steering	0	2026-11-24T10:00:00Z	
2026-spring	ann	team-a	openness	100	2026-11-24T10:00:00Z	
2026-spring	ann	team-a	enforcement	-	2026-11-24T10:00:00Z	
2026-spring	ann	team-a	legal	66.7	2026-11-24T10:00:00Z	
2026-spring	ann	team-a	audience	50	2026-11-24T10:00:00Z	'

fill_all() {
	fill steering:1 openness:2 enforcement:- legal:3 audience:2
	touch -d 2026-11-24T10:00:00Z filled.txt
}

# Mail: the filled form wrapped in a message as a mail client sends it.
# Its Date, 11:30 UTC, is not the file's time (10:00): answers stamped
# 11:30 show that the Date header was read.
MAIL_ANSWERS=${ANSWERS//2026-11-24T10:00:00Z/2026-11-24T11:30:00Z}
message() {	# message FILE [headers...]
	local file=$1
	shift
	{
		printf 'Return-Path: <ann@example.org>\n'
		printf 'From: Ann <ann@example.org>\n'
		printf 'Date: Mon, 24 Nov 2026 12:30:00 +0100\n'
		printf 'Subject: Re: your position, please\n'
		printf '%s\n' "$@"
	} > "$file"
}

# Quoted-printable: '=' and the bytes of an e acute escaped, long lines
# broken with soft line breaks every 20 characters, even inside an escape
# (which real encoders avoid, and a decoder must survive all the same).
qp() {
	sed -e 's/=/=3D/g' -e 's/\xc3\xa9/=C3=A9/g' |
	    awk '{ while (length($0) > 20) { print substr($0, 1, 20) "="; $0 = substr($0, 21) } print }'
}


#!/usr/bin/env python3
"""Build a reply to a stance invitation the ways real mail clients do,
for tests/round-by-mail.bats.

    reply.py STYLE FROM MESSAGE MARK [COUNT]

STYLE    quoted   the form marked inside the quote ("> [x] 1."), UTF-8
         qp       the form marked, the body in quoted-printable
         cp1252   the form marked, a note with an accent, in Windows-1252
         above    the filled form on top, the whole invitation quoted below
         html     the filled form as HTML only, as some clients send it
         twobox   the form marked, and a second box on continuum COUNT
         phone    MARK is a line typed above the quote, as on a phone
         trimmed  MARK typed, the quote left out (In-Reply-To kept)
         forged   MARK typed, and nothing that says what it answers
FROM     the From header, "Name <address>"
MESSAGE  the invitation (or reminder) as delivered
MARK     the statement to mark on each continuum: 1, 2, ... or - for none
COUNT    mark only the first COUNT continua (default: all)
"""
import email
import email.policy
import html
import quopri
import sys


def filled(body, mark, count):
    """The form with MARK's box ticked on the first COUNT continua."""
    out, seen = [], 0
    for line in body.split('\n'):
        if line.startswith('continuum: '):
            seen += 1
        if seen and seen <= count and line.startswith('[ ] %s. ' % mark):
            line = '[x]' + line[3:]
        out.append(line)
    return '\n'.join(out)


def second_box(form, mark, which):
    """A second box ticked on continuum number WHICH, beside MARK's."""
    other = '2' if mark == '1' else '1'
    out, seen = [], 0
    for line in form.split('\n'):
        if line.startswith('continuum: '):
            seen += 1
        if seen == which and line.startswith('[ ] %s. ' % other):
            line = '[x]' + line[3:]
        out.append(line)
    return '\n'.join(out)


def main():
    style, sender, path, mark = sys.argv[1:5]
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 99
    with open(path, 'rb') as f:
        invitation = email.message_from_binary_file(f, policy=email.policy.compat32)
    body = invitation.get_payload(decode=True).decode('utf-8')
    form = filled(body, mark, count if style != 'twobox' else 99)
    replying = True
    wrote = 'On Thu, 26 Nov 2026, facilitator@stance.test wrote:\n'
    charset, encoding = 'utf-8', '8bit'
    kind = 'plain'
    if style == 'quoted':
        text = 'My answers are in the form below.\n\n' + wrote + \
            '\n'.join('> ' + line if line else '>' for line in form.split('\n'))
    elif style == 'qp':
        text = form
        encoding = 'quoted-printable'
    elif style == 'cp1252':
        text = form.replace('\nnote:\n', '\nnote: café, niet te streng\n', 1)
        charset = 'windows-1252'
    elif style == 'above':
        start = form.index('# stance form')
        text = form[start:] + '\n\n' + wrote + \
            '\n'.join('> ' + line if line else '>' for line in body.split('\n'))
    elif style == 'twobox':
        text = 'Here you are.\n\n' + wrote + '\n'.join(
            '> ' + line if line else '>' for line in second_box(form, mark, count).split('\n'))
    elif style == 'phone':
        # What a phone's mail app sends: the line, its signature, then
        # the whole message quoted.
        text = mark + '\n\nSent from my phone\n\n' + wrote + \
            '\n'.join('> ' + line if line else '>' for line in body.split('\n'))
    elif style in ('trimmed', 'forged'):
        text = 'Hi,\n\n' + mark + '\n\nBest\n'
        replying = style == 'trimmed'
    elif style == 'html':
        text = '<html><body><pre>' + html.escape(form) + '</pre></body></html>'
        kind = 'html'
    else:
        sys.exit('reply.py: unknown style ' + style)
    data = text.encode(charset)
    if encoding == 'quoted-printable':
        data = quopri.encodestring(data)
    headers = [
        'From: ' + sender,
        'To: facilitator@stance.test',
        'Subject: Re: ' + invitation['Subject'],
        'Date: Thu, 26 Nov 2026 14:00:00 +0100',
        'Message-ID: <reply.%s.%s@stance.test>' % (style, abs(hash(sender)) % 100000),
        'In-Reply-To: ' + (invitation['Message-ID'] if replying else '<made.up.1@stance.test>'),
        'MIME-Version: 1.0',
        'Content-Type: text/%s; charset=%s' % (kind, charset),
        'Content-Transfer-Encoding: ' + encoding,
    ]
    sys.stdout.buffer.write(('\n'.join(headers) + '\n\n').encode('ascii') + data + b'\n')


main()

"""webserver.py: a lighttpd on a free loopback port running ask --web's
scripts, for tests/web-burst.py and tests/web-pictures.py.

    server, port = webserver.start(work, top, key, {'answer.cgi': '-r r1'})

writes the key file and each script (ask --web with those options, its
answers into WORK/round.tsv) under WORK/www, starts lighttpd, and returns
once it takes connections; stop it with server.terminate()."""
import hashlib
import hmac
import os
import socket
import subprocess
import time


def start(work, top, key, scripts, prefix=''):
    os.makedirs(work + '/www', exist_ok=True)
    with open(work + '/key', 'wb') as f:
        f.write(key + b'\n')
    os.chmod(work + '/key', 0o600)
    for name, options in scripts.items():
        with open('%s/www/%s' % (work, name), 'w') as f:
            f.write('#!/bin/sh\nexec %s%s/bin/ask --web %s --key %s/key -o %s/round.tsv\n'
                    % (prefix, top, options, work, work))
        os.chmod('%s/www/%s' % (work, name), 0o755)
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    with open(work + '/lighttpd.conf', 'w') as f:
        f.write('server.document-root = "%s/www"\nserver.bind = "127.0.0.1"\nserver.port = %d\n'
                'server.errorlog = "%s/error.log"\nserver.max-connections = 1024\n'
                'server.modules += ( "mod_cgi" )\ncgi.assign = ( ".cgi" => "" )\n' % (work, port, work))
    server = subprocess.Popen(['lighttpd', '-D', '-f', work + '/lighttpd.conf'])
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port)).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, port


def token(key, round_, participant, group, questionnaire='social-media-policy'):
    """The token remind and ask --form sign a person's form with."""
    message = '%s\n%s\n%s\n%s\n' % (questionnaire, round_, participant, group)
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()

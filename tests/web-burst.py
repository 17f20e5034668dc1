#!/usr/bin/env python3
"""web-burst.py TOP WORK [PARTICIPANTS] [SECONDS]: a meeting's burst for
make bench.  Starts lighttpd on loopback with ask --web as its CGI; then
PARTICIPANTS people (500) each send their five answers, all within
SECONDS (10), at moments spread evenly over them, as a room does when the
facilitator says "now": the latency's median and 99th percentile.  Then
as many again, all at once, 50 at a time, for the answers per second the
machine can take.  And the CGI's own time per request (ask --web run
directly, no server).  Last, nothing lost or torn: every line whole, five
per person.  Exit 1 if anything was.
"""
import concurrent.futures
import os
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webserver  # noqa: E402

top, work = sys.argv[1], sys.argv[2]
people = int(sys.argv[3]) if len(sys.argv) > 3 else 500
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
at_once = 50
key = b'the burst key, for make bench only'
server, port = webserver.start(work, top, key, {'answer.cgi': '-r burst'})


def link(participant):
    return 'r=burst&p=%s&g=staff&t=%s' % (participant, webserver.token(key, 'burst', participant, 'staff'))


BODY = b'a.steering=2&a.openness=1&a.enforcement=-&a.legal=s&s.legal=40&a.audience=3&n.audience=everyone'


def send(participant):
    start = time.monotonic()
    reply = urllib.request.urlopen('http://127.0.0.1:%d/answer.cgi?%s' % (port, link(participant)),
                                   data=BODY, timeout=30)
    reply.read()
    return time.monotonic() - start, reply.status


try:
    start = time.monotonic()

    def arrive(i):
        # Person i comes at their moment of the burst.
        time.sleep(max(0.0, start + seconds * i / people - time.monotonic()))
        return send('p%04d' % i)

    with concurrent.futures.ThreadPoolExecutor(people) as pool:
        results = list(pool.map(arrive, range(people)))
    spread = time.monotonic() - start
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(at_once) as pool:
        rush = list(pool.map(send, ['q%04d' % i for i in range(people)]))
    took = time.monotonic() - start
finally:
    server.terminate()
    server.wait()


def quantile(values, q):
    values = sorted(values)
    return 1000 * values[min(len(values) - 1, int(len(values) * q))]


latency = [r[0] for r in results]
statuses = sum(1 for r in results + rush if r[1] == 200)
print('  %-34s %d people, five answers each, over %.1f s' % ('the burst', people, spread))
print('  %-34s p50 %.1f ms, p99 %.1f ms (target: p99 under 100 ms)' % (
    'latency', quantile(latency, 0.5), quantile(latency, 0.99)))
print('  %-34s %d people, %d at a time, in %.2f s: %.0f answers/s, p99 %.1f ms' % (
    'all at once', people, at_once, took, 5 * people / took, quantile([r[0] for r in rush], 0.99)))

# The CGI's own time: ask --web run directly, as the server runs it.
env = dict(os.environ, REQUEST_METHOD='POST', CONTENT_TYPE='application/x-www-form-urlencoded',
           CONTENT_LENGTH=str(len(BODY)), QUERY_STRING=link('solo'))
runs = 200
start = time.monotonic()
for _ in range(runs):
    subprocess.run([top + '/bin/ask', '--web', '-r', 'burst', '--key', work + '/key', '-o',
                    work + '/solo.tsv'], input=BODY, env=env, stdout=subprocess.DEVNULL, check=True)
own = (time.monotonic() - start) / runs
print('  %-34s %.2f ms a request, process start included (target: under 5 ms)' % ('the CGI on its own', 1000 * own))

# Nothing lost or torn.
counts, torn = {}, 0
with open(work + '/round.tsv', encoding='utf-8') as f:
    for line in f:
        fields = line.rstrip('\n').split('\t')
        if not line.endswith('\n') or len(fields) != 7:
            torn += 1
            continue
        counts[fields[1]] = counts.get(fields[1], 0) + 1
whole = sum(1 for n in counts.values() if n == 5)
print('  %-34s %d of %d people with all five lines, %d torn, %d pages not 200' % (
    'nothing lost', whole, 2 * people, torn, 2 * people - statuses))
sys.exit(0 if whole == 2 * people and torn == 0 and statuses == 2 * people else 1)

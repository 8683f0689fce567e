#!/usr/bin/env python3
"""N identical POSTs started together from one process; prints each one's seconds, sorted.

One client process with a thread a request, instead of N curl processes: on two cores the
spawning of ten processes took CPU from the server while it rendered, and was timed with it."""
import http.client, sys, threading, time
from urllib.parse import urlsplit

url, body_file, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = open(body_file, "rb").read()
parts = urlsplit(url)
path = parts.path + ("?" + parts.query if parts.query else "")
connections = [http.client.HTTPConnection(parts.hostname, parts.port) for _ in range(n)]
for c in connections:
    c.connect()
start = threading.Barrier(n)
seconds = [0.0] * n
def run(i):
    c = connections[i]
    start.wait()
    t = time.perf_counter()
    c.request("POST", path, body=body, headers={"Content-Type": "application/yaml"})
    response = c.getresponse()
    response.read()
    seconds[i] = time.perf_counter() - t
    if response.status != 200:
        sys.exit(f"request {i}: HTTP {response.status}")
threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
for t in threads: t.start()
for t in threads: t.join()
print(" ".join(f"{s:.4f}" for s in sorted(seconds)))

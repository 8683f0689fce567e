"""Ctrl-C drains the requests in flight (issue #11): ten renders are sent at once, the server gets
SIGINT while it works on them, and each one is still answered with its PDF before the server
exits 0. A server that ran its handlers on its socket threads left some requests unread while it
rendered, and closed those connections unanswered."""
import http.client, os, signal, subprocess, sys, threading, time

from webtest import ROOT, TEMPLATES, arguments, free_port

RENDERS = 10


def main():
    args = arguments(__doc__)
    port = free_port()
    env = dict(os.environ, SHENBAO_TEMPLATES=str(TEMPLATES))
    server = subprocess.Popen([args.bin, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    if "http://" not in server.stdout.readline():
        server.kill()
        sys.exit("drain: the server did not start")
    body = (ROOT / "templates/samples/application.yaml").read_bytes()
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in range(RENDERS)]
    for c in connections:
        c.connect()
    answers = [None] * RENDERS

    def render(i):
        try:
            connections[i].request("POST", "/api/render/application", body=body,
                                   headers={"Content-Type": "application/yaml"})
            response = connections[i].getresponse()
            answers[i] = (response.status, response.read()[:5])
        except OSError as error:
            answers[i] = (type(error).__name__, b"")

    threads = [threading.Thread(target=render, args=(i,)) for i in range(RENDERS)]
    for t in threads:
        t.start()
    time.sleep(0.02)
    server.send_signal(signal.SIGINT)
    for t in threads:
        t.join()
    code = server.wait(30)
    failed = [(i, a) for i, a in enumerate(answers) if a != (200, b"%PDF-")]
    if failed or code != 0:
        print(f"FAILED: Ctrl-C drains the renders in flight: unanswered {failed}, exit {code}")
        print("drain: 0 passed, 1 failed")
        sys.exit(1)
    print(f"ok: Ctrl-C during {RENDERS} renders answers each with its PDF, then exits 0")
    print("drain: 1 passed, 0 failed")


if __name__ == "__main__":
    main()

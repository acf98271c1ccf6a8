"""What the live platform tests share: a fresh workspace, the rioplan binary, a server on a free
loopback port, people and their tokens, and plain HTTP requests."""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def fail(why):
    print(f"FAIL: {why}")
    sys.exit(1)


class Workspace:
    """A copy of the repository's Catalog/ and Plans/ under OUT/ws, driven through BIN."""

    def __init__(self, binary, root, out):
        self.bin, self.out = os.path.abspath(binary), os.path.abspath(out)
        self.dir = os.path.join(self.out, "ws")
        shutil.rmtree(self.out, ignore_errors=True)
        os.makedirs(self.dir)
        shutil.copytree(os.path.join(root, "Catalog"), os.path.join(self.dir, "Catalog"))
        shutil.copytree(os.path.join(root, "Plans"), os.path.join(self.dir, "Plans"),
                        ignore=shutil.ignore_patterns("*.plan.json"))
        self.db = os.path.join(self.dir, ".rioplan", "rioplan.sqlite")

    def run(self, *args, check=True):
        r = subprocess.run([self.bin, *args], cwd=self.dir, capture_output=True, text=True, timeout=900)
        if check and r.returncode != 0:
            fail(f"rioplan {' '.join(args)} exited {r.returncode}: {r.stderr.strip()[-400:]}")
        return r

    def plan(self, seed, out, iterations=3000):
        self.run("plan", "Plans/jlg-2027.yaml", "--iterations", str(iterations), "--seed", str(seed),
                 "--threads", "1", "--quiet", "--out", out)

    def add_person(self, name, role):
        """(sign-in token, feed token) that `rioplan access add` printed once."""
        r = self.run("access", "add", name, "--role", role)
        text = r.stdout + r.stderr
        sign_in = re.search(r"\brps_[0-9a-f]+", text)
        feed = re.search(r"/feeds/(rpf_[0-9a-f]+)/", text)
        if not sign_in or not feed:
            fail(f"`rioplan access add` printed no tokens for {name}: {text[:300]}")
        return sign_in.group(0), feed.group(1)

    def serve(self, log_name="server.log"):
        """Starts `rioplan serve` on a free port; returns (process, base URL) once it answers."""
        port = free_port()
        log = open(os.path.join(self.out, log_name), "a")
        proc = subprocess.Popen([self.bin, "serve", "--port", str(port)], cwd=self.dir, stdout=log,
                                stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                fetch(f"{base}/signin")
                return proc, base
            except OSError:
                if proc.poll() is not None:
                    fail(f"the server exited {proc.returncode}; see {log.name}")
                time.sleep(0.1)
        fail("the server did not answer within 30 s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, headers=None, data=None, method=None, timeout=30):
    """(status, headers, body); HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(url, headers=headers or {}, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()

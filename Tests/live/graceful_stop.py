#!/usr/bin/env python3
"""SIGTERM (and SIGINT) while a request is in flight: the request completes, then the server exits 0.

usage: graceful_stop.py RIOPLAN_BIN REPO_ROOT OUT_DIR

For each signal: a needs sheet is sent half-way over a raw connection, the signal is sent, the
rest of the sheet follows; the answer must be 201 with the sheet stored, and the server must then
exit 0 within 15 s.
"""
import signal
import socket
import sqlite3
import sys
import time

from platformkit import Workspace, fail

BIN, ROOT, OUT = sys.argv[1:4]


def body(tag, rows=400):
    lines = ["id,module,region,participants,languages,priority,earliest,latest"]
    lines += [f"{tag}-{i:03d},rio-eba,africa,20,en,3,2027-02-01,2027-11-30" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def in_flight(ws, token, sig, tag):
    proc, base = ws.serve()
    port = int(base.rsplit(":", 1)[1])
    data = body(tag)
    head = (f"POST /api/v1/needs/jlg-2027?file={tag}.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: text/csv\r\nContent-Length: {len(data)}\r\n\r\n").encode()
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    s.sendall(head + data[: len(data) // 2])
    time.sleep(0.5)
    proc.send_signal(sig)
    time.sleep(0.5)
    s.sendall(data[len(data) // 2:])
    answer = b""
    while b"\r\n" not in answer:
        chunk = s.recv(4096)
        if not chunk:
            break
        answer += chunk
    s.close()
    status = answer.split(b"\r\n", 1)[0].decode(errors="replace")
    if " 201 " not in status + " ":
        fail(f"{sig.name}: the request in flight was answered {status!r}")
    try:
        code = proc.wait(timeout=15)
    except Exception:
        proc.kill()
        fail(f"{sig.name}: the server did not exit within 15 s")
    if code != 0:
        fail(f"{sig.name}: the server exited {code}")
    con = sqlite3.connect(ws.db)
    stored = con.execute("SELECT COUNT(*) FROM need WHERE needId LIKE ?", (f"{tag}-%",)).fetchone()[0]
    con.close()
    if stored != 400:
        fail(f"{sig.name}: {stored} of 400 rows stored")
    print(f"{sig.name}: the request in flight got {status.split(' ', 1)[1]}, its 400 rows stored; the server exited 0")


def main():
    ws = Workspace(BIN, ROOT, OUT)
    token, _ = ws.add_person("jlg-coordinator", "coordinator")
    in_flight(ws, token, signal.SIGTERM, "term")
    in_flight(ws, token, signal.SIGINT, "int")
    print("OK")


if __name__ == "__main__":
    main()

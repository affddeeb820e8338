#!/usr/bin/env python3
"""An HTTP proxy on 127.0.0.1 for the `watch` tests: CONNECT tunnels, every target sent to
127.0.0.1 at the port asked for (so a made-up host name proves the client never resolved it).

usage: connect_proxy.py LOG   (prints the port on the first line; appends one JSON line per
CONNECT to LOG: target, proxy_authorization). Ends when the process that started it is gone.
"""
import json, socket, sys, threading

from orphan import end_with_parent

LOG = sys.argv[1]


def relay(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def handle(client):
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = client.recv(4096)
        if not chunk:
            client.close()
            return
        head += chunk
    lines = head.split(b"\r\n")
    method, target, _ = lines[0].decode().split(" ", 2)
    headers = {l.split(b":", 1)[0].strip().lower().decode(): l.split(b":", 1)[1].strip().decode()
               for l in lines[1:] if b":" in l}
    with open(LOG, "a") as log:
        log.write(json.dumps({"method": method, "target": target,
                              "proxy_authorization": headers.get("proxy-authorization")}) + "\n")
    if method != "CONNECT":
        client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        client.close()
        return
    port = int(target.rsplit(":", 1)[1])
    upstream = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
    threading.Thread(target=relay, args=(client, upstream), daemon=True).start()
    relay(upstream, client)


# The tests' clean-up sends SIGTERM; a parent that ignores it would pass that on.
end_with_parent()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
print(server.getsockname()[1], flush=True)
while True:
    connection, _ = server.accept()
    threading.Thread(target=handle, args=(connection,), daemon=True).start()

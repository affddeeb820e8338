#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for the `watch` tests, driven by a script file.

usage: source_server.py SCRIPT.json [CERT.pem KEY.pem]   (prints the port on the first line, then
serves; with a certificate and key, over TLS)

SCRIPT.json, read again on every request: {"/path": [response, ...]}. The n-th request to a
path gets the n-th response (the last one repeats). A response may hold:
  status (default 200), file (bytes to serve), body (text), size (that many bytes of 'x'),
  etag, last_modified (sent, and a matching If-None-Match / If-Modified-Since answers 304),
  headers {name: value}, stall (seconds to wait after the headers, before the body),
  truncate (send only this many body bytes, then close, with the full Content-Length),
  location (a redirect target, with status 301/302), no_length (no Content-Length: the body ends
  when the connection closes).
The server ends by itself when the process that started it is gone.
Every request is appended to SCRIPT.json.log as one JSON line: path, method, status sent and the
request headers that matter (If-None-Match, If-Modified-Since, User-Agent).
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from orphan import end_with_parent

SCRIPT = sys.argv[1]
HITS = {}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log(self, status):
        entry = {
            "path": self.path,
            "method": self.command,
            "status": status,
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "user_agent": self.headers.get("User-Agent"),
            "time": time.time(),
        }
        with LOCK:
            with open(SCRIPT + ".log", "a") as log:
                log.write(json.dumps(entry) + "\n")

    def do_GET(self):
        with open(SCRIPT) as handle:
            script = json.load(handle)
        responses = script.get(self.path.split("?")[0])
        with LOCK:
            count = HITS.get(self.path, 0)
            HITS[self.path] = count + 1
        if not responses:
            response = {"status": 404, "body": "not found"}
        else:
            response = responses[min(count, len(responses) - 1)]
        status = response.get("status", 200)
        etag = response.get("etag")
        modified = response.get("last_modified")
        if status == 200 and (
            (etag and self.headers.get("If-None-Match") == etag)
            or (modified and not etag and self.headers.get("If-Modified-Since") == modified)
        ):
            status = 304
        if "file" in response:
            with open(response["file"], "rb") as handle:
                body = handle.read()
        elif "size" in response:
            body = b"x" * response["size"]
        else:
            body = response.get("body", "").encode()
        if status == 304:
            body = b""
        self.log(status)
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)
        if "location" in response:
            self.send_header("Location", response["location"])
        for name, value in response.get("headers", {}).items():
            self.send_header(name, value)
        if response.get("no_length"):
            self.close_connection = True
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if response.get("stall"):
            time.sleep(response["stall"])
        try:
            if "truncate" in response:
                self.wfile.write(body[: response["truncate"]])
                self.wfile.flush()
                self.close_connection = True
                return
            chunk = 1 << 16
            for start in range(0, len(body), chunk):
                self.wfile.write(body[start : start + chunk])
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


# The tests' clean-up sends SIGTERM; a parent that ignores it would pass that on.
end_with_parent()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if len(sys.argv) == 4:
    import ssl
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()

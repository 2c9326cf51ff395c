"""A webhook sink for the alerter tests: records every request to a directory and answers scripted statuses.

python3 http_sink.py --dir DIR [--statuses 500,200] [--retry-after SECONDS]
Binds 127.0.0.1 on a free port, writes it to DIR/port, serves until its standard input closes.
Request n (0-based) gets statuses[min(n, len-1)]; each is saved as DIR/request-NNNN.json.
"""
import argparse
import json
import os
import sys

from sink_lifetime import announce_port, exit_with_parent
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--statuses", default="200")
    parser.add_argument("--retry-after", default=None)
    args = parser.parse_args()
    statuses = [int(s) for s in args.statuses.split(",")]
    state = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            index = state["count"]
            state["count"] += 1
            status = statuses[min(index, len(statuses) - 1)]
            record = {
                "index": index,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8"),
                "answered": status,
            }
            path = os.path.join(args.dir, "request-%04d.json" % index)
            with open(path + ".tmp", "w") as f:
                json.dump(record, f)
            os.replace(path + ".tmp", path)
            reply = b'{"ok":true}' if status < 300 else b'{"error":"scripted failure"}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            if args.retry_after is not None and status >= 400:
                self.send_header("Retry-After", args.retry_after)
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *_):
            pass

    exit_with_parent()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    announce_port(args.dir, server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())

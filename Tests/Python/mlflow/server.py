"""Runs `mlflow server` on 127.0.0.1 for the FraudMLflow tests.

SQLite backend and artifact root in --dir. Writes the port to <dir>/port once the server answers /health, and stops
the server (with its workers) when standard input closes, so no server outlives the tests. Server output goes to
<dir>/server.log.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()
    port = free_port()
    log = open(os.path.join(args.dir, "server.log"), "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
         "--backend-store-uri", "sqlite:///" + os.path.join(args.dir, "mlflow.db"),
         "--artifacts-destination", os.path.join(args.dir, "artifacts")],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop():
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def watch_stdin():
        sys.stdin.buffer.read()
        stop()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    deadline = time.monotonic() + args.timeout
    while not answers(port):
        if server.poll() is not None or time.monotonic() > deadline:
            stop()
            sys.exit(f"mlflow server did not answer on port {port}; see {args.dir}/server.log")
        time.sleep(0.2)
    with open(os.path.join(args.dir, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
    server.wait()
    sys.exit("mlflow server exited; see server.log")


if __name__ == "__main__":
    main()

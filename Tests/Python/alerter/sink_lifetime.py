"""Start-up and shutdown shared by the test sinks: announce the port, exit when the test process goes away."""
import os
import signal
import sys
import threading


def announce_port(directory, port):
    """Writes the port to DIR/port atomically; the Swift test polls for it."""
    path = os.path.join(directory, "port")
    with open(path + ".tmp", "w") as f:
        f.write(str(port))
    os.replace(path + ".tmp", path)


def exit_with_parent():
    """Exits when standard input reaches EOF (the test closed it, or died), and on SIGTERM."""
    # A parent may start us with signals blocked; make SIGTERM work as usual.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch, daemon=True).start()

"""Shared by the tests' helper servers: they end when the test process that started them is gone."""
import os, signal, threading, time


def end_with_parent():
    """Takes SIGTERM back from a parent that ignores it, and exits once the parent has exited."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()

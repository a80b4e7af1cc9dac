"""A TCP port for a server a test starts in another process."""

import socket


def free_port() -> int:
    """A port on 127.0.0.1 nothing listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

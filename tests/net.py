"""Loopback helpers for tests that run a real server."""
import socket


def free_port() -> int:
    """A port nobody is listening on now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

"""A tiny SMTP server on 127.0.0.1 for tests: just enough of EHLO, MAIL, RCPT, DATA and QUIT.

Python's smtpd module is deprecated (and warnings are errors here), so this
speaks the protocol itself over socketserver. Messages land in ``received``.
"""
from __future__ import annotations

import email
import socket
import socketserver
import threading
import time
from email.message import Message


class FakeSMTPServer:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], Message]] = []
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSMTPServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def wait_for(self, count: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"only {len(self.received)} of {count} emails arrived"
            time.sleep(0.01)

    def _handler(self):
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self) -> None:
                self.reply("220 fake.test ESMTP")
                sender, recipients = "", []
                while line := self.rfile.readline():
                    verb = line[:4].decode("ascii", "replace").upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250 fake.test")
                    elif verb == "MAIL":
                        sender, recipients = line.decode().split(":", 1)[1].strip(" <>\r\n"), []
                        self.reply("250 OK")
                    elif verb == "RCPT":
                        recipients.append(line.decode().split(":", 1)[1].strip(" <>\r\n"))
                        self.reply("250 OK")
                    elif verb == "DATA":
                        self.reply("354 End data with <CR><LF>.<CR><LF>")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk[1:] if chunk.startswith(b"..") else chunk
                        server.received.append((sender, recipients, email.message_from_bytes(data)))
                        self.reply("250 OK queued")
                    elif verb == "QUIT":
                        self.reply("221 Bye")
                        return
                    else:  # RSET, NOOP and the rest: nothing to do
                        self.reply("250 OK")

        return Handler


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening: an SMTP server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

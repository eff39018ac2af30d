"""A minimal HTTP/1.1 client on asyncio streams, for the load generator in submit.py.

One keep-alive connection and one cookie jar per client, no redirects followed. It
needs roughly a tenth of httpx's CPU per request, which matters when the load
generator shares a 2-core machine with the server it measures.
"""
from __future__ import annotations

import asyncio
import urllib.parse
from dataclasses import dataclass


_NO_ANSWER = "server closed the connection without answering"


class _StaleConnection(Exception):
    """A kept-alive connection the server had closed before our request reached it."""


@dataclass
class RawResponse:
    status_code: int
    headers: dict[str, str]  # names in lower case
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class RawClient:
    """Just enough of a browser: GET and form POST, cookies, keep-alive, chunked bodies."""

    def __init__(self, base_url: str, timeout: float):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.cookies: dict[str, str] = {}
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def __aenter__(self) -> RawClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            try:
                await writer.wait_closed()
            except (OSError, asyncio.CancelledError):
                pass

    async def request(self, method: str, url: str, data: dict | None = None) -> RawResponse:
        lines = [f"{method} {url} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 "User-Agent: engage-bench", "Accept-Language: en"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        body = b""
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            lines += ["Content-Type: application/x-www-form-urlencoded",
                      f"Content-Length: {len(body)}"]
        payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        async with asyncio.timeout(self.timeout):
            reused = self._writer is not None
            if not reused:
                await self._connect()
            try:
                return await self._exchange(method, payload)
            except _StaleConnection:
                await self.aclose()
                if not reused:
                    raise ConnectionError(_NO_ANSWER) from None
            await self._connect()  # as a browser does: once, on a fresh connection
            try:
                return await self._exchange(method, payload)
            except _StaleConnection:
                await self.aclose()
                raise ConnectionError(_NO_ANSWER) from None

    async def _connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)

    async def _exchange(self, method: str, payload: bytes) -> RawResponse:
        reader, writer = self._reader, self._writer
        try:
            writer.write(payload)
            await writer.drain()
            status_line = await reader.readline()
        except ConnectionError:
            raise _StaleConnection from None
        if not status_line:
            raise _StaleConnection
        try:
            version, status = status_line.split(None, 2)[:2]
            status_code = int(status)
            headers: dict[str, str] = {}
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                name, value = name.strip().lower(), value.strip()
                if name == "set-cookie":
                    self._store_cookie(value)
                headers[name] = value
            if "chunked" in headers.get("transfer-encoding", "").lower():
                content = await self._read_chunked(reader)
            elif "content-length" in headers:
                content = await reader.readexactly(int(headers["content-length"]))
            elif method == "HEAD" or status_code in (204, 304):
                content = b""
            else:
                content = await reader.read()
                headers["connection"] = "close"
        except BaseException:
            await self.aclose()  # never reuse a connection left mid-response
            raise
        if headers.get("connection", "").lower() == "close" or version == b"HTTP/1.0":
            await self.aclose()
        return RawResponse(status_code, headers, content)

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        parts = []
        while True:
            size = int((await reader.readline()).split(b";")[0].strip(), 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)

    def _store_cookie(self, header: str) -> None:
        first, *attributes = header.split(";")
        name, _, value = first.strip().partition("=")
        attributes = [a.strip().lower() for a in attributes]
        expired = "max-age=0" in attributes or any(a.startswith("expires=") and "1970" in a
                                                     for a in attributes)
        if expired or not value:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

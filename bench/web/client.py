"""A small asyncio HTTP/1.1 load generator for loopback: closed-loop clients, bounded runs.

Each client sends one request at a time, either over a fresh connection per
request (``Connection: close``) or over one kept-alive connection, as a browser
or an HTTP client library does. Answers are read by ``Content-Length`` (or
chunked), so a kept-alive connection can carry the next request.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import numpy as np


class Connection:
    """One client's connection to 127.0.0.1:port; reopened when the server closes it."""

    def __init__(self, port: int, *, keep_alive: bool):
        self.port = port
        self.keep_alive = keep_alive
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET ``path``; return the status (the body is read and dropped)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        mode = "keep-alive" if self.keep_alive else "close"
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {mode}\r\n\r\n"
        self.writer.write(request.encode())
        await self.writer.drain()
        status, headers = await self._head()
        await self._body(headers)
        if not self.keep_alive or headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def _head(self) -> tuple[int, dict[str, str]]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        return status, headers

    async def _body(self, headers: dict[str, str]) -> None:
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await self.reader.read()
            await self.close()

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def load(
    port: int,
    paths: list[str],
    *,
    clients: int,
    max_requests: int,
    max_seconds: float,
    keep_alive: bool,
) -> dict:
    """``clients`` concurrent loops cycling through ``paths``; bounded in count and time."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + max_seconds

    async def client(k: int) -> None:
        nonlocal issued, errors
        conn = Connection(port, keep_alive=keep_alive)
        i = k
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            start = time.perf_counter()
            try:
                status = await conn.get(paths[i % len(paths)])
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                await conn.close()
                continue
            elapsed = time.perf_counter() - start
            i += clients
            if status == 200:
                latencies.append(elapsed)
            else:
                errors += 1
        await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    return summary(latencies, errors, wall)


def summary(latencies: list[float], errors: int, wall: float) -> dict:
    """Requests/s and latency percentiles (ms) of one bounded run."""
    lat = np.array(latencies) * 1000
    pct = {p: float(np.percentile(lat, p)) if len(lat) else float("nan") for p in (50, 95, 99)}
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": pct[50],
        "p95": pct[95],
        "p99": pct[99],
    }

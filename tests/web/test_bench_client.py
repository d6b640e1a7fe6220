"""bench/web's load generator reads answers correctly and keeps connections alive when asked.

A wrong reader would stall on a kept-alive connection or count errors as answers,
and the benchmark table would measure the client, not the server. No timings here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest
from bench.web.client import load

from migdex.commands.site import gunicorn_args

BODY = b"x" * 1000


async def _serve(handler) -> tuple[asyncio.AbstractServer, int, dict]:
    stats = {"connections": 0, "requests": 0}

    async def on_connect(reader, writer):
        stats["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                stats["requests"] += 1
                writer.write(handler(head, stats["requests"]))
                await writer.drain()
                if b"Connection: close" in head:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], stats


def _fixed_length(head: bytes, n: int) -> bytes:
    status = b"404 Not Found" if b"/missing" in head else b"200 OK"
    return b"HTTP/1.1 %s\r\nContent-Length: %d\r\n\r\n%s" % (status, len(BODY), BODY)


def _chunked(head: bytes, n: int) -> bytes:
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (BODY[:300], BODY[300:]))
    return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"


async def _run(handler, paths, *, keep_alive: bool, clients: int = 3, requests: int = 30):
    server, port, stats = await _serve(handler)
    async with server:
        result = await load(
            port,
            paths,
            clients=clients,
            max_requests=requests,
            max_seconds=30,
            keep_alive=keep_alive,
        )
    return result, stats


def _run_apart(coroutine):
    """On a loop of its own in another thread: Playwright's tests may hold this thread's loop."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize("handler", [_fixed_length, _chunked])
def test_keep_alive_uses_one_connection_per_client(handler):
    result, stats = _run_apart(_run(handler, ["/a", "/b"], keep_alive=True))
    assert result["requests"] == 30 and result["errors"] == 0
    assert stats["requests"] == 30
    assert stats["connections"] == 3


def test_close_opens_a_connection_per_request():
    result, stats = _run_apart(_run(_fixed_length, ["/a"], keep_alive=False))
    assert result["requests"] == 30
    assert stats["connections"] == 30


def test_answers_other_than_200_count_as_errors():
    result, _ = _run_apart(_run(_fixed_length, ["/a", "/missing"], keep_alive=True, clients=1))
    assert result["requests"] == 15 and result["errors"] == 15


def test_serve_runs_threaded_workers_and_sync_ones_stay_sync():
    threaded = gunicorn_args("127.0.0.1", 8000, 2)
    assert "--worker-class=gthread" in threaded and "--threads=4" in threaded
    assert any(a.startswith("--keep-alive=") for a in threaded)
    sync = gunicorn_args("127.0.0.1", 8000, 2, worker_class="sync")
    # gunicorn turns sync workers given threads into gthread ones: none may be passed.
    assert "--worker-class=sync" in sync
    assert not any(a.startswith("--threads") for a in sync)

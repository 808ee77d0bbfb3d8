"""A browser-free Streamlit session: load a page over Streamlit's own websocket protocol.

What a browser receives for one run of the page, message by message (Streamlit's protobuf
classes, as ``../shared/tools/stload.py`` drives them), so that the benchmarks can count the
bytes of a page load and pick out the map's component arguments without a browser.
"""

from __future__ import annotations

import asyncio
import gzip
import urllib.request
from dataclasses import dataclass, field


@dataclass
class Run:
    """One run of the page as the server sent it."""

    bytes: int = 0  # every websocket message of the run, as the page's script sees them
    wire: int = 0  # what crossed the socket for them (compressed when the server compresses)
    component_args: dict[str, str] = field(default_factory=dict)  # per component: its JSON
    messages: int = 0


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                count: list[int] | None) -> None:
    try:
        while data := await reader.read(65536):
            if count is not None:
                count[0] += len(data)
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def _load(url: str, query: str, timeout: float) -> Run:
    import websockets
    from streamlit.proto import BackMsg_pb2, ForwardMsg_pb2

    host, port = url.removeprefix("http://").rsplit(":", 1)
    down = [0]  # bytes from the server to the client, on the socket

    async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(host, int(port))
        await asyncio.gather(_pipe(reader, up_writer, None), _pipe(up_reader, writer, down),
                             return_exceptions=True)

    # The client talks to the server through this relay, which counts what the server sends.
    relay_server = await asyncio.start_server(relay, "127.0.0.1", 0)
    relay_port = relay_server.sockets[0].getsockname()[1]
    ws_url = f"ws://127.0.0.1:{relay_port}/_stcore/stream"
    out = Run()
    # Like a browser, the client offers per-message deflate; the server decides.
    async with relay_server, websockets.connect(ws_url, subprotocols=["streamlit"],
                                                max_size=None) as ws:
        start = down[0]
        msg = BackMsg_pb2.BackMsg()
        msg.rerun_script.query_string = query
        await ws.send(msg.SerializeToString())
        while True:
            raw = await asyncio.wait_for(ws.recv(), timeout)
            out.bytes += len(raw)
            out.messages += 1
            m = ForwardMsg_pb2.ForwardMsg()
            m.ParseFromString(raw)
            kind = m.WhichOneof("type")
            if kind == "delta" and m.delta.WhichOneof("type") == "new_element":
                el = m.delta.new_element
                if el.WhichOneof("type") == "component_instance":
                    name = el.component_instance.component_name
                    out.component_args[name] = el.component_instance.json_args
            elif kind == "script_finished":
                out.wire = down[0] - start
                return out
    raise RuntimeError("unreachable")


def load_page(url: str, query: str = "", timeout: float = 900) -> Run:
    """Open a new session on the server at ``url`` and run the page once (``?query``)."""
    return asyncio.run(_load(url, query, timeout))


def static_bytes(url: str) -> tuple[int, int]:
    """(bytes on the wire, bytes of the file) for a GET of ``url`` by a gzip-capable client."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=60) as r:
        body = r.read()
        encoding = r.headers.get("Content-Encoding", "")
    return len(body), len(gzip.decompress(body) if encoding == "gzip" else body)

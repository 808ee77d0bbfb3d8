"""Polite, bounded HTTP fetching for the import.

Every request: http(s) only, a timeout, a size cap, redirects followed one hop at a time (each
hop checked again), a few requests per host at a time, retries with backoff on 429 and 503, and
a User-Agent naming the project. With ``allow_private=False`` (the app) a host that resolves to
a loopback, private, link-local or otherwise non-global address is refused, and the connection
goes to the address that was checked, so a second DNS answer cannot slip past the check.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3

USER_AGENT = "SanctuaryMap-import/1.0 (+https://github.com/sanctuary-map; news research)"
TIMEOUT_S = 10.0
MAX_FETCH_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
PER_HOST = 2
RETRIES = 3  # extra attempts after a 429 or a 503
BACKOFF_S = 1.0  # first wait; doubled after each retry, or the server's Retry-After
MAX_WAIT_S = 30.0  # a longer Retry-After is capped: an import should not sleep for hours
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")


class FetchError(Exception):
    """A URL that could not be fetched; ``str(error)`` is the reason in words."""


@dataclass(frozen=True)
class Response:
    """A fetched document.

    Attributes
    ----------
    url : str
        The URL asked for.
    final_url : str
        Where the last redirect led.
    content_type : str
        The media type, lower case, without parameters (``""`` when not sent).
    charset : str
        The declared charset (``""`` when not declared).
    body : bytes
        The (decompressed) body, at most the size cap.
    fetched_at : str
        ISO time (UTC) of the fetch.
    """

    url: str
    final_url: str
    content_type: str
    charset: str
    body: bytes
    fetched_at: str


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"


def check_address(host: str, port: int) -> str:
    """Resolve ``host`` and return an address to connect to, refusing non-public ones.

    Parameters
    ----------
    host : str
    port : int

    Returns
    -------
    str
        The first resolved address; every resolved address is global.

    Raises
    ------
    FetchError
        The host does not resolve, or resolves to an address that is not global (loopback,
        private, link-local, reserved, shared, multicast...).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        mapped = getattr(ip, "ipv4_mapped", None)
        if mapped is not None:
            ip = mapped
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"refused: {host} is a non-public address ({ip}); the app fetches public "
                "addresses only"
            )
        addresses.append(str(ip))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    return addresses[0]


@dataclass
class Fetcher:
    """Fetch URLs politely; thread-safe (one instance serves the whole import).

    Parameters
    ----------
    allow_private : bool
        Allow loopback, private and link-local addresses (the command line); False in the app.
    timeout : float
        Seconds for connecting, for each read and for a whole response.
    max_bytes : int
        The size cap of a response.
    max_redirects : int
    per_host : int
        Requests at the same time to one host.
    retries : int
        Extra attempts after a 429 or 503.
    backoff : float
        Seconds before the first retry (doubled each time) when the server sends no
        Retry-After.
    """

    allow_private: bool = True
    timeout: float = TIMEOUT_S
    max_bytes: int = MAX_FETCH_BYTES
    max_redirects: int = MAX_REDIRECTS
    per_host: int = PER_HOST
    retries: int = RETRIES
    backoff: float = BACKOFF_S
    _hosts: dict[str, threading.BoundedSemaphore] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return self._hosts[host]

    def fetch(self, url: str) -> Response:
        """GET ``url``, following up to ``max_redirects`` redirects, each checked.

        Parameters
        ----------
        url : str

        Returns
        -------
        Response

        Raises
        ------
        FetchError
            With the reason: not http(s), refused address, HTTP status, timeout, size,
            too many redirects, connection failure.
        """
        current = url
        for _ in range(self.max_redirects + 1):
            status, headers, body = self._get_with_retries(current)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} without a Location")
                current = urljoin(current, location)
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status}")
            msg = Message()
            msg["content-type"] = headers.get("content-type", "")
            ctype = msg.get_content_type() if headers.get("content-type") else ""
            charset = msg.get_param("charset")
            return Response(
                url=url, final_url=current, content_type=ctype,
                charset=charset if isinstance(charset, str) else "", body=body,
                fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        raise FetchError(f"too many redirects (more than {self.max_redirects})")

    def _get_with_retries(self, url: str) -> tuple[int, dict[str, str], bytes]:
        wait = self.backoff
        for attempt in range(self.retries + 1):
            status, headers, body = self._get(url)
            if status not in (429, 503) or attempt == self.retries:
                return status, headers, body
            after = headers.get("retry-after", "")
            delay = float(after) if after.strip().isdigit() else wait
            time.sleep(min(delay, MAX_WAIT_S))
            wait *= 2
        raise AssertionError("unreachable")

    def _get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        host = parts.hostname
        if not host:
            raise FetchError(f"no host in {url}")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"bad port in {url}") from None
        connect_to = host if self.allow_private else check_address(host, port)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        netloc = parts.netloc.rsplit("@", 1)[-1]  # never send userinfo as the Host
        timeout = urllib3.Timeout(connect=self.timeout, read=self.timeout)
        pool: urllib3.HTTPConnectionPool
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                connect_to, port, timeout=timeout, retries=False, server_hostname=host,
                assert_hostname=host, maxsize=1,
            )
        else:
            pool = urllib3.HTTPConnectionPool(connect_to, port, timeout=timeout, retries=False,
                                              maxsize=1)
        headers = {"Host": netloc, "User-Agent": USER_AGENT, "Accept": ACCEPT,
                   "Accept-Encoding": "gzip, deflate"}
        deadline = time.monotonic() + self.timeout
        with self._slot(host.lower()):
            try:
                resp = pool.urlopen("GET", path, headers=headers, redirect=False,
                                    retries=False, preload_content=False)
                try:
                    got = {k.lower(): v for k, v in resp.headers.items()}
                    length = got.get("content-length", "")
                    if length.isdigit() and int(length) > self.max_bytes:
                        raise FetchError(f"larger than the limit ({_mb(self.max_bytes)})")
                    chunks: list[bytes] = []
                    size = 0
                    if resp.status < 300 or resp.status >= 400:
                        for chunk in resp.stream(64 * 1024, decode_content=True):
                            size += len(chunk)
                            if size > self.max_bytes:
                                raise FetchError(f"larger than the limit ({_mb(self.max_bytes)})")
                            if time.monotonic() > deadline:
                                raise FetchError(f"timed out after {self.timeout:g} s")
                            chunks.append(chunk)
                    return resp.status, got, b"".join(chunks)
                finally:
                    resp.release_conn()
                    resp.close()
            except (urllib3.exceptions.TimeoutError, TimeoutError):
                raise FetchError(f"timed out after {self.timeout:g} s") from None
            except urllib3.exceptions.SSLError as exc:
                raise FetchError(f"TLS error with {host}: {exc}") from None
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise FetchError(f"cannot connect to {host}: {_short(exc)}") from None
            finally:
                pool.close()


def _short(exc: BaseException) -> str:
    text = str(exc)
    if "Connection refused" in text:
        return "connection refused"
    return text.split(": ", 1)[-1][:200]

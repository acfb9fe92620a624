"""A built site served over HTTP on a free localhost port, for the browser that prints it."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs (search index, sitemap) on close


class serve:
    """The site served over HTTP on a free localhost port while the block runs; yields its URL."""

    def __init__(self, site_dir: Path):
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        self.server = _QuietServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

"""The Node tools the schema tests drive (installed by `make test` into tests/node_modules), and a
minimal Language Server Protocol client to ask yaml-language-server what an editor would offer."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AJV = NODE_MODULES / ".bin" / "ajv"
YAML_LANGUAGE_SERVER = NODE_MODULES / "yaml-language-server" / "bin" / "yaml-language-server"


def require_node_tools() -> None:
    missing = [tool for tool in (AJV, YAML_LANGUAGE_SERVER) if not tool.exists()]
    assert not missing, f"{missing[0]} is missing: `make test` installs tests/node_modules"


class YamlLanguageServer:
    """yaml-language-server over stdio, as an editor runs it."""

    def __init__(self):
        self.process = subprocess.Popen(["node", str(YAML_LANGUAGE_SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.last_id = 0
        self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})

    def close(self) -> None:
        self.process.kill()
        self.process.wait()

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _receive(self) -> dict:
        length = 0
        while (line := self.process.stdout.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        assert length, "yaml-language-server stopped answering"
        return json.loads(self.process.stdout.read(length))

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def _answer(self, message: dict) -> None:
        """Answer a request of the server: it asks for the editor's settings."""
        items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else None
        result = [{"validate": True, "completion": True, "hover": True}] * len(items) if items else None
        self._send({"id": message["id"], "result": result})

    def request(self, method: str, params: dict):
        self.last_id += 1
        self._send({"id": self.last_id, "method": method, "params": params})
        while True:
            message = self._receive()
            if "method" in message and "id" in message:
                self._answer(message)
            elif message.get("id") == self.last_id:
                return message.get("result")

    def completions(self, uri: str, text: str, line: int, character: int) -> list[str]:
        """The labels offered at (line, character) of a document with this text."""
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                         "position": {"line": line, "character": character}})
        items = result["items"] if isinstance(result, dict) else result or []
        return sorted(item["label"] for item in items)

    def diagnostics(self, uri: str, text: str) -> list[dict]:
        """What the server underlines in a document with this text: its published diagnostics."""
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        while True:
            message = self._receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]
            if "method" in message and "id" in message:
                self._answer(message)

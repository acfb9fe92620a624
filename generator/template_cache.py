"""Compiled Jinja templates kept for the life of the process.

`mkdocs serve` rebuilds the whole site on every save, with new template environments each time;
compiling the templates again was most of a rebuild. Jinja checks each cached template against its
source, so an edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2 import MemcachedBytecodeCache


class _Memory(dict):
    """Jinja's memcached client protocol over a dict."""

    def set(self, key, value, timeout=None):
        self[key] = value


COMPILED_TEMPLATES = MemcachedBytecodeCache(_Memory())

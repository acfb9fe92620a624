"""Markdown conversions kept between builds, in the project's `.cache/course-markdown/` folder.

Python-Markdown is a third of a build, and most pages come out the same as at the last build. A page
is converted again only when something its HTML depends on changed: its Markdown, its address, the
site's files (links are resolved against them), mkdocs.yml's extensions and their settings, the link
validation settings, the versions of MkDocs and the Markdown packages, or this folder's code. All of
that is hashed into the page's key, and an entry is used only when its key is the same.

A page whose conversion logged anything (a broken link, an unknown anchor) is not kept, so every
build shows its message again. Entries are JSON, each written whole (a new file renamed into place),
and a one-off build deletes those of pages it no longer has. The SharedConverter uses the cache; it
converts only with extensions known to depend on nothing but the page (converter.reusable).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs.structure import pages as mkdocs_pages

CACHE_FOLDER = Path(".cache") / "course-markdown"
_FORMAT = 1  # raised when an entry's fields change
_HERE = Path(__file__).parent


class ConversionCache:
    """The kept conversions of one configuration's builds (a folder of JSON entries)."""

    def __init__(self, folder: Path, context: str):
        self.folder = folder
        self._context = context  # what every page's key shares (configuration, versions, code)
        self._files = None  # (the build's Files, the hash of their addresses)
        self.used: set[str] = set()  # entry names read or written in this build

    @classmethod
    def for_build(cls, config, variant: str) -> ConversionCache:
        """The cache of config's project; variant tells builds of one mkdocs.yml apart (edition, language)."""
        project = Path(config.config_file_path or ".").resolve().parent
        name = hashlib.blake2b(f"{config.config_file_path}\n{variant}\n{config.use_directory_urls}".encode(),
                               digest_size=8).hexdigest()
        extensions = [extension if isinstance(extension, str)
                      else f"{type(extension).__module__}.{type(extension).__qualname__}"
                      for extension in config.markdown_extensions]
        context = json.dumps([_FORMAT, _versions(), _code_hash(), extensions, config.mdx_configs or {},
                              config.use_directory_urls, repr(config.validation)], sort_keys=True, default=_named)
        return cls(project / CACHE_FOLDER / name, context)

    def key(self, page, files) -> str:
        """What page's conversion depends on, hashed."""
        if self._files is None or self._files[0] is not files:
            self._files = (files, files_digest(files))
        text = "\n".join([self._context, self._files[1], page.file.src_uri, page.url, page.markdown])
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    def get(self, uri: str, key: str) -> dict | None:
        """The entry of page uri, if its key is key."""
        name = _entry_name(uri)
        self.used.add(name)
        try:
            with open(self.folder / name, encoding="utf-8") as file:
                entry = json.load(file)
        except (OSError, ValueError):
            return None  # none yet, or unreadable: converted again and written anew
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def put(self, uri: str, entry: dict) -> None:
        """Keep entry (with its key) for page uri; a folder that cannot be written keeps nothing."""
        name = _entry_name(uri)
        self.used.add(name)
        temporary = self.folder / f".{name}.{os.getpid()}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(entry), encoding="utf-8")
            os.replace(temporary, self.folder / name)
        except OSError:
            temporary.unlink(missing_ok=True)

    def prune(self) -> None:
        """Delete the entries that this build neither read nor wrote (pages gone since)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(".json") and name not in self.used:
                (self.folder / name).unlink(missing_ok=True)


def files_digest(files) -> str:
    """A hash of the addresses of the site's files: a page's links are resolved against them."""
    addresses = "\n".join(sorted(f"{file.src_uri} {file.url}" for file in files))
    return hashlib.blake2b(addresses.encode(), digest_size=16).hexdigest()


def conversion(page, toc) -> dict:
    """What Page.render made of page, its table of contents given as toc (an object, or its tokens)."""
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return {"content": page.content, "toc": toc, "title": page._title_from_render,
            "anchors": list(page.present_anchor_ids or ()), "links": links}


def restore(page, kept: dict, files, toc) -> None:
    """Give page what conversion() kept of an earlier render, with toc as its table of contents."""
    page.content, page.toc, page._title_from_render = kept["content"], toc, kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:  # as Page.render sets them
        targets = {uri: files.get_file_from_path(uri) for uri in kept["links"]}
        page.links_to_anchors = {targets[uri]: anchors for uri, anchors in kept["links"].items() if targets[uri]}


class LogCount(logging.Handler):
    """Counts what MkDocs logs at level or above while it is installed (a `with` block)."""

    def __init__(self, level=logging.WARNING):
        super().__init__(level)
        self.count = 0

    def emit(self, record):
        self.count += 1

    def __enter__(self):
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("mkdocs").removeHandler(self)


def _entry_name(uri: str) -> str:
    return hashlib.blake2b(uri.encode(), digest_size=12).hexdigest() + ".json"


def _named(value) -> str:
    """A setting that JSON cannot write (a function, an object), by its name: the same across builds."""
    kind = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    return f"{getattr(kind, '__module__', '')}.{kind.__qualname__}"


def _versions() -> dict:
    found = {}
    for package in ("mkdocs", "markdown", "pymdown-extensions"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = None
    return found


def _code_hash() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted([*_HERE.glob("*.py"), _HERE.parent / "quick_inline.py"]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()

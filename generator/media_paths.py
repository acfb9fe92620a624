"""Where a page finds the course's media: every reference to 'media/<file>' written relative to the
page, since the site publishes content/media/'s used files at media/, beside the pages (media.py
checks the references).

- `page_media_links` writes a generated page's references relative to its Markdown file, as any
  Markdown link is written (the engines then make them relative to the page's address);
- `html_media_urls` does for the raw HTML of a page what Zensical does itself and MkDocs does only
  for Markdown links: it makes a reference relative to the page's address.
"""

from __future__ import annotations

import posixpath
import re

from .models import MEDIA_FOLDER

# In a generated page, a reference written from the media folder: ](media/..., src="media/...
_PAGE_REFERENCE = re.compile(rf"""(\]\(\s*<?|\b(?:src|href|poster)=["'])(?:\./)?{MEDIA_FOLDER}/""")
_HTML_ATTRIBUTE = re.compile(r"""\b(src|href|poster)=(["'])([^"'#?]+)""")
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def page_media_links(content: str, page_path: str) -> str:
    """The page with its references to the media folder written relative to the page's file."""
    folder = posixpath.dirname(page_path)
    if not folder or f"{MEDIA_FOLDER}/" not in content:
        return content  # a page at the top already names media/ as it should
    prefix = posixpath.relpath(MEDIA_FOLDER, folder)
    return _PAGE_REFERENCE.sub(lambda match: f"{match[1]}{prefix}/", content)


def html_media_urls(html: str, page_file: str, page_url: str) -> str:
    """The page's HTML with each src, href or poster that names a media file relative to the page's
    file (page_file, as 'module/lesson.md') rewritten relative to the page's address (page_url, as
    'module/lesson/' or 'module/lesson.html').

    A reference Markdown made and the engine rewrote already points outside the site when read
    relative to the page's file, so it is left alone: the function can run on any finished page.
    """
    file_folder = posixpath.dirname(page_file)
    url_folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    if file_folder == url_folder.rstrip("/") or f"{MEDIA_FOLDER}/" not in html:
        return html

    def rewrite(match: re.Match) -> str:
        target = match[3]
        if _REMOTE.match(target):
            return match[0]
        resolved = posixpath.normpath(posixpath.join(file_folder, target))
        if not resolved.startswith(f"{MEDIA_FOLDER}/"):
            return match[0]
        return f"{match[1]}={match[2]}{posixpath.relpath(resolved, url_folder.rstrip('/') or '.')}"

    return _HTML_ATTRIBUTE.sub(rewrite, html)

"""Script tags made once per folder depth are MkDocs' own, page by page (mkdocs_site/script_tags.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.mkdocs_site import script_tags
from conftest import FIXTURES
from test_sidebar import _build


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The fixture course built with the kept script tags, and with MkDocs' filter per page."""
    tmp = tmp_path_factory.mktemp("script-tags")
    kept = _build(tmp, "kept", content=FIXTURES / "course")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(script_tags, "install", lambda env: False)
        each = _build(tmp, "each", content=FIXTURES / "course")
    return kept, each


def test_every_page_is_the_same_as_with_the_filter_per_page(sites):
    kept, each = sites
    pages = sorted(path.relative_to(kept) for path in kept.rglob("*.html"))
    assert len(pages) > 8 and pages == sorted(path.relative_to(each) for path in each.rglob("*.html"))
    different = [str(page) for page in pages
                 if (kept / page).read_bytes() != (each / page).read_bytes()]
    assert different == []
    lesson = (kept / "basics/first-steps/index.html").read_text(encoding="utf-8")
    assert '<script src="../../assets/course/core.js"></script>' in lesson


@pytest.mark.parametrize("url, key", [
    ("10-basics/first-steps/", ("depth", 2)), ("", ("depth", 0)), ("404.html", ("depth", 0)),
    ("a/b.html", ("depth", 1)), ("assets/guide/", ("page", "assets/guide/")),
])
def test_a_page_sharing_the_scripts_first_folder_gets_tags_of_its_own(url, key):
    context = {"page": SimpleNamespace(url=url)}
    assert script_tags.ScriptTags._key(context, {"assets"}) == key

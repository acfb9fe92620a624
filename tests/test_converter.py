"""One Markdown instance converts every page as a new instance per page does (mkdocs_site/converter.py)."""

from __future__ import annotations

import markdown
import pytest

from generator.build import build_course
from generator.mkdocs_site import final_html
from generator.mkdocs_site.conversion_cache import ConversionCache
from generator.mkdocs_site.converter import SharedConverter, reusable
from generator.quick_inline import QuickInlineExtension
from conftest import CONTENT, FIXTURES, ROOT
from test_quick_inline import NAMES, SETTINGS

COURSES = {"shipped": (CONTENT, CONTENT / "templates"), "course": (FIXTURES / "course", None),
           "authoring-course": (FIXTURES / "authoring-course", None),
           "learner-course": (FIXTURES / "learner-course" / "content", None),
           "rtl-course": (FIXTURES / "rtl-course" / "content", None)}


@pytest.mark.parametrize("course", COURSES)
def test_one_instance_reset_between_pages_converts_each_as_a_new_one(course):
    extensions = NAMES + [QuickInlineExtension()]
    shared = markdown.Markdown(extensions=extensions, extension_configs=SETTINGS)
    pages = [page for page in build_course(*COURSES[course]).pages if page.path.endswith(".md")]
    assert pages
    different = []
    for page in pages:
        text = final_html.set_aside(page.content)[0]
        fresh = markdown.Markdown(extensions=extensions, extension_configs=SETTINGS)
        expected = (fresh.convert(text), fresh.toc_tokens)
        shared.reset()
        if (shared.convert(text), shared.toc_tokens) != expected:
            different.append(page.path)
    assert different == []


def test_only_extensions_known_to_reset_share_an_instance():
    assert reusable(["toc", "markdown.extensions.tables", "pymdownx.superfences", QuickInlineExtension()])
    assert not reusable(["toc", "someone_elses.extension"])
    assert not reusable(["toc", markdown.extensions.Extension()])


def test_a_build_renders_its_pages_with_the_shared_instance(monkeypatch, tmp_path):
    """Every page of a build goes through SharedConverter.render, on one Markdown instance."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    instances, rendered = set(), []
    render = SharedConverter.render

    def counting(self, page, config, files):
        render(self, page, config, files)
        instances.add(id(self._md))
        rendered.append(page.file.src_uri)

    monkeypatch.setattr(SharedConverter, "render", counting)
    # Every page converted here, none read from the conversions an earlier build of mkdocs.yml kept.
    monkeypatch.setattr(ConversionCache, "get", lambda self, uri, key: None)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(instances) == 1 and "index.md" in rendered and len(rendered) > 30
    assert "Why Networking Feels Hard" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_nothing_of_one_page_reaches_the_next(tmp_path):
    """A reference, abbreviation or footnote defined on one page is not known on the next, and
    each page's links are resolved from its own place, as with an instance per page."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text("# A\n\nSee [r] and HTML[^1].\n\n[r]: https://example.org/\n"
                               "*[HTML]: Hypertext\n[^1]: A note.\n\n[B](sub/b.md)\n", encoding="utf-8")
    (docs / "sub" / "b.md").write_text("# B\n\nSee [r] and HTML[^1].\n\n[A](../a.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [abbr, footnotes, toc]\n",
                                         encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    converter = SharedConverter(config)
    html = {}
    for uri in ("a.md", "sub/b.md"):
        file = files.get_file_from_path(uri)
        page = Page(None, file, config)
        page.read_source(config)
        converter.install(page)
        page.render(config, files)
        html[uri] = page.content
    assert 'href="https://example.org/"' in html["a.md"] and "<abbr" in html["a.md"]
    assert 'href="../sub/b/"' in html["a.md"]
    assert "example.org" not in html["sub/b.md"] and "<abbr" not in html["sub/b.md"]
    assert "footnote" not in html["sub/b.md"] and 'href="../../a/"' in html["sub/b.md"]


def test_pages_without_a_marker_or_raw_ids_come_out_as_mkdocs_makes_them(tmp_path):
    """The shared instance skips the toc marker's search and the raw-HTML id parser where a page
    has neither; a page with the marker, or with ids in any spelling, still gets them, also after
    pages without."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    docs = tmp_path / "docs"
    docs.mkdir()
    texts = {"a.md": "# A\n\n[TOC]\n\n## Two\n\nText.\n",
             "b.md": "# B\n\n## One\n\nNo HTML here, nor a marker: an idea, a name.\n",
             "c.md": "# C\n\n<a name='there'></a>\n\n## Two\n\n[TOC]\n",
             "e.md": '# E\n\n<div ID = "here">x</div>\n',
             "d.md": "# D\n\n<p>No ids.</p>\n\n## Three\n",
             "f.md": '# F\n\n<div class="x" id\n="far">x</div>\n'}
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc, md_in_html]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    converter = SharedConverter(config)
    results = {}
    for name in [*texts, *texts]:  # twice round: each page after a page of the other kind
        made = results[name] = []
        for shared in (True, False):
            page = Page(None, files.get_file_from_path(name), config)
            page.read_source(config)
            if shared:
                converter.install(page)
            page.render(config, files)
            made.append((page.content, str(page.toc), page.present_anchor_ids))
        assert made[0] == made[1], name
    assert 'class="toc"' in results["c.md"][0][0] and "there" in results["c.md"][0][2]
    assert "here" in results["e.md"][0][2] and "far" in results["f.md"][0][2]
    assert 'class="toc"' not in results["b.md"][0][0] and results["b.md"][0][2] == {"b", "one"}

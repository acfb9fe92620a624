"""A course in two languages built by MkDocs: one site per language, each in its own language, with
the language switcher leading to the same page in the other, and published only as a whole."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from mkdocs.exceptions import PluginError

from conftest import FIXTURES, ROOT, mkdocs_build, zensical_build

from generator.mkdocs_site.languages import alternates, autonym, build_translations

SWITCHER_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" class="md-select__link"')


def pages(site: Path) -> list[str]:
    """Every page of one language's site, by its address below the site's root."""
    return sorted(str(path.relative_to(site).parent).replace(".", "") for path in site.rglob("index.html")
                  if not path.relative_to(site).parts[0] == "es" or site.name == "es")


def test_each_language_is_a_site_of_its_own_in_its_language(bilingual_site):
    site, _ = bilingual_site
    english = (site / "basics/first-steps/index.html").read_text(encoding="utf-8")
    spanish = (site / "es/basics/first-steps/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="es"' in spanish
    # A site named after its course is named after the translated course.
    assert "<title>First Steps - Listening Well</title>" in english
    assert "<title>Primeros pasos - Escuchar bien</title>" in spanish
    assert '<h1 id="first-steps">First Steps' in english
    assert '<h1 id="primeros-pasos">Primeros pasos' in spanish and "First Steps" not in spanish
    # Material's own labels follow each site's language (theme.language), and so does its search.
    assert 'placeholder="Search"' in english and 'placeholder="Búsqueda"' in spanish
    assert (site / "es/search/search_index.json").is_file()
    assert "<loc>http" in (site / "es/sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>http://[^<]+/es/basics/first-steps/</loc>", (site / "es/sitemap.xml").read_text())
    # One storage key for both: the course id, which no translation changes.
    for html in (english, spanish):
        assert '<meta name="course-id" content="bilingual-course">' in html


def test_the_switcher_leads_to_the_same_page_in_the_other_language(bilingual_site):
    site, url = bilingual_site
    english_pages = pages(site)
    assert pages(site / "es") == english_pages
    assert "basics/first-steps" in english_pages and "worksheets/listening-notes" in english_pages
    for address in english_pages:
        for root, current in ((site, "en"), (site / "es", "es")):
            page_url = urljoin(url, ("es/" if current == "es" else "") + (address + "/" if address else ""))
            html = (root / address / "index.html").read_text(encoding="utf-8")
            links = {lang: urljoin(page_url, href) for href, lang in SWITCHER_LINK.findall(html)}
            assert links == {"en": urljoin(url, address + "/" if address else ""),
                             "es": urljoin(url, "es/" + (address + "/" if address else ""))}, address
            assert re.search(rf'hreflang="{current}" lang="{current}" class="md-select__link" aria-current="true"', html)


def test_the_switcher_names_each_language_in_itself():
    assert [autonym(tag) for tag in ("en", "es", "de", "pt-BR")] == ["English", "Español", "Deutsch",
                                                                     "Português (Brasil)"]
    assert alternates("en", ["es", "de"], "en") == [{"name": "English", "link": "", "lang": "en"},
                                                    {"name": "Español", "link": "es/", "lang": "es"},
                                                    {"name": "Deutsch", "link": "de/", "lang": "de"}]
    assert [alt["link"] for alt in alternates("en", ["es", "de"], "de")] == ["../", "../es/", ""]


def test_a_translation_that_does_not_build_is_an_error_naming_it(tmp_path):
    with pytest.raises(PluginError, match=r"the Spanish \('es'\) site did not build \(see above\): nothing was published"):
        build_translations(str(tmp_path / "missing.yml"), tmp_path / "site", ["es"], strict=True)


def test_a_failed_language_leaves_the_published_site_as_it_was(tmp_path):
    """The Spanish site breaks where only its own build sees it: the published site keeps both languages."""
    from learner_support import fixture_config

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual-course" / "content", content)
    config = fixture_config(tmp_path / "config", "http://127.0.0.1:8000/", content)
    site = tmp_path / "site"
    assert mkdocs_build(site, config).returncode == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    # A Markdown template override that only Spanish pages trip over: an unknown variable.
    templates = content / "templates"
    templates.mkdir()
    builtin = (ROOT / "generator/templates/lesson.md.j2").read_text(encoding="utf-8")
    trap = '{% if lesson.title == "Primeros pasos" %}{{ nothing.here }}{% endif %}\n'
    (templates / "lesson.md.j2").write_text(builtin + trap, encoding="utf-8")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"][1]["course"]["templates_dir"] = str(templates)
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    result = mkdocs_build(site, config)
    assert result.returncode != 0
    assert "'nothing' is undefined" in result.stderr
    assert "the Spanish ('es') site did not build (see above): nothing was published" in result.stderr
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert not list(tmp_path.glob(".site.staging-*"))


def test_zensical_builds_every_language_too(tmp_path):
    from learner_support import fixture_config

    config = fixture_config(tmp_path / "config", "http://127.0.0.1:8000/", FIXTURES / "bilingual-course" / "content")
    site = tmp_path / "site"
    result = zensical_build(site, config, tmp_path / "project")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("pages in 2 languages with Zensical into " + str(site))
    spanish = (site / "es/basics/first-steps/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish and '<h1 id="primeros-pasos">Primeros pasos' in spanish
    assert SWITCHER_LINK.findall(spanish) == [("../../../basics/first-steps/", "en"), ("../../basics/first-steps/", "es")]
    english = (site / "basics/first-steps/index.html").read_text(encoding="utf-8")
    assert SWITCHER_LINK.findall(english) == [("../../basics/first-steps/", "en"), ("../../es/basics/first-steps/", "es")]
    assert '<meta name="course-id" content="bilingual-course">' in spanish

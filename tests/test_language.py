"""The course says its language (course.yml `language`, a BCP 47 tag): the theme's own labels, every
page's <html lang>, the search language, Zensical's config and the LMS packages follow it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from authoring import edit
from conftest import FIXTURES, ROOT, mkdocs_build
from generator.build import build_course
from generator.cli import main
from generator.language import canonical, language_problem, theme_language
from generator.zensical.project import zensical_config


def course_in(tmp: Path, language: str | None) -> Path:
    """A copy of the fixture course, in `language` (None: course.yml says nothing)."""
    content = tmp / "content"
    shutil.copytree(FIXTURES / "course", content)
    if language is not None:
        edit(content / "course.yml", "modules: [basics]", f"modules: [basics]\nlanguage: {language}")
    return content


def site_config(tmp: Path, content: Path) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(content), site_url="http://127.0.0.1:8000/")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = ["search", {"course": {"content_dir": str(content)}}]
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


@pytest.mark.parametrize("tag, message", [
    ("Spanish", "'Spanish' is not a language tag: did you mean 'es'?"),
    ("español", "'español' is not a language tag: did you mean 'es'?"),
    ("EN", "'EN' is written 'en' in a language tag"),
    ("pt_br", "'pt_br' is written 'pt-BR' in a language tag"),
    ("zz", "no language is known by the tag 'zz': write a BCP 47 tag such as en, es, de or pt-BR"),
    ("en-", "'en-' is not a language tag: write a BCP 47 tag such as en, es, de or pt-BR"),
])
def test_a_wrong_tag_is_refused_with_what_to_write(tag, message):
    assert language_problem(tag) == message


@pytest.mark.parametrize("tag", ["en", "es", "de", "pt-BR", "zh-Hant", "ar", "he", "es-419"])
def test_real_tags_are_accepted(tag):
    assert language_problem(tag) is None and canonical(tag) == tag


def test_validate_names_the_file_line_and_field(tmp_path):
    content = course_in(tmp_path, "Spanish")
    result = CliRunner().invoke(main, ["validate", str(content)])
    assert result.exit_code == 1
    assert f"{content.name}/course.yml:9:11: error: language: 'Spanish' is not a language tag: did you mean 'es'?" \
        in result.output.replace(str(content.parent) + "/", "")


def test_a_course_is_in_english_unless_it_says_otherwise(tmp_path):
    assert build_course(course_in(tmp_path, None)).bundle.course.language == "en"


@pytest.mark.parametrize("tag, theme", [("pt-BR", "pt-BR"), ("pt-PT", "pt"), ("es-MX", "es"),
                                        ("zh-Hant-TW", "zh-Hant"), ("de", "de"), ("sw", None)])
def test_the_theme_language_is_the_closest_the_theme_has(tag, theme):
    available = {"en", "es", "de", "pt", "pt-BR", "zh", "zh-Hant"}
    assert theme_language(tag, available) == theme


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("es-site")
    content = course_in(tmp, "es-MX")
    done = mkdocs_build(tmp / "site", site_config(tmp, content))
    assert done.returncode == 0, done.stderr
    return tmp / "site"


def test_pages_say_the_course_language_and_the_theme_speaks_it(spanish_site):
    for page in ("index.html", "basics/first-steps/index.html", "404.html"):
        assert '<html lang="es-MX"' in (spanish_site / page).read_text(encoding="utf-8"), page
    home = (spanish_site / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Búsqueda"' in home  # Material's Spanish search box
    assert 'placeholder="Search"' not in home


def test_search_uses_the_course_language(spanish_site):
    index = json.loads((spanish_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]


def test_a_language_the_theme_lacks_builds_in_english_labels(tmp_path):
    content = course_in(tmp_path, "sw")
    done = mkdocs_build(tmp_path / "site", site_config(tmp_path, content), "--no-strict")
    assert done.returncode == 0, done.stderr
    assert ("course.yml: language 'sw': Material for MkDocs has no interface in this language; its own "
            "labels (search, navigation, the palette switch) stay in English") in done.stderr
    # The course's own interface has no Swahili catalogue either: a warning, which a strict build fails on.
    assert "warning: language: the interface has no catalogue in Swahili ('sw')" in done.stderr
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="sw"' in home and 'placeholder="Search"' in home


def test_zensical_is_given_the_course_language(tmp_path):
    pytest.importorskip("zensical")
    result = build_course(course_in(tmp_path, "de"))
    config = zensical_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text()), result, ROOT, tmp_path / "project")
    assert config["theme"]["language"] == "de"


def test_lms_packages_say_the_course_language(tmp_path):
    content = course_in(tmp_path, "es")
    config = site_config(tmp_path, content)
    for kind, name in (("scorm", "course.zip"), ("cartridge", "course.imscc")):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["export", kind, "--config", str(config), "--out", str(out)])
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(out) as package:
            if kind == "scorm":
                assert '<html lang="es">' in package.read("launch.html").decode()
            else:
                manifest = package.read("imsmanifest.xml").decode()
                assert ">es</lomimscc:language>" in manifest and 'language="es"' in manifest


RTL_COURSE = FIXTURES / "rtl-course" / "content"


def test_a_right_to_left_course_mirrors_its_printed_running_heads():
    """On paper a worksheet's title heads the page at the end of its lines (left in Arabic), the Name
    line and the course's title sit at their start (right), and the page number at the end."""
    result = build_course(RTL_COURSE)
    worksheet = next(page.content for page in result.pages if page.path == "worksheets/my-confidence.md")
    assert '@top-left { content: "ثقتي في التعارف"' in worksheet
    assert "@top-right { content: counter(page, course-later-name)" in worksheet
    assert '@bottom-right { content: "أساسيات التعارف المهني"' in worksheet
    pack = next(page.content for page in result.pages if page.path == "worksheets/printable.md")
    assert "@bottom-left { content: " in pack and '@bottom-right { content: "أساسيات التعارف المهني"' in pack


def test_a_left_to_right_course_keeps_its_running_heads(tmp_path):
    result = build_course(course_in(tmp_path, "es"))
    worksheet = next(page.content for page in result.pages if page.path.startswith("worksheets/")
                     and "@page {" in page.content)
    assert "@top-right { content: " in worksheet and "@top-left { content: counter(page, course-later-name)" in worksheet


def test_the_lms_launch_page_says_right_to_left():
    from generator.export.scorm import launch_page

    assert '<html lang="ar" dir="rtl">' in launch_page(build_course(RTL_COURSE).bundle, "1.2")


def test_zensical_pages_say_right_to_left_on_their_root(tmp_path):
    pytest.importorskip("zensical")
    from conftest import zensical_build
    from rtl_support import rtl_config

    site = tmp_path / "site"
    done = zensical_build(site, rtl_config(tmp_path, "http://127.0.0.1:8000/"))
    assert done.returncode == 0, done.stderr
    for page in ("index.html", "basics/first-meeting/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert '<html lang="ar" dir="rtl"' in html and '<body dir="rtl"' in html, page


def test_the_labels_printed_by_the_style_sheets_are_in_the_course_language():
    from generator.catalogue import speaking
    from generator.interface_assets import styles

    with speaking("ar"):
        css = styles()
    assert '@page { @bottom-left { content: "صفحة " counter(page) " من " counter(pages); } }' in css
    assert '@counter-style course-name-line { system: cyclic; symbols: "الاسم ______' in css  # later pages' head

"""The right-to-left fixture course (tests/fixtures/rtl-course, in Arabic), built once per test run with
the repository's mkdocs.yml and overrides and served on localhost, for the tests of the mirrored layout."""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, mkdocs_build
from learner_support import fixture_config

from generator.export.pdf import serve

RTL_COURSE = FIXTURES / "rtl-course" / "content"
COURSE_ID = "rtl-test-course"
SITE_NAME = "أساسيات التعارف المهني"  # the course's title, as a course in Arabic names its site


def rtl_config(tmp, site_url: str):
    path = fixture_config(tmp, site_url, RTL_COURSE)
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["site_name"] = SITE_NAME
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def rtl_site(tmp_path_factory):
    """The built Arabic site and its address: (folder, url)."""
    tmp = tmp_path_factory.mktemp("rtl-course")
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        result = mkdocs_build(site, rtl_config(tmp, url))
        assert result.returncode == 0, result.stderr
        yield site, url

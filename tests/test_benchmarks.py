"""The benchmark harness's pieces, on tiny sizes (the benchmarks themselves never run in tests)."""

from __future__ import annotations

import sys

from conftest import CONTENT, ROOT, mkdocs_build

sys.path.insert(0, str(ROOT))
from benchmarks import run  # noqa: E402
from benchmarks.sites import make_plain_project, make_plugin_project  # noqa: E402
from benchmarks.synthetic import make_course, plan  # noqa: E402
from generator.build import build_course, check_course  # noqa: E402


def test_a_synthetic_course_is_valid_with_no_warnings(tmp_path):
    counts = make_course(tmp_path / "content", 23)
    bundle, warnings = check_course(tmp_path / "content")
    assert warnings == []
    assert counts == {"modules": 3, "lessons": 23, "exercises": len(bundle.exercises),
                      "worksheets": len(bundle.worksheets)}
    assert (len(bundle.modules), len(bundle.lessons)) == (3, 23)


def test_a_synthetic_course_has_the_real_course_proportions():
    bundle, _ = check_course(CONTENT)
    counts = plan(len(bundle.lessons))
    assert (counts["exercises"], counts["worksheets"]) == (len(bundle.exercises), len(bundle.worksheets))


def test_every_synthetic_lesson_meets_the_minutes_rule(tmp_path):
    import math

    make_course(tmp_path / "content", 12)
    bundle, _ = check_course(tmp_path / "content")
    for lesson in bundle.lessons.values():
        words = sum(len(section.body.split()) for section in lesson.sections)
        activities = sum(bundle.exercises[e].minutes for e in lesson.exercises)
        activities += bundle.worksheets[lesson.worksheet].minutes if lesson.worksheet else 0
        assert lesson.minutes == math.ceil(words / 200) + activities
        practised = {activity for objective in lesson.objectives for activity in objective.practised_by}
        assert practised and practised <= set(lesson.exercises) | {lesson.worksheet}


def test_the_same_size_gives_the_same_files(tmp_path):
    make_course(tmp_path / "a", 4)
    make_course(tmp_path / "b", 4)
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*.yml")}  # noqa: E731
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert next(iter(files(tmp_path / "a").values())).startswith(b"# yaml-language-server: $schema=")


def test_plugin_and_plain_projects_build_the_same_pages(tmp_path):
    content = tmp_path / "content"
    make_course(content, 3)
    sites = {}
    for name, make in (("plugin", make_plugin_project), ("plain", make_plain_project)):
        config = make(tmp_path / name, content, prune=name == "plain")
        result = mkdocs_build(tmp_path / f"site-{name}", config)
        assert result.returncode == 0, result.stderr
        sites[name] = sorted(p.relative_to(tmp_path / f"site-{name}").as_posix()
                             for p in (tmp_path / f"site-{name}").rglob("*.html"))
    pages = len([page for page in build_course(content).pages if page.path.endswith(".md")])
    assert sites["plugin"] == sites["plain"] and len([p for p in sites["plain"] if p != "404.html"]) == pages


def test_results_keep_the_written_analysis(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(f"# Results\n\nBefore.\n\n{run.START}\nold\n{run.END}\n\nAfter.\n", encoding="utf-8")
    run.update_results(path, "new table")
    assert path.read_text(encoding="utf-8") == f"# Results\n\nBefore.\n\n{run.START}\nnew table\n{run.END}\n\nAfter.\n"


def test_targets_report_a_miss_with_its_figure():
    generator = {size: {"runs": [{"cpu": size * 0.002 * (2 if size == 5000 else 1)}], "traced_peak_mb": 350,
                        "memory": {"rss_before_mb": 40, "rss_peak_mb": 400}} for size in (100, 5000)}
    lines = run.targets(generator, {}, {}, [100, 5000])
    assert any("flat" in line and "**no**" in line and "10.00 ms" not in line for line in lines)
    assert any("300 MB" in line and "350 MB" in line and "**no**" in line for line in lines)


def test_build_and_preview_targets_compare_with_the_floor_of_the_same_run():
    floor, course, again, zensical = list(run.BUILDS)
    builds = {(1000, floor): [{"cpu": 100.0, "wall": 100.0, "maxrss_mb": 200}],
              (1000, course): [{"cpu": 40.0, "wall": 41.0, "maxrss_mb": 230, "generator_cpu": 3.0,
                                "html_kb_per_page": 300}],
              (1000, again): [{"cpu": 25.0, "wall": 26.0, "maxrss_mb": 240, "generator_cpu": 3.0,
                               "html_kb_per_page": 300}],
              (1000, zensical): [{"cpu": 70.0, "wall": 50.0, "maxrss_mb": 2000, "generator_cpu": 3.5,
                                  "html_kb_per_page": 250}]}
    preview = {1000: {"visible_s": 1.5, "visible_max_s": 1.9, "failures": 0}, 0: {"visible_s": 1.2,
                                                                                  "visible_max_s": 1.3, "failures": 0}}
    lines = run.targets({}, {}, builds, [], preview)
    assert any("30 s CPU" in line and "40.0 s CPU" in line and "ratio 0.40" in line and "**no**" in line
               for line in lines)
    assert any("built again" in line and "25.0 s CPU" in line and "ratio 0.25" in line and line.endswith("yes |")
               for line in lines)
    assert any("50 MB" in line and "+30 MB" in line and line.endswith("yes |") for line in lines)
    assert any("1,000 lessons" in line and "1.50 s" in line and line.endswith("yes |") for line in lines)
    assert any("shipped course" in line and "1.20 s" in line and "**no**" in line for line in lines)
    table = "\n".join(run.build_table(builds, [1000]))
    assert "| 1,000 | MkDocs with the course plugin | 1 | 40.0 | 0.40 | 41.0 | 3.00 | 230 | +30 | 300 |" in table
    assert "| 1,000 | Zensical (course zensical build) | 1 | 70.0 | 0.70 | 50.0 | 3.50 | 2000 | +1800 | 250 |" in table

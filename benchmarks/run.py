"""Benchmarks of the course generator on synthetic courses: `make bench` (about ten minutes).

    .venv/bin/python benchmarks/run.py                 # everything; rewrites benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --quick         # small sizes, one run each: a smoke test
    .venv/bin/python benchmarks/run.py --help          # sizes, runs and what to skip

Every measurement runs in a fresh Python process (the `--worker` mode of this script) so that one
measurement's caches and memory do not leak into the next. Times are medians of several runs; wall
time and CPU time are both reported because the machine may be shared.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- measured:start -->", "<!-- measured:end -->"
sys.path.insert(0, str(ROOT))


# --- workers: each runs in its own process and prints one JSON object ---------------------------


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def work_generator(content: str, runs: int) -> dict:
    """The generator alone, stage by stage, from YAML files to Markdown pages in memory."""
    from generator.build import assemble, build_course, course_environment
    from generator.check import check
    from generator.instructor import edition_globals
    from generator.load import load_content
    from generator.render import _cached_inline_markdown, render_pages
    from generator.teaching import check_teaching
    from generator.validate import validate

    rows = []
    for _ in range(runs):
        # Each run as a fresh `mkdocs build` would do it: no labels converted yet. (Compiled templates
        # are kept, as in `mkdocs serve`; compiling them costs the same at any size.)
        _cached_inline_markdown.cache_clear()
        stages = {}
        start = _clock()
        mark = start
        sources, _ = load_content(Path(content))
        stages["load"], mark = _since(mark)[0], _clock()
        validation = validate(sources)
        stages["validate"], mark = _since(mark)[0], _clock()
        bundle, _ = check(validation.files, validation.partial)
        warnings = check_teaching(bundle, validation.files)
        stages["check"], mark = _since(mark)[0], _clock()
        env = course_environment(None)
        env.globals.update(edition_globals(bundle, "learner"))
        pages = assemble(bundle, render_pages(bundle, env), warnings).pages
        stages["render"] = _since(mark)[0]
        wall, cpu = _since(start)
        rows.append({"wall": wall, "cpu": cpu, "stages": stages, "pages": len(pages)})
        del sources, validation, bundle, pages
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import tracemalloc

    tracemalloc.start()
    build_course(Path(content))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"runs": rows, "maxrss_mb": maxrss_mb, "traced_peak_mb": peak / 2**20}


def work_incremental(content: str, runs: int) -> dict:
    """A running process (the `mkdocs serve` path): one build, then one-lesson edits rebuilt."""
    from generator import incremental

    content_dir = Path(content)
    cache = incremental.cache_for(content_dir)
    start = _clock()
    cache.build()
    first = _since(start)
    lessons = sorted(content_dir.glob("*/lessons/*.yml"))

    def rebuild():
        start = _clock()
        cache.build()
        wall, cpu = _since(start)
        return {"wall": wall, "cpu": cpu, "rendered": list(cache.last.rendered), "loaded": len(cache.last.loaded)}

    start = _clock()
    noop = rebuild()
    edits, titles = [], []
    for run in range(runs):
        path = lessons[(run * 7919 + len(lessons) // 2) % len(lessons)]
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace("body: |\n", f"body: |\n    An edit, number {run}.\n\n", 1),
                        encoding="utf-8")
        edits.append(rebuild())
        lines = original.splitlines(keepends=True)
        path.write_text("".join(f"title: Retitled {run}\n" if line.startswith("title:") else line
                                for line in lines), encoding="utf-8")
        titles.append(rebuild())
        path.write_text(original, encoding="utf-8")
        cache.build()
    return {"first": first, "noop": noop, "edits": edits, "titles": titles}


def _timed_plugin():
    """Wrap the course plugin's hooks to time the generator's part of an mkdocs build.

    on_pre_build makes the pages, on_files hands them to MkDocs; spent[-1] is one build's sum.
    """
    from generator import incremental, plugin

    spent = []

    def timed(original, first):
        def hook(self, *args, **kwargs):
            start = _clock()
            try:
                return original(self, *args, **kwargs)
            finally:
                wall, cpu = _since(start)
                if first or not spent:
                    spent.append((wall, cpu))
                else:
                    spent[-1] = (spent[-1][0] + wall, spent[-1][1] + cpu)
        return hook

    plugin.CoursePlugin.on_pre_build = timed(plugin.CoursePlugin.on_pre_build, True)
    plugin.CoursePlugin.on_files = timed(plugin.CoursePlugin.on_files, False)
    return spent, incremental


def work_mkdocs(config: str, runs: int, site: str) -> dict:
    """Full `mkdocs build` runs of one project, each from a cold generator cache."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Only a build with the course plugin imports the generator: the plain build's memory is MkDocs' own.
    plugins = (yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {}).get("plugins", [])
    course = any(isinstance(plugin, dict) and "course" in plugin for plugin in plugins)
    spent, incremental = _timed_plugin() if course else ([], None)
    rows = []
    for _ in range(runs):
        if incremental:
            incremental._CACHES.clear()  # a full build, not a rebuild
        shutil.rmtree(site, ignore_errors=True)
        cfg = load_config(config_file=config, site_dir=site)
        start = _clock()
        build(cfg)
        wall, cpu = _since(start)
        rows.append({"wall": wall, "cpu": cpu})
        if course:
            rows[-1].update(generator=spent[-1][0], generator_cpu=spent[-1][1])
        spent.clear()
    pages = sum(1 for _ in Path(site).rglob("index.html"))
    size = sum(p.stat().st_size for p in Path(site).rglob("*.html")) / max(pages, 1)
    return {"runs": rows, "html_pages": pages, "html_kb_per_page": size / 1024,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# Where an mkdocs build spends its time: (file suffix, function) -> stage. Cumulative times.
PROFILE_STAGES = [
    ("total", "mkdocs/commands/build.py", "build"),
    ("course generator: pages (plugin on_pre_build)", "generator/plugin.py", "on_pre_build"),
    ("course generator: files and navigation (plugin on_files)", "generator/plugin.py", "on_files"),
    ("navigation (get_navigation)", "mkdocs/structure/nav.py", "get_navigation"),
    ("reading pages and Markdown to HTML (_populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("  of which Markdown to HTML (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("page HTML (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  of which search index per page (on_page_context)", "material/plugins/search/plugin.py", "on_page_context"),
    ("  of which writing files (write_file)", "mkdocs/utils/__init__.py", "write_file"),
    ("  of which Material's sidebar (partials/nav-item.html)", "partials/nav-item.html", "macro"),
    ("  of which the course's sidebar, drawn once (mkdocs_site/sidebar.py)", "mkdocs_site/sidebar.py", "__call__"),
    ("search index: write (on_post_build)", "material/plugins/search/plugin.py", "on_post_build"),
]


def work_profile(config: str, site: str, out: str) -> dict:
    """One profiled mkdocs build; cumulative seconds per stage of MkDocs."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=config, site_dir=site)
    profiler = cProfile.Profile(time.process_time)  # CPU time: waits for a busy core do not count
    profiler.runcall(build, cfg)
    profiler.dump_stats(out)
    stats = pstats.Stats(out).stats
    stages = {}
    for label, suffix, name in PROFILE_STAGES:
        rows = [row for (file, _, func), row in stats.items()
                if func == name and file.replace(os.sep, "/").endswith(suffix)]
        # A recursive macro's cumulative time counts nested calls again: take its outermost calls.
        stages[label] = max((row[3] for row in rows), default=0.0) if "nav-item" in suffix else \
            sum(row[3] for row in rows)
    search, write = (stages[label] for label in ("  of which search index per page (on_page_context)",
                                                  "  of which writing files (write_file)"))
    templates = ("  of which theme templates (the rest of _build_page)",
                 stages["page HTML (_build_page)"] - search - write)
    items = list(stages.items())
    at = next(i for i, (label, _) in enumerate(items) if "writing files" in label) + 1
    stages = dict(items[:at] + [templates] + items[at:])
    top = sorted(((row[2], f"{Path(file).parent.name}/{Path(file).name}:{func}")
                  for (file, _, func), row in stats.items()), reverse=True)[:12]
    return {"stages": stages, "top_own_time": top}


def work_memory(content: str) -> dict:
    """Peak memory of one clean generator build in a fresh process."""
    from generator.build import build_course

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = build_course(Path(content)).pages
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss_before_mb": before, "rss_peak_mb": after, "pages": len(pages)}


def work_preview(lessons: int | None, rounds: int) -> dict:
    """`mkdocs serve --dirty` of a course, edits saved and watched in Chromium (preview_latency.py)."""
    from benchmarks import preview_latency

    with contextlib.redirect_stdout(sys.stderr):  # its account of each step, shown by worker()
        return preview_latency.main(rounds, lessons)


from benchmarks.zensical_build import work_zensical  # noqa: E402 (needs ROOT on sys.path)
from generator.mkdocs_site.conversion_cache import CACHE_FOLDER  # noqa: E402

WORKERS = {"memory": work_memory, "preview": work_preview, "generator": work_generator, "incremental": work_incremental, "mkdocs": work_mkdocs,
           "profile": work_profile, "zensical": work_zensical}


def worker(kind: str, **kwargs) -> dict:
    """Run one worker in a fresh process and return what it printed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(kwargs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if done.returncode != 0:
        raise SystemExit(f"benchmark worker {kind} failed:\n{done.stderr[-4000:]}")
    if kind == "preview":
        print(done.stderr, end="", flush=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run ------------------------------------------------------------------------------------


def median(rows: list[dict], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def machine() -> list[str]:
    import mkdocs
    import pydantic
    import yaml
    from importlib.metadata import version

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
        memory = f"{int(memory) / 2**20:.1f} GB"
    except (OSError, StopIteration):
        memory = "unknown"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; memory {memory}",
        f"- {platform.platform()}; Python {platform.python_version()}",
        f"- mkdocs {mkdocs.__version__}, mkdocs-material {version('mkdocs-material')}, "
        f"pydantic {pydantic.VERSION}, Jinja2 {version('jinja2')}, PyYAML {yaml.__version__} "
        f"(libyaml: {'yes' if yaml.__with_libyaml__ else 'no'})",
    ]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="lesson counts for the generator alone")
    parser.add_argument("--mkdocs-sizes", default="100,1000", help="lesson counts for full mkdocs builds")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--mkdocs-runs", type=int, default=2, help="runs per mkdocs build at 1,000+ lessons")
    parser.add_argument("--preview-sizes", default="0,100,1000",
                        help="lesson counts for the preview (0: the shipped course)")
    parser.add_argument("--preview-rounds", type=int, default=5, help="saves per preview measurement")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled build")
    parser.add_argument("--quick", action="store_true", help="10 and 50 lessons, one run: a smoke test")
    parser.add_argument("--out", type=Path, default=RESULTS, help="the Markdown file to update")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker[0]](**json.loads(args.worker[1]))))
        return
    if args.quick:
        args.sizes, args.mkdocs_sizes, args.runs, args.mkdocs_runs = "10,50", "10", 1, 1
        args.preview_sizes, args.preview_rounds = "0", 2
    sizes = [int(s) for s in args.sizes.split(",") if s]
    mkdocs_sizes = [int(s) for s in args.mkdocs_sizes.split(",") if s]
    preview_sizes = [int(s) for s in args.preview_sizes.split(",") if s]

    from benchmarks.synthetic import make_course, plan

    began = time.time()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="course-bench-"))
    out: list[str] = []
    log = lambda text: print(text, flush=True)  # noqa: E731
    try:
        contents = {}
        for size in sorted(set(sizes) | set(mkdocs_sizes)):
            contents[size] = tmp / f"course-{size}" / "content"
            make_course(contents[size], size)
            log(f"made a course of {size} lessons: {plan(size)}")

        # 1. The generator alone.
        gen = {}
        for size in sizes:
            gen[size] = worker("generator", content=str(contents[size]), runs=args.runs)
            gen[size]["memory"] = worker("memory", content=str(contents[size]))
            log(f"generator {size}: {median(gen[size]['runs'], 'wall'):.2f} s")
        out += ["## The generator alone (load, validate, check, render)", "",
                "| lessons | files | pages | wall s (median) | CPU s | lessons/s (CPU) | CPU ms per lesson | "
                "load | validate | check | render | peak traced MB | peak RSS MB (growth) |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for size in sizes:
            rows = gen[size]["runs"]
            wall, cpu = median(rows, "wall"), median(rows, "cpu")
            files = sum(plan(size).values()) + 1
            stage = {name: statistics.median(r["stages"][name] for r in rows)
                     for name in ("load", "validate", "check", "render")}
            out.append(f"| {size:,} | {files:,} | {rows[0]['pages']:,} | {wall:.2f} | {cpu:.2f} | "
                       f"{size / cpu:,.0f} | {cpu / size * 1000:.2f} | "
                       + " | ".join(f"{stage[name]:.2f}" for name in stage)
                       + f" | {gen[size]['traced_peak_mb']:.0f} | {_rss(gen[size]['memory'])} |")
        out += ["", f"Stage columns are wall seconds (median of {args.runs} runs). Peak traced memory is "
                "tracemalloc's peak over one build (Python objects only); peak RSS is a fresh process "
                "that imports the generator and builds once, and growth is what the build added to it.", ""]

        # 2. A one-lesson edit in a running process.
        inc = {}
        for size in sizes:
            inc[size] = worker("incremental", content=str(contents[size]), runs=max(args.runs, 5))
            log(f"incremental {size}: {median(inc[size]['edits'], 'wall') * 1000:.0f} ms")
        out += ["## Regenerating after a one-lesson edit, in a running process (the `mkdocs serve` path)", "",
                "| lessons | first build s | no change ms | body edit ms (median) | CPU ms | pages rendered again "
                "| title edit ms | pages rendered again |",
                "|---:|---:|---:|---:|---:|---|---:|---|"]
        for size in sizes:
            data = inc[size]
            edit, title = data["edits"], data["titles"]
            out.append(f"| {size:,} | {data['first'][0]:.2f} | {data['noop']['wall'] * 1000:.0f} | "
                       f"{median(edit, 'wall') * 1000:.0f} | {median(edit, 'cpu') * 1000:.0f} | "
                       f"{', '.join(edit[0]['rendered'])} | {median(title, 'wall') * 1000:.0f} | "
                       f"{', '.join(title[0]['rendered'])} |")
        out += ["", f"Medians of {len(inc[sizes[0]]['edits'])} edits, each to a different lesson; each "
                "edit re-read exactly one file. The generator part only: MkDocs itself then rebuilds "
                "the whole site.", ""]

        # 3. Full builds of each size by every engine in BUILDS, in turns, so that a busy moment of a
        # shared machine falls on all alike.
        builds, course_configs = {}, {}
        for size in mkdocs_sizes:
            runs = args.runs if size < 1000 else args.mkdocs_runs
            measured = {name: [] for name in BUILDS}
            configs = {name: make(tmp / f"project-{size}-{_slug(name)}", contents[size])
                       for name, (make, _) in BUILDS.items()}
            course_configs[size] = configs[COURSE_BUILD]
            for _ in range(runs):
                for name, (_, measure) in BUILDS.items():
                    measured[name].append(measure(configs[name], tmp / f"site-{size}-{_slug(name)}"))
            for name, results in measured.items():
                builds[(size, name)] = results
                log(f"build {size} {name}: {median(results, 'cpu'):.1f} s CPU, {median(results, 'maxrss_mb'):.0f} MB")
        out += build_table(builds, mkdocs_sizes)

        # 4. The preview: `make serve` of the shipped course and of synthetic ones, edits seen in Chromium.
        preview = {}
        for size in preview_sizes:
            preview[size] = worker("preview", lessons=size or None, rounds=args.preview_rounds)
            log(f"preview {size or 'shipped'}: {preview[size].get('visible_s', float('nan')):.2f} s")
        out += preview_table(preview)

        # 5. Where a build with the course plugin spends its time.
        if not args.no_profile and mkdocs_sizes:
            size = max(mkdocs_sizes)
            prof = worker("profile", config=str(course_configs[size]),
                          site=str(tmp / "site-prof"), out=str(tmp / "build.prof"))
            total = prof["stages"]["total"]
            out += [f"## Profile of one {size:,}-lesson build (course plugin, cProfile of CPU time)", "",
                    "| stage | cumulative s | share |", "|---|---:|---:|"]
            out += [f"| {label} | {seconds:.1f} | {seconds / total:.0%} |" for label, seconds in prof["stages"].items()]
            out += ["", "Largest own times: " + "; ".join(f"`{name}` {seconds:.1f} s"
                                                         for seconds, name in prof["top_own_time"][:8]) + ".",
                    "cProfile slows Python code down, so shares matter here, not seconds.", ""]
            log("profiled")

        # 6. Targets.
        out += ["## Targets", ""]
        out += targets(gen, inc, builds, sizes, preview)
        load_after = os.getloadavg()
        out += ["", "## Machine", ""] + machine() + [
            f"- load average (1, 5, 15 min) at start {load_before[0]:.1f}, {load_before[1]:.1f}, "
            f"{load_before[2]:.1f}; at end {load_after[0]:.1f}, {load_after[1]:.1f}, {load_after[2]:.1f}",
            f"- measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(began))}; the whole run took "
            f"{(time.time() - began) / 60:.1f} min",
            f"- command: `{' '.join(['.venv/bin/python', 'benchmarks/run.py'] + (argv or sys.argv[1:]))}`"]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = "\n".join(out)
    print(report)
    update_results(args.out, report)


# --- full builds, one engine per entry ---------------------------------------------------------


def _mkdocs_project(course_plugin: bool):
    def make(project: Path, content: Path) -> Path:
        from benchmarks.sites import make_plain_project, make_plugin_project

        return (make_plugin_project if course_plugin else make_plain_project)(project, content)
    return make


def _mkdocs_once(config: Path, site: Path) -> dict:
    result = worker("mkdocs", config=str(config), runs=1, site=str(site))
    return dict(result["runs"][0], maxrss_mb=result["maxrss_mb"], html_kb_per_page=result["html_kb_per_page"])


def _mkdocs_build(config: Path, site: Path) -> dict:
    """A first build: no Markdown conversions kept from an earlier one (mkdocs_site/conversion_cache.py)."""
    shutil.rmtree(config.parent / CACHE_FOLDER, ignore_errors=True)
    return _mkdocs_once(config, site)


def _mkdocs_rebuild(config: Path, site: Path) -> dict:
    """A full build again after one of the same course, as `make site` run twice: the conversions of
    the first are kept (each page is still written, its template and search entry made anew)."""
    if not (config.parent / CACHE_FOLDER).is_dir():
        _mkdocs_once(config, site)  # the build before, not measured
    return _mkdocs_once(config, site)


COURSE_BUILD = "MkDocs with the course plugin"
COURSE_REBUILD = "MkDocs with the course plugin, built again (conversions kept)"
# How each full build is made: name -> (write a project for a course's content folder and return
# what the build reads, build it once in a fresh process and return {cpu, wall, maxrss_mb, ...}).
# The first is the floor the others are compared with: plain MkDocs with the same pages as Markdown
# files and the same navigation. Another engine adds an entry here and gets its rows.
def _zensical_build(config: Path, site: Path) -> dict:
    return worker("zensical", config=str(config), site=str(site))


BUILDS = {
    "plain MkDocs (the floor)": (_mkdocs_project(False), _mkdocs_build),
    COURSE_BUILD: (_mkdocs_project(True), _mkdocs_build),
    COURSE_REBUILD: (_mkdocs_project(True), _mkdocs_rebuild),
    # `course zensical build`: the generator writes a Zensical project, then Zensical builds it.
    "Zensical (course zensical build)": (_mkdocs_project(True), _zensical_build),
}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def build_table(builds: dict, sizes: list[int]) -> list[str]:
    floor = next(iter(BUILDS))
    out = ["## Full builds: the course against the plain-MkDocs floor, the shipped navigation", "",
           "| lessons | build | runs | CPU s | ratio to the floor (CPU) | wall s | generator CPU s | "
           "peak RSS MB | over the floor MB | HTML KB/page |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        base = builds[(size, floor)]
        for name in BUILDS:
            rows = builds[(size, name)]
            cpu, rss = median(rows, "cpu"), median(rows, "maxrss_mb")
            generator = f"{median(rows, 'generator_cpu'):.2f}" if "generator_cpu" in rows[0] else ""
            pages = f"{rows[0]['html_kb_per_page']:.0f}" if "html_kb_per_page" in rows[0] else ""
            out.append(f"| {size:,} | {name} | {len(rows)} | {cpu:.1f} | {cpu / median(base, 'cpu'):.2f} | "
                       f"{median(rows, 'wall'):.1f} | {generator} | {rss:.0f} | "
                       f"{rss - median(base, 'maxrss_mb'):+.0f} | {pages} |")
    return out + ["", "Every build runs in a fresh process, the builds of one size in turns; medians. The "
                  "navigation is mkdocs.yml's as shipped: every page's sidebar holds the whole course. "
                  "*generator CPU s*: the course plugin's on_pre_build and on_files. CPU time is the measure "
                  "that counts on a shared machine: wall time also holds the waits for a core.", ""]


def preview_table(preview: dict) -> list[str]:
    out = ["## The preview: `make serve`, a saved YAML file seen in the open page (Chromium)", "",
           "| lessons | server start s | body edit: save to visible s (median) | max s | site rebuild s "
           "(server log) | title edit: save to visible s | broken save keeps the last good site |",
           "|---|---:|---:|---:|---:|---:|---|"]
    for size, data in preview.items():
        figure = lambda key: f"{data[key]:.2f}" if key in data else "-"  # noqa: E731
        out.append(f"| {f'{size:,}' if size else 'shipped (17)'} | {figure('first_build_s')} | "
                   f"{figure('visible_s')} | {figure('visible_max_s')} | {figure('rebuild_s')} | "
                   f"{figure('title_visible_s')} | {'yes' if data.get('broken_save_kept') else '**no**'} |")
    return out + ["", "Each body edit saves a new section heading into one lesson and waits until the open "
                  "page shows it (medians of the rounds); a title edit rebuilds every page, as every "
                  "sidebar shows the title. Wall time on a shared machine.", ""]


def _rss(memory: dict) -> str:
    return f"{memory['rss_peak_mb']:.0f} (+{memory['rss_peak_mb'] - memory['rss_before_mb']:.0f})"


def targets(gen: dict, inc: dict, builds: dict, sizes: list[int], preview: dict | None = None) -> list[str]:
    lines = ["| target | measured | met |", "|---|---|---|"]

    def row(target, measured, met):
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    course, floor = builds.get((1000, COURSE_BUILD)), builds.get((1000, next(iter(BUILDS))))
    if course and floor:
        cpu, base = median(course, "cpu"), median(floor, "cpu")
        row("a full build of 1,000 lessons in ≤ 30 s CPU, the whole course in every sidebar: the first",
            f"{cpu:.1f} s CPU; the plain-MkDocs floor {base:.1f} s (ratio {cpu / base:.2f})", cpu <= 30)
        again = builds.get((1000, COURSE_REBUILD))
        if again:
            cpu = median(again, "cpu")
            row("the same, built again with the conversions of the build before",
                f"{cpu:.1f} s CPU (ratio {cpu / base:.2f})", cpu <= 30)
        extra = median(course, "maxrss_mb") - median(floor, "maxrss_mb")
        row("the plugin's memory over the plain build < 50 MB at 1,000 lessons",
            f"{median(course, 'maxrss_mb'):.0f} MB peak RSS against {median(floor, 'maxrss_mb'):.0f} MB: "
            f"{extra:+.0f} MB", extra < 50)
    for size, limit in ((1000, 2.0), (0, 1.0)):
        data = (preview or {}).get(size)
        if data and "visible_s" in data:
            label = f"{size:,} lessons" if size else "the shipped course"
            row(f"a one-lesson edit visible in the preview in {'≤' if size else '<'} {limit:.0f} s, {label}",
                f"{data['visible_s']:.2f} s median, {data['visible_max_s']:.2f} s max (wall, save to visible)",
                data["visible_s"] <= limit if size else data["visible_s"] < limit)
    per_lesson = {size: median(gen[size]["runs"], "cpu") / size * 1000 for size in sizes}
    if len(per_lesson) > 1:
        low, high = per_lesson[min(sizes)], per_lesson[max(sizes)]
        row(f"time per lesson flat from {min(sizes):,} to {max(sizes):,} lessons",
            ", ".join(f"{size:,}: {ms:.2f} ms" for size, ms in per_lesson.items()) + " (CPU)",
            high <= low * 1.15)
    if 1000 in inc:
        edits = inc[1000]["edits"]
        wall, cpu = median(edits, "wall") * 1000, median(edits, "cpu") * 1000
        only = all(len(e["rendered"]) == 1 and e["loaded"] == 1 for e in edits)
        row("a one-lesson edit renders only dependent pages, < 50 ms at 1,000 lessons",
            f"{cpu:.0f} ms CPU, {wall:.0f} ms wall; pages: {', '.join(edits[0]['rendered'])}",
            cpu < 50 and only)
    if 5000 in gen:
        peak, memory = gen[5000]["traced_peak_mb"], gen[5000]["memory"]
        growth = memory["rss_peak_mb"] - memory["rss_before_mb"]
        row("generator peak memory < 300 MB at 5,000 lessons",
            f"{peak:.0f} MB of Python objects at the peak; the process grew by {growth:.0f} MB to "
            f"{memory['rss_peak_mb']:.0f} MB RSS", peak < 300 and growth < 300)
    return lines


def update_results(path: Path, report: str) -> None:
    """Replace the measured part of RESULTS.md, keeping the written analysis around it."""
    block = f"{START}\n{report}\n{END}"
    if path.exists() and START in (text := path.read_text(encoding="utf-8")) and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = f"# Benchmark results\n\n{block}\n"
    path.write_text(text, encoding="utf-8")
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

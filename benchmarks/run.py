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
import cProfile
import json
import os
import platform
import pstats
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
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent, incremental = _timed_plugin()
    rows = []
    for _ in range(runs):
        incremental._CACHES.clear()  # a full build, not a rebuild
        shutil.rmtree(site, ignore_errors=True)
        cfg = load_config(config_file=config, site_dir=site)
        start = _clock()
        build(cfg)
        wall, cpu = _since(start)
        generator = spent[-1] if spent else (0.0, 0.0)
        rows.append({"wall": wall, "cpu": cpu, "generator": generator[0], "generator_cpu": generator[1]})
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
    ("search index: write (on_post_build)", "material/plugins/search/plugin.py", "on_post_build"),
]


def work_profile(config: str, site: str, out: str) -> dict:
    """One profiled mkdocs build; cumulative seconds per stage of MkDocs."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=config, site_dir=site)
    profiler = cProfile.Profile()
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


WORKERS = {"memory": work_memory, "generator": work_generator, "incremental": work_incremental, "mkdocs": work_mkdocs,
           "profile": work_profile}


def worker(kind: str, **kwargs) -> dict:
    """Run one worker in a fresh process and return what it printed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(kwargs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if done.returncode != 0:
        raise SystemExit(f"benchmark worker {kind} failed:\n{done.stderr[-4000:]}")
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
    parser.add_argument("--full-nav-limit", type=int, default=1000,
                        help="largest size also built with the full navigation (slow: it grows with pages²)")
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
    sizes = [int(s) for s in args.sizes.split(",") if s]
    mkdocs_sizes = [int(s) for s in args.mkdocs_sizes.split(",") if s]

    from benchmarks.sites import make_plain_project, make_plugin_project
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

        # 3. Full mkdocs builds: the plugin against the same pages as plain Markdown, run in turns so
        # that a busy moment of a shared machine falls on both alike.
        out += ["## Full `mkdocs build`: the course plugin against the same pages as plain Markdown", "",
                "| lessons | navigation | runs | plugin CPU s | plain CPU s | ratio (CPU) | plugin wall s | "
                "plain wall s | generator in the build: CPU s | share of plain CPU | HTML KB/page |",
                "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        builds = {}
        for size in mkdocs_sizes:
            for prune in ((False, True) if size <= args.full_nav_limit else (True,)):
                # The full navigation grows with pages squared: at 1,000 lessons one plugin build only.
                slow = size >= 1000 and not prune
                runs = 1 if slow else (args.runs if size < 1000 else args.mkdocs_runs)
                name = "pruned" if prune else "full"
                project = tmp / f"project-{size}-{name}"
                plugin_cfg = make_plugin_project(project / "plugin", contents[size], prune)
                plain_cfg = make_plain_project(project / "plain", contents[size], prune)
                with_plugin, plain = [], []
                for _ in range(runs):
                    with_plugin.append(worker("mkdocs", config=str(plugin_cfg), runs=1,
                                              site=str(project / "site-plugin")))
                    if not slow:
                        plain.append(worker("mkdocs", config=str(plain_cfg), runs=1,
                                            site=str(project / "site-plain")))
                a_rows = [r for w in with_plugin for r in w["runs"]]
                b_rows = [r for w in plain for r in w["runs"]]
                builds[(size, name)] = (a_rows, b_rows)
                a, aw = median(a_rows, "cpu"), median(a_rows, "wall")
                g = median(a_rows, "generator_cpu")
                b, bw = (median(b_rows, "cpu"), median(b_rows, "wall")) if b_rows else (float("nan"),) * 2
                out.append(f"| {size:,} | {name} | {runs} | {a:.1f} | {b:.1f} | {a / b:.3f} | {aw:.1f} | {bw:.1f} | "
                           f"{g:.2f} | {g / b:.1%} | {with_plugin[0]['html_kb_per_page']:.0f} |")
                log(f"mkdocs {size} {name}: plugin {a:.1f} s CPU, plain {b:.1f} s CPU")
        # One setting tried on the largest size: the cost of the search index.
        if mkdocs_sizes and not args.no_profile:
            size = max(mkdocs_sizes)
            config = make_plugin_project(tmp / f"project-{size}-nosearch", contents[size], True, search=False)
            rows = worker("mkdocs", config=str(config), runs=1, site=str(tmp / "site-nosearch"))["runs"]
            out.append(f"| {size:,} | pruned, no search plugin | 1 | {median(rows, 'cpu'):.1f} | | | "
                       f"{median(rows, 'wall'):.1f} | | {median(rows, 'generator_cpu'):.2f} | | |")
            log(f"mkdocs {size} without search: {median(rows, 'cpu'):.1f} s CPU")
        out += ["", "*navigation*: `full` is mkdocs.yml as shipped; `pruned` adds Material's "
                "`navigation.prune`. Plugin and plain builds run in turns, each in a fresh process; "
                "medians. *ratio*: plugin build / plain build, CPU time. *generator in the build*: CPU "
                "time inside the plugin's `on_pre_build` and `on_files` in the same runs. CPU time is the measure that "
                "counts on a shared machine: wall time also holds the waits for a core.", ""]

        # 4. Where MkDocs spends its time.
        if not args.no_profile and mkdocs_sizes:
            size = max(mkdocs_sizes)
            project = tmp / f"project-{size}-pruned"
            if not project.exists():
                make_plugin_project(project / "plugin", contents[size], True)
            prof = worker("profile", config=str(project / "plugin" / "mkdocs.yml"), site=str(tmp / "site-prof"),
                          out=str(tmp / "build.prof"))
            total = prof["stages"]["total"]
            out += [f"## Profile of one {size:,}-lesson build (plugin, pruned navigation, cProfile)", "",
                    "| stage | cumulative s | share |", "|---|---:|---:|"]
            out += [f"| {label} | {seconds:.1f} | {seconds / total:.0%} |" for label, seconds in prof["stages"].items()]
            out += ["", "Largest own times: " + "; ".join(f"`{name}` {seconds:.1f} s"
                                                         for seconds, name in prof["top_own_time"][:8]) + ".",
                    "cProfile slows Python code down, so shares matter here, not seconds.", ""]
            log("profiled")

        # 5. Targets.
        out += ["## Targets", ""]
        out += targets(gen, inc, builds, sizes)
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


def _rss(memory: dict) -> str:
    return f"{memory['rss_peak_mb']:.0f} (+{memory['rss_peak_mb'] - memory['rss_before_mb']:.0f})"


def targets(gen: dict, inc: dict, builds: dict, sizes: list[int]) -> list[str]:
    lines = ["| target | measured | met |", "|---|---|---|"]

    def row(target, measured, met):
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    pair = builds.get((1000, "pruned"))
    if pair and pair[1]:
        with_plugin, plain = pair
        a, b = median(with_plugin, "cpu"), median(plain, "cpu")
        g = median(with_plugin, "generator_cpu")
        row("generator adds ≤ 10% to a full mkdocs build of 1,000 lessons (pruned navigation)",
            f"generator {g:.2f} s CPU = {g / b:.1%} of the plain build ({b:.1f} s CPU); "
            f"plugin/plain ratio {a / b:.3f}", g / b <= 0.10)
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

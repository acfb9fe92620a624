"""A full `course zensical build` of a synthetic course, for the build table of benchmarks/run.py.

The generator writes the Zensical project in the worker's process; `zensical build` runs as its
child (a Rust runtime with threads), so Zensical's CPU time and peak RSS are read from the
children's resource usage. Each build runs in a fresh process, from an empty Zensical cache.
"""

from __future__ import annotations

import resource
import shutil
import time
from pathlib import Path


def _children() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def work_zensical(config: str, site: str) -> dict:
    from generator.zensical.project import generate_project
    from generator.zensical.site import build_site

    config, site = Path(config), Path(site)
    project = site.with_name(f"{site.name}-project")
    shutil.rmtree(project, ignore_errors=True)  # a cold build: no pages, no cache from a previous run
    start, cpu = time.perf_counter(), time.process_time()
    generate_project(config, project)
    generator_cpu = time.process_time() - cpu
    build_site(project, site, strict=False)
    wall = time.perf_counter() - start
    zensical_cpu, zensical_rss = _children()
    pages = sum(1 for _ in site.rglob("index.html"))
    size = sum(path.stat().st_size for path in site.rglob("*.html")) / max(pages, 1)
    return {"wall": wall, "cpu": generator_cpu + zensical_cpu, "generator_cpu": generator_cpu,
            "html_kb_per_page": size / 1024, "zensical_maxrss_mb": zensical_rss,
            # The larger of the two processes: Zensical's own at any size worth measuring.
            "maxrss_mb": max(zensical_rss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}

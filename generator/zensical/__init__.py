"""Zensical as a second engine: the course written as a Zensical project and built by `zensical build`.

Zensical reads mkdocs.yml but runs no MkDocs plugins, so what the course plugin adds at build time
(the pages, the navigation in course order, the course id) is written into the project instead: the
Markdown pages in its docs folder and a generated config beside them. Every theme setting is taken
from mkdocs.yml, so the two engines build the same site from one configuration.

project.py writes the project, site.py runs `zensical build`, serve.py previews, cli.py is
`course zensical build|serve`.
"""

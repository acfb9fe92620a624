"""Course generator: YAML course content in, Markdown pages out.

The pipeline, one module per stage:
    load (YAML with source positions) -> validate (typed models) -> check (cross-references)
    -> render (Jinja2 Markdown) -> emit (the MkDocs plugin, or the `course` command line).
"""

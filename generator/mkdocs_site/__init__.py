"""The MkDocs side of the course: what the plugin (generator/plugin.py) adds to an MkDocs build.

The generator's core knows nothing of MkDocs; these modules know nothing of the course.
"""

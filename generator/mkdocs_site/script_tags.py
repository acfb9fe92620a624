"""Material's script tags, made once per folder depth instead of once per page.

The course's page scripts are split by feature, so every page ends in some thirty <script> tags,
each made by MkDocs' `script_tag` filter: a Jinja filter call, a URL made relative to the page and a
Markup format. At 1,000 lessons that was a second of the build for the same few lines at every
depth. Here the tags are made with the same filter for the first page of each depth and kept, and
the loop in Material's `base.html` calls for them; tests/test_script_tags.py compares the pages.
"""

from __future__ import annotations

from jinja2 import ChoiceLoader, DictLoader, Environment, pass_context
from markupsafe import Markup
from mkdocs.utils import _norm_parts
from mkdocs.utils.templates import script_tag_filter

# Material 9.8's loop over mkdocs.yml's extra_javascript at the end of <body>, and its stand-in.
MATERIAL_LOOP = """      {% for script in config.extra_javascript %}
        {{ script | script_tag }}
      {% endfor %}
"""
CACHED_LOOP = "      {{ course_script_tags(config.extra_javascript) }}\n"


def install(env: Environment) -> bool:
    """Make `base.html` of env take its script tags from the kept ones; False (env unchanged) if
    the template is not the one this module knows."""
    try:
        source, _, _ = env.loader.get_source(env, "base.html")
    except Exception:  # noqa: BLE001 - no such template: not Material
        return False
    if source.count(MATERIAL_LOOP) != 1:
        return False
    env.loader = ChoiceLoader([DictLoader({"base.html": source.replace(MATERIAL_LOOP, CACHED_LOOP)}), env.loader])
    env.globals["course_script_tags"] = ScriptTags()
    return True


class ScriptTags:
    """Called from the template as course_script_tags(config.extra_javascript)."""

    def __init__(self):
        self._scripts = None
        self._made: dict[tuple, Markup] = {}
        self._firsts: set[str] = set()  # the scripts' first folders

    @pass_context
    def __call__(self, context, scripts) -> Markup:
        if scripts is not self._scripts:
            self._scripts, self._made = scripts, {}
            self._firsts = {str(script).lstrip("/").split("/")[0] for script in scripts}
        key = self._key(context, self._firsts)
        if key not in self._made:
            # The loop's own output: each tag on a line of its own, indented as in base.html.
            self._made[key] = Markup("").join(Markup("\n        ") + script_tag_filter(context, script)
                                              + Markup("\n      ") for script in scripts)
        return self._made[key]

    @staticmethod
    def _key(context, firsts: set[str]) -> tuple:
        """What the tags' addresses depend on. A script's address relative to a page is the page's
        depth in '..' and the script's path, unless the two share their first folder: then the page's
        whole address is the key (mkdocs.utils.get_relative_url)."""
        page = context.get("page")
        if page is None:
            return (None, context.get("base_url"))
        folder, _, name = page.url.rpartition("/")
        parts = _norm_parts(folder if "." in name else page.url)  # as get_relative_url reads the page
        if parts and parts[0] in firsts:
            return ("page", page.url)
        return ("depth", len(parts))

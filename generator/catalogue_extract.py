"""`course messages`: gather the interface strings marked in the code into generator/locales/course.pot,
and bring every language's catalogue up to date with it (new strings added untranslated, gone ones
dropped, translations kept).

Sources: the generator's Python (`_`, `ngettext`), its Jinja templates (`_`, `ngettext`, `{% trans %}`)
and the page scripts in overrides/assets/ (`Course.t`, `Course.tn`). Files are written without line
numbers and with a fixed date, so they change only when the strings do.
"""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from .catalogue import DOMAIN, LOCALES, TEMPLATE, catalogue_locales, catalogue_path

ROOT = Path(__file__).resolve().parent.parent
_FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
_PYTHON_KEYWORDS = {"_": None, "ngettext": (1, 2)}
_SCRIPT_KEYWORDS = {"t": None, "tn": (1, 2)}
_JINJA_OPTIONS = {"trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}
COMMENT_TAG = "TRANSLATORS:"
HEADER = ("# The interface strings of the course generator, in English: the template of every language's\n"
          "# catalogue. Written by `course messages` from the code; see generator/catalogue.py.")


def _sources() -> list[tuple[Path, object, dict, dict]]:
    """Each file with strings, with its extraction method, keywords and options."""
    generator = ROOT / "generator"
    found = [(path, "python", _PYTHON_KEYWORDS, {}) for path in sorted(generator.rglob("*.py"))
             if path.name not in ("catalogue.py", "catalogue_extract.py")]
    found += [(path, babel_extract, _PYTHON_KEYWORDS, _JINJA_OPTIONS) for path in sorted(generator.rglob("*.j2"))]
    found += [(path, "javascript", _SCRIPT_KEYWORDS, {}) for path in sorted((ROOT / "overrides").rglob("*.js"))]
    return found


def template_catalogue() -> Catalog:
    """The English strings of the code, as a catalogue template."""
    template = Catalog(project="course", domain=DOMAIN, header_comment=HEADER, creation_date=_FIXED_DATE,
                       revision_date=_FIXED_DATE, fuzzy=False)
    for path, method, keywords, options in _sources():
        with path.open("rb") as handle:
            for lineno, message, comments, context in extract(method, handle, keywords, (COMMENT_TAG,), options,
                                                              strip_comment_tags=True):
                template.add(message, None, [(path.relative_to(ROOT).as_posix(), lineno)],
                             auto_comments=comments, context=context)
    return template


def _po_text(catalogue: Catalog, **options) -> bytes:
    out = BytesIO()
    write_po(out, catalogue, include_lineno=False, sort_output=True, width=100, ignore_obsolete=True, **options)
    # Not the version of Babel that wrote it: the files must not change with the machine.
    return b"".join(line for line in out.getvalue().splitlines(keepends=True)
                    if not line.startswith(b'"Generated-By:'))


def updated_files() -> dict[Path, bytes]:
    """What course.pot and each language's course.po should hold now."""
    template = template_catalogue()
    files = {TEMPLATE: _po_text(template)}
    for locale in sorted(catalogue_locales()):
        path = catalogue_path(locale)
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=locale.replace("-", "_"))
        catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalogue.revision_date = _FIXED_DATE
        files[path] = _po_text(catalogue)
    return files


def new_catalogue(locale: str) -> Path:
    """An empty catalogue for a new language, every string untranslated."""
    from babel import Locale
    path = catalogue_path(locale)
    language = Locale.parse(locale, sep="-")
    header = (f"# The interface strings of the course generator in {language.english_name}.\n"
              "# `course messages` adds new strings untranslated; write each msgstr. See generator/catalogue.py.")
    catalogue = Catalog(locale=language, project="course", domain=DOMAIN, header_comment=header,
                        creation_date=_FIXED_DATE, revision_date=_FIXED_DATE, fuzzy=False)
    catalogue.update(template_catalogue(), no_fuzzy_matching=True, update_creation_date=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_po_text(catalogue))
    return path


def stale_files() -> list[Path]:
    """The catalogue files that differ from what `course messages` would write."""
    return [path for path, text in updated_files().items()
            if not path.is_file() or path.read_bytes() != text]


def write_files() -> list[Path]:
    """Write the template and every catalogue; the files that changed."""
    changed = []
    LOCALES.mkdir(parents=True, exist_ok=True)
    for path, text in updated_files().items():
        if not path.is_file() or path.read_bytes() != text:
            path.write_bytes(text)
            changed.append(path)
    return changed

"""Python-Markdown's inline pass without the patterns that cannot match.

Python-Markdown runs every inline pattern over every piece of text: the ordinary inline pass has
14 patterns and smarty's own pass 18 more, each called through several Python functions even when
the text holds none of the characters the pattern needs. At 1,000 lessons that was a third of all
Markdown conversion. Here a pattern is skipped when a character it cannot match without is absent
from the text, which leaves the result exactly as it was: the skipped pattern would have found
nothing. Patterns this module does not know (another extension's) always run.
"""

from __future__ import annotations

from markdown import Extension, util
from markdown import inlinepatterns as ip
from markdown.extensions import smarty
from markdown.inlinepatterns import DelimiterProcessor
from markdown.treeprocessors import InlineProcessor

# A pattern's regular expression -> strings of which every match holds at least one. Keyed by the
# expression itself, so a pattern that an extension changes or replaces is never skipped.
_NEEDS: dict[str, tuple[str, ...]] = {
    ip.BACKTICK_RE: ("`",),
    ip.ESCAPE_RE: ("\\",),
    ip.REFERENCE_RE: ("[",),  # the same expression as LINK_RE
    ip.IMAGE_LINK_RE: ("[",),  # and as IMAGE_REFERENCE_RE
    ip.AUTOLINK_RE: ("<",),
    ip.AUTOMAIL_RE: ("<",),
    ip.HTML_RE: ("<",),
    ip.LINE_BREAK_RE: ("  \n",),
    ip.ENTITY_RE: ("&",),
    # smarty's dashes, ellipses and angled quotes, whose expressions smarty.py has no names for
    r"(?<!\.)\.{3}(?!\.)": ("...",),
    r"(?<!-)---(?!-)": ("--",),
    r"(?<!-)--(?!-)": ("--",),
    r"\<\<": ("<<",),
    r"\>\>": (">>",),
    **dict.fromkeys((smarty.singleQuoteStartRe, smarty.decadeAbbrRe, smarty.openingSingleQuotesRegex,
                     smarty.closingSingleQuotesRegex, smarty.closingSingleQuotesRegex2,
                     smarty.remainingSingleQuotesRegex), ("'",)),
    **dict.fromkeys((smarty.doubleQuoteStartRe, smarty.openingDoubleQuotesRegex, smarty.closingDoubleQuotesRegex,
                     smarty.closingDoubleQuotesRegex2, smarty.remainingDoubleQuotesRegex), ('"',)),
    **dict.fromkeys((smarty.doubleQuoteSetsRe, smarty.singleQuoteSetsRe2), ("\"'",)),
    **dict.fromkeys((smarty.singleQuoteSetsRe, smarty.doubleQuoteSetsRe2), ("'\"",)),
}


def _needs(pattern) -> tuple[str, ...] | None:
    if isinstance(pattern, DelimiterProcessor):  # emphasis: its regular expression is its tokens
        return tuple(pattern.tokens) or None
    return _NEEDS.get(getattr(pattern, "pattern", None))


class QuickInlineProcessor(InlineProcessor):
    """InlineProcessor that passes over patterns whose needed characters the text lacks."""

    _patterns = None  # the patterns _needs and _after were made for

    def run(self, tree, ancestors=None):
        patterns = list(self.inlinePatterns)  # in priority order, as the registry serves them
        if patterns != self._patterns:  # the same from one conversion to the next, unless changed
            needs = [_needs(pattern) for pattern in patterns]
            # Where to go on when pattern i is passed over: past the next patterns that need the same.
            after = [next((j for j in range(i + 1, len(needs)) if needs[j] != needs[i]), len(needs))
                     for i in range(len(needs))]
            self._patterns, self._needs, self._after = patterns, needs, after
        return super().run(tree, ancestors)

    # Replaces InlineProcessor.__handleInline (name-mangled): the same loop, with the test first.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        start, needs, after, count = 0, self._needs, self._after, len(self._needs)
        while patternIndex < count:
            wanted = needs[patternIndex]
            if wanted is not None:
                for text in wanted:
                    if text in data:
                        break
                else:
                    patternIndex, start = after[patternIndex], 0
                    continue
            data, matched, start = self._InlineProcessor__applyPattern(
                self._patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class QuickInlineExtension(Extension):
    """Put QuickInlineProcessor in the place of the ordinary and smarty's inline passes; listed
    after the extensions whose passes it takes over."""

    def extendMarkdown(self, md):
        for name in ("inline", "smarty"):
            if name not in md.treeprocessors:
                continue
            old = md.treeprocessors[name]
            if type(old) is not InlineProcessor:
                continue
            new = QuickInlineProcessor(md)
            new.inlinePatterns = old.inlinePatterns
            priority = next(item.priority for item in md.treeprocessors._priority if item.name == name)
            md.treeprocessors.register(new, name, priority)

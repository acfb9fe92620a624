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
from markdown.inlinepatterns import DelimiterProcessor
from markdown.treeprocessors import InlineProcessor

# A pattern's regular expression -> strings of which every match holds at least one. Keyed by the
# expression itself, so a pattern that an extension changes or replaces is never skipped.
_NEEDS: dict[str, tuple[str, ...]] = {}


def _known(needs: tuple[str, ...], *patterns) -> None:
    for pattern in patterns:
        _NEEDS[pattern] = needs


def _learn() -> None:
    from markdown import inlinepatterns as ip
    from markdown.extensions import smarty

    _known(("`",), ip.BACKTICK_RE)
    _known(("\\",), ip.ESCAPE_RE)
    _known(("[",), ip.REFERENCE_RE, ip.LINK_RE, ip.IMAGE_LINK_RE, ip.IMAGE_REFERENCE_RE)
    _known(("<",), ip.AUTOLINK_RE, ip.AUTOMAIL_RE, ip.HTML_RE)
    _known(("  \n",), ip.LINE_BREAK_RE)
    _known(("&",), ip.ENTITY_RE)
    _known(("...",), r"(?<!\.)\.{3}(?!\.)")
    _known(("--",), r"(?<!-)---(?!-)", r"(?<!-)--(?!-)")
    _known(("<<",), r"\<\<")
    _known((">>",), r"\>\>")
    _known(("'",), smarty.singleQuoteStartRe, smarty.decadeAbbrRe, smarty.openingSingleQuotesRegex,
           smarty.closingSingleQuotesRegex, smarty.closingSingleQuotesRegex2, smarty.remainingSingleQuotesRegex)
    _known(('"',), smarty.doubleQuoteStartRe, smarty.openingDoubleQuotesRegex, smarty.closingDoubleQuotesRegex,
           smarty.closingDoubleQuotesRegex2, smarty.remainingDoubleQuotesRegex)
    _known(("\"'",), smarty.doubleQuoteSetsRe, smarty.singleQuoteSetsRe2)
    _known(("'\"",), smarty.singleQuoteSetsRe, smarty.doubleQuoteSetsRe2)


def _needs(pattern) -> tuple[str, ...] | None:
    if isinstance(pattern, DelimiterProcessor):  # emphasis: its regular expression is its tokens
        return tuple(pattern.tokens) or None
    return _NEEDS.get(getattr(pattern, "pattern", None))


class QuickInlineProcessor(InlineProcessor):
    """InlineProcessor that passes over patterns whose needed characters the text lacks."""

    _patterns: list = []

    def run(self, tree, ancestors=None):
        # The same patterns from one conversion to the next, unless an extension changed them.
        if len(self._patterns) != len(self.inlinePatterns) or any(
                a is not b for a, b in zip(self._patterns, self.inlinePatterns)):
            self._learn_patterns()
        return super().run(tree, ancestors)

    def _learn_patterns(self) -> None:
        if not _NEEDS:
            _learn()
        self._patterns = list(self.inlinePatterns)  # in priority order, as the registry serves them
        needs = self._needs = [_needs(pattern) for pattern in self._patterns]
        # Where to go on when pattern i is passed over: past the next patterns that need the same.
        self._after = [next((j for j in range(i + 1, len(needs)) if needs[j] != needs[i]), len(needs))
                       for i in range(len(needs))]

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

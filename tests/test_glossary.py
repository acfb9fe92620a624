"""The glossary: glossary.yml validated like every content file, its page, and the teaching check of
terms that a lesson's objectives use."""


from generator.build import build_course, check_course
from generator.glossary import uses_term
from test_check import edit, errors_of

GLOSSARY = "glossary.yml"
LESSON = "10-basics/lessons/first-steps.yml"


def test_a_term_without_a_definition(fixture_course):
    edit(fixture_course, GLOSSARY, "    definition: Light conversation that opens a longer one.\n", "")
    [problem] = errors_of(fixture_course)
    assert str(problem).startswith(f"{fixture_course / GLOSSARY}:6:5: error: terms[1]: missing required field "
                                   "'definition'")


def test_a_misspelt_field(fixture_course):
    edit(fixture_course, GLOSSARY, "    aliases: [work the room]", "    alias: [work the room]")
    [problem] = errors_of(fixture_course)
    assert (problem.line, problem.column, problem.field) == (4, 5, "terms[0]")
    assert problem.message == "unknown field 'alias' (did you mean 'aliases'?)"


def test_a_duplicate_term_id(fixture_course):
    edit(fixture_course, GLOSSARY, "  - id: small-talk", "  - id: working-a-room")
    [problem] = errors_of(fixture_course)
    assert (problem.line, problem.field) == (6, "terms[1].id")
    assert problem.message == "duplicate id 'working-a-room' in terms"


def test_the_glossary_page_lists_terms_alphabetically(fixture_course):
    result = build_course(fixture_course)
    page = next(p for p in result.pages if p.path == "glossary.md")
    assert page.content.index("## Small talk {: #small-talk }") < page.content.index("## Working a room {: #working-a-room }")
    assert '<p class="course-term-aliases">Also: work the room</p>' in page.content
    assert any(getattr(item, "path", None) == "glossary.md" for item in result.nav)


def test_no_glossary_no_page(fixture_course):
    (fixture_course / GLOSSARY).unlink()
    edit(fixture_course, LESSON, ", on [working a room](term:working-a-room)", "")
    assert "glossary.md" not in [p.path for p in build_course(fixture_course).pages]


def test_an_objective_using_a_term_the_lesson_never_links(fixture_course):
    edit(fixture_course, LESSON, "  - text: Write a short answer", "  - text: Make Small Talk in a short answer")
    bundle, [warning] = check_course(fixture_course)
    assert str(warning) == (
        f"{fixture_course / LESSON}:7:5: warning: objectives[1]: objective 'Make Small Talk in a short answer' "
        "uses the glossary term 'small talk', which this lesson never defines\n"
        "  hint: link its first use in a section, as [small talk](term:small-talk): the link shows the definition")


def test_an_objective_using_a_term_the_lesson_links(fixture_course):
    # An alias counts as using the term; the lesson's link to it defines it.
    edit(fixture_course, LESSON, "  - text: Write a short answer", "  - text: Work the room with a short answer")
    assert check_course(fixture_course)[1] == []


def test_what_counts_as_using_a_term(fixture_course):
    bundle, _ = check_course(fixture_course)
    term = next(t for t in bundle.glossary.terms if t.id == "working-a-room")
    assert uses_term("Practise Working a Room at an event", term)
    assert uses_term("work the room, then leave", term)
    assert not uses_term("working a roomful of people", term)
    assert not uses_term("a room for working", term)

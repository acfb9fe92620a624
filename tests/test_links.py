"""Links by id and relative links to pages: checked at their YAML line, resolved page by page."""

from pathlib import Path

from generator.build import build_course, check_course
from generator.links import page_url, slug
from test_check import edit, errors_of

LESSON = "10-basics/lessons/first-steps.yml"
SECOND = "10-basics/lessons/second-steps.yml"
EXERCISE = "10-basics/exercises/pick-one.yml"
BODY = "Some *Markdown* text with a [link](https://example.org)."


def the_error(content: Path):
    [problem] = errors_of(content)
    return problem


def body_link(content: Path, url: str):
    """The error of first-steps.yml's first section with a link to url, written on line 13."""
    edit(content, LESSON, BODY, BODY + f"\n      Also [this one]({url}).")
    problem = the_error(content)
    assert problem.file.endswith(LESSON) and problem.field == "sections[0].body"
    assert (problem.line, problem.column) == (13, 23)
    return problem


def test_a_misspelt_lesson(fixture_course):
    problem = body_link(fixture_course, "lesson:second-stesp")
    assert problem.message == ("link 'lesson:second-stesp': no lesson with id 'second-stesp' "
                               "(did you mean 'second-steps'?)")
    assert str(problem).startswith(f"{fixture_course / LESSON}:13:23: error: sections[0].body: link")


def test_a_misspelt_heading(fixture_course):
    problem = body_link(fixture_course, "lesson:second-steps#only-sectoin")
    assert problem.message == ("link 'lesson:second-steps#only-sectoin': lesson 'second-steps' has no "
                               "heading '#only-sectoin' (did you mean 'only-section'?)")
    assert problem.hint.startswith("its headings: only-section ")


def test_a_misspelt_worksheet_exercise_and_term(fixture_course):
    for url, message in [
        ("worksheet:all-prompt", "no worksheet with id 'all-prompt' (did you mean 'all-prompts'?)"),
        ("exercise:pick-on", "no exercise with id 'pick-on' (did you mean 'pick-one'?)"),
        ("term:working-a-rom", "no glossary term with id 'working-a-rom' (did you mean 'working-a-room'?)"),
        ("lessons:second-steps", "unknown kind of link 'lessons:' (did you mean 'lesson:'?)"),
        ("glossary:small-talk", "unknown kind of link 'glossary:' (did you mean 'term:'?)"),
        ("worksheet:all-prompts#thoughts", "'#thoughts': only a link to a lesson can name a heading"),
        ("lesson:", "no lesson id after 'lesson:'"),
    ]:
        (fixture_course / LESSON).write_text((Path(__file__).parent / "fixtures/course" / LESSON).read_text())
        assert body_link(fixture_course, url).message == f"link '{url}': {message}"


def test_a_misspelt_relative_link_to_a_page(fixture_course):
    problem = body_link(fixture_course, "second-step.md")
    assert problem.message == ("link 'second-step.md': no page 'basics/second-step.md' in the course "
                               "(did you mean 'second-steps.md'?)")
    assert problem.hint == ("link by id instead, which keeps working when a module or page is renamed: "
                            "[text](lesson:second-steps)")


def test_a_relative_link_from_the_module_folder_name(fixture_course):
    # Pages live at the module's id (basics/), not at its folder's name (10-basics/).
    problem = body_link(fixture_course, "../10-basics/second-steps.md")
    assert problem.message.startswith("link '../10-basics/second-steps.md': no page '10-basics/second-steps.md'")


def test_a_good_relative_link_checks_its_heading(fixture_course):
    problem = body_link(fixture_course, "second-steps.md#nowhere")
    assert problem.message == "link 'second-steps.md#nowhere': lesson 'second-steps' has no heading '#nowhere'"


def test_links_in_code_and_other_schemes_are_left_alone(fixture_course):
    edit(fixture_course, LESSON, BODY, BODY + " `[x](lesson:nope)` [mail](mailto:a@example.org) "
         "[web](https://example.org/lesson:nope)")
    check_course(fixture_course)


def test_a_link_in_an_exercise_option_is_at_its_own_line(fixture_course):
    edit(fixture_course, EXERCISE, "feedback: Yes, because it is.", 'feedback: "Yes: see [it](lesson:first-step)."')
    problem = the_error(fixture_course)
    assert problem.file.endswith(EXERCISE)
    assert (problem.line, problem.column, problem.field) == (8, 30, "options[0].feedback")


def test_a_term_link_without_a_glossary(fixture_course):
    (fixture_course / "glossary.yml").unlink()
    problem = the_error(fixture_course)
    assert problem.message == "link 'term:working-a-room': no glossary term 'working-a-room': the course has no glossary"
    assert problem.hint == "define the term in content/glossary.yml"


def test_an_exercise_that_no_lesson_shows(fixture_course):
    edit(fixture_course, LESSON, "exercises: [pick-one, pick-some, explain-it]", "exercises: [pick-some, explain-it]")
    edit(fixture_course, LESSON, "    practised_by: [pick-one, pick-some]", "    practised_by: [pick-some]")
    problem = body_link(fixture_course, "exercise:pick-one")
    assert problem.message == "link 'exercise:pick-one': exercise 'pick-one' is on no page: no lesson lists it"


def test_links_resolve_relative_to_each_page(fixture_course):
    edit(fixture_course, EXERCISE, "feedback: Yes, because it is.",
         'feedback: "Yes: see [the worksheet](worksheet:all-prompts) and [a term](term:small-talk)."')
    pages = {page.path: page.content for page in build_course(fixture_course).pages}
    lesson = pages["basics/first-steps.md"]
    assert "Next: [Second Steps](second-steps.md#only-section)" in lesson
    # The first link to a term on a page carries its definition; later ones are plain links.
    assert ('<span class="course-term">[working a room](../glossary.md#working-a-room){ aria-describedby='
            '"course-term-working-a-room" }<span class="course-term__tip" id="course-term-working-a-room" '
            'role="tooltip" data-search-exclude>Meeting <em>several</em> people in turn at a gathering.</span></span>') in lesson
    # Markdown feedback: a .md link for the engine; HTML feedback in JSON: the final address.
    assert "Yes: see [the worksheet](../worksheets/all-prompts.md) and <span" in lesson
    assert "see &lt;a href=\\&#34;../../worksheets/all-prompts/\\&#34;&gt;the worksheet" in lesson
    assert "&lt;a href=\\&#34;../../glossary/#small-talk\\&#34;&gt;a term" in lesson
    # The same exercise on the module's handout: links relative to that page.
    assert "[the worksheet](../worksheets/all-prompts.md)" in pages["basics/exercises-handout.md"]
    course_pages = "".join(text for path, text in pages.items() if not path.startswith("for-instructors/"))
    assert "](lesson:" not in course_pages and "term:" not in course_pages


def test_file_addresses_for_lms_packages(fixture_course):
    edit(fixture_course, EXERCISE, "feedback: Yes, because it is.", 'feedback: "See [it](lesson:second-steps)."')
    lesson = next(p.content for p in build_course(fixture_course, directory_urls=False).pages
                  if p.path == "basics/first-steps.md")
    assert "&lt;a href=\\&#34;second-steps.html\\&#34;&gt;it" in lesson


def test_page_addresses():
    assert page_url("basics/second-steps.md", "basics/first-steps.md") == "../second-steps/"
    assert page_url("index.md", "basics/first-steps.md") == "../../"
    assert page_url("glossary.md", "index.md") == "glossary/"
    assert page_url("basics/index.md", "basics/first-steps.md") == "../"
    assert page_url("glossary.md", "basics/first-steps.md", directory_urls=False) == "../glossary.html"
    assert page_url("basics/index.md", "index.md", directory_urls=False) == "basics/index.html"


def test_heading_anchors_match_the_site_engines():
    assert slug("Why kindness to yourself helps") == "why-kindness-to-yourself-helps"
    assert slug("Don't panic: the 3-step routine") == "dont-panic-the-3-step-routine"
    assert slug("Café *culture*") == "cafe-culture"


def test_a_link_in_a_definition_is_a_plain_link(fixture_course):
    edit(fixture_course, "glossary.yml", "definition: Light conversation that opens a longer one.",
         "definition: Light conversation that opens [a longer one](term:working-a-room).")
    edit(fixture_course, "10-basics/lessons/second-steps.yml", "body: Text.", "body: Some [small talk](term:small-talk).")
    lesson = next(p.content for p in build_course(fixture_course).pages if p.path == "basics/second-steps.md")
    assert ('role="tooltip" data-search-exclude>Light conversation that opens <a href="../../glossary/#working-a-room">a longer one</a>.'
            '</span></span>') in lesson

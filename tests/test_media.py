"""Media in content/media/: every reference checked at its YAML line, and written right on every page."""

from __future__ import annotations

import pytest

from generator.build import build_course, check_course
from generator.errors import ContentError
from generator.media_paths import html_media_urls, page_media_links
from test_check import edit

LESSON = "10-basics/lessons/first-steps.yml"
FIGURE = "      file: media/three-steps.svg\n"
WEBVTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello and welcome.\n"


def messages(content):
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [str(problem) for problem in caught.value.problems]


def test_a_misspelt_figure_is_reported_at_its_line_with_did_you_mean(fixture_course):
    edit(fixture_course, LESSON, FIGURE, "      file: media/three-step.svg\n")
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:14:13: error: sections[0].figure.file: no file 'media/three-step.svg' in "
        "content/media/ (did you mean 'media/three-steps.svg'?)\n"
        "  hint: put the file in content/media/ (the one folder for the course's media) and name it from there"]


def test_a_figure_needs_alt_text(fixture_course):
    edit(fixture_course, LESSON, "      alt: Three blocks of rising height, labelled Start, Practise and Teach\n", "")
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:13:5: error: sections[0].figure: missing required field 'alt'\n"
        "  hint: What the image shows, for learners who cannot see it (screen readers read it aloud, and it "
        "shows if the image cannot load); plain text."]


@pytest.mark.parametrize("value, message", [
    ("https://example.org/steps.svg", "'https://example.org/steps.svg' is on another site: the course works "
                                      "offline, so its media are files in content/media/"),
    ("../media/three-steps.svg", "'../media/three-steps.svg' is not in the media folder: media files live in "
                                 "content/media/ and are written 'media/<file name>'"),
    ("media/three-steps.bmp", "'media/three-steps.bmp' is not an image: use a file ending in .png, .jpg, "
                              ".jpeg, .gif, .svg, .webp, .avif"),
])
def test_a_figure_file_is_an_image_of_the_media_folder(fixture_course, value, message):
    edit(fixture_course, LESSON, FIGURE, f"      file: {value}\n")
    assert messages(fixture_course) == [f"{fixture_course / LESSON}:14:13: error: sections[0].figure.file: {message}"]


BODY = ("      Some *Markdown* text with a [link](https://example.org). Next: [Second Steps](lesson:second-steps"
        "#only-section), on [working a room](term:working-a-room).\n")


@pytest.mark.parametrize("text, column, message", [
    ("![Steps](steps.svg)", 16, "'steps.svg' is not in the media folder: media files live in content/media/ "
     "and are written 'media/<file name>'\n  hint: write 'media/steps.svg'"),
    ("![Steps](../../media/three-steps.svg)", 16, "'../../media/three-steps.svg' is not in the media folder: "
     "media files live in content/media/ and are written 'media/<file name>'\n"
     "  hint: did you mean 'media/three-steps.svg'?"),
    ("[the handout](media/handuot.pdf)", 21, "no file 'media/handuot.pdf' in content/media/ (did you mean "
     "'media/handout.pdf'?)\n  hint: put the file in content/media/ (the one folder for the course's media) "
     "and name it from there"),
    ("![Steps](https://example.org/steps.png)", 16, "image 'https://example.org/steps.png' loads from another "
     "site, and the course works offline\n  hint: download it into content/media/ and write 'media/<file name>'"),
    ('<iframe src="https://video.example.org/1"></iframe>', 7, "an <iframe> loads a page of another site, and the "
     "course works offline\n  hint: download what it shows into content/media/ and show it as a figure or "
     "video, or link to the page instead"),
    ('<video src="media/talk.mp4"></video>', 7, "a <video> tag in the text: a video or recording is a "
     "section's 'video:' or 'audio:' field, which gives it a captions track\n  hint: see 'Media' in the "
     "authoring guide"),
])
def test_media_in_markdown_text_is_checked_at_its_line_and_column(fixture_course, text, column, message):
    (fixture_course / "media" / "handout.pdf").write_bytes(b"%PDF-1.4")
    edit(fixture_course, LESSON, BODY, BODY + f"      {text}\n")
    assert messages(fixture_course) == [f"{fixture_course / LESSON}:13:{column}: error: sections[0].body: {message}"]


def test_links_out_pages_and_anchors_are_not_media(fixture_course):
    edit(fixture_course, LESSON, BODY, BODY + "      [out](https://example.org/a.png) [page](../basics/) "
         "[top](#getting-started) ![inline](data:image/gif;base64,R0lGOD) [me](mailto:a@example.org)\n")
    check_course(fixture_course)


VIDEO = """    video:
      file: media/talk.webm
      captions: media/talk.vtt
      title: A short talk
      poster: media/three-steps.svg
"""


def test_a_video_needs_a_webvtt_captions_track(fixture_course):
    (fixture_course / "media" / "talk.webm").write_bytes(b"\x1a\x45\xdf\xa3")
    edit(fixture_course, LESSON, "      caption: Each step builds on the *one before* it.\n",
         "      caption: Each step builds on the *one before* it.\n" + VIDEO)
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:19:17: error: sections[0].video.captions: no file 'media/talk.vtt' in "
        "content/media/\n  hint: put the file in content/media/ (the one folder for the course's media) and "
        "name it from there"]
    (fixture_course / "media" / "talk.vtt").write_text("1\n00:00.000 --> 00:01.000\nHello\n")
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:19:17: error: sections[0].video.captions: 'media/talk.vtt' is not a WebVTT "
        "captions file: its first line must be 'WEBVTT'\n"
        "  hint: save the captions as WebVTT (.vtt); most captioning tools export it"]
    edit(fixture_course, LESSON, "      captions: media/talk.vtt\n", "")
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:17:5: error: sections[0].video: missing required field 'captions'\n"
        "  hint: Its captions, a WebVTT file in content/media/: what is said, for learners who cannot hear it "
        "or watch without sound."]


def test_a_misspelt_recording_suggests_only_recordings(fixture_course):
    (fixture_course / "media" / "talk.mp4").write_bytes(b"")
    (fixture_course / "media" / "talk.vtt").write_text(WEBVTT)
    edit(fixture_course, LESSON, "    body: More text.\n", "    body: More text.\n    audio:\n"
         "      file: media/talk.mp3\n      captions: media/talk.vtt\n      title: A talk\n")
    assert messages(fixture_course) == [
        f"{fixture_course / LESSON}:20:13: error: sections[1].audio.file: no file 'media/talk.mp3' in "
        "content/media/\n  hint: put the file in content/media/ (the one folder for the course's media) and "
        "name it from there"]


def test_video_and_audio_play_with_their_captions(fixture_course):
    for name in ("talk.webm", "talk.mp3"):
        (fixture_course / "media" / name).write_bytes(b"")
    (fixture_course / "media" / "talk.vtt").write_text(WEBVTT)
    edit(fixture_course, LESSON, "    body: More text.\n", "    body: More text.\n" + VIDEO +
         "    audio:\n      file: media/talk.mp3\n      captions: media/talk.vtt\n      title: The talk, sound only\n")
    page = next(page for page in build_course(fixture_course).pages if page.path == "basics/first-steps.md")
    start = page.content.index('<figure class="course-media course-video">')
    end = page.content.index("</figure>", page.content.index("course-audio")) + len("</figure>")
    assert page.content[start:end].split("\n\n") == [
        '<figure class="course-media course-video">\n'
        '<video controls preload="metadata" src="../media/talk.webm" poster="../media/three-steps.svg">\n'
        '<track kind="captions" src="../media/talk.vtt" label="Captions" default>\n'
        '<a href="../media/talk.webm">Download the video</a>\n'
        '</video>\n'
        '<figcaption>Video: A short talk<span class="course-print-only"> (watch it in the online course)</span>'
        '</figcaption>\n</figure>',
        '<figure class="course-media course-audio">\n'
        '<audio controls preload="metadata" src="../media/talk.mp3">\n'
        '<track kind="captions" src="../media/talk.vtt" label="Captions" default>\n'
        '<a href="../media/talk.mp3">Download the recording</a>\n'
        '</audio>\n'
        '<figcaption>Recording: The talk, sound only<span class="course-print-only"> (listen to it in the online '
        'course)</span></figcaption>\n</figure>']


def test_a_figure_is_written_relative_to_its_page():
    page = next(page for page in build_course(__import__("conftest").FIXTURES / "course").pages
                if page.path == "basics/first-steps.md")
    assert ('<figure class="course-figure">\n'
            '<img src="../media/three-steps.svg" alt="Three blocks of rising height, labelled Start, Practise and '
            'Teach">\n<figcaption>Each step builds on the <em>one before</em> it.</figcaption>\n</figure>\n'
            ) in page.content


def test_page_media_links_are_relative_to_the_page_file():
    text = '![a](media/x.png) <img src="media/x.png"> [b](<media/y z.pdf>) poster="./media/p.jpg" social media/x'
    assert page_media_links(text, "index.md") == text
    assert page_media_links(text, "basics/first-steps.md") == (
        '![a](../media/x.png) <img src="../media/x.png"> [b](<../media/y z.pdf>) poster="../media/p.jpg" '
        'social media/x')
    assert page_media_links(text, "a/b/c.md").startswith("![a](../../media/x.png)")


@pytest.mark.parametrize("page_file, url, expected", [
    ("basics/first-steps.md", "basics/first-steps/", '<img src="../../media/x.png"> <a href="../../media/x.pdf#p2">'),
    ("basics/first-steps.md", "basics/first-steps.html", '<img src="../media/x.png"> <a href="../media/x.pdf#p2">'),
    ("basics/index.md", "basics/", '<img src="../media/x.png"> <a href="../media/x.pdf#p2">'),
])
def test_html_media_urls_follow_the_page_address(page_file, url, expected):
    html = '<img src="../media/x.png"> <a href="../media/x.pdf#p2">'
    assert html_media_urls(html, page_file, url) == expected
    # What the engine rewrote already (Markdown's links) reads as outside the site and stays.
    assert html_media_urls(expected, page_file, url) == expected
    assert html_media_urls('<a href="../other/">x</a> <img src="https://example.org/media/x.png">', page_file,
                           url) == '<a href="../other/">x</a> <img src="https://example.org/media/x.png">'

"""What a learner sees of a figure and a captioned video, in both engines' sites."""

from __future__ import annotations

from playwright.sync_api import expect

LESSON = "basics/second-lesson/"


def test_a_figure_shows_its_image_and_caption(page, course_url):
    page.goto(course_url + LESSON)
    figure = page.locator("figure.course-figure")
    image = figure.get_by_role("img", name="Three blocks of rising height, labelled Start, Practise and Teach")
    expect(image).to_be_visible()
    assert image.evaluate("image => image.complete && image.naturalWidth") == 480  # loaded, not a broken icon
    expect(figure.locator("figcaption")).to_have_text("Each step builds on the one before it.")


def test_a_video_plays_with_its_captions_showing(page, course_url):
    page.goto(course_url + LESSON)
    video = page.locator("figure.course-video video")
    expect(page.locator("figure.course-video figcaption")).to_have_text("Video: A four-second welcome", use_inner_text=True)
    shown = video.evaluate("""async video => {
        video.muted = true;
        await video.play();
        await new Promise(resolve => setTimeout(resolve, 600));
        video.pause();
        const track = video.textTracks[0];
        return {mode: track.mode, cues: track.cues.length, showing: [...track.activeCues].map(cue => cue.text)};
    }""")
    assert shown == {"mode": "showing", "cues": 2, "showing": ["Hello, and welcome to the course."]}
    response = page.request.get(course_url + "media/not-used-anywhere.svg")
    assert response.status == 404  # only media that pages use are published

"""Issue 7, defect 10: the Content-Security-Policy lets the iframe of Wagtail's embed block load.

The machine has no internet, so the video itself cannot play; what the browser decides before
any request (whether the policy allows the frame) is what matters here, and Chromium reports a
refusal as a `securitypolicyviolation` event."""

from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.models import HomePage, StandardPage
from tests.e2e.pages import live_page

VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
# What YouTube's oEmbed endpoint answers for that address, stored where Wagtail looks first, so the
# page renders without asking YouTube (the outside world) for it.
YOUTUBE_IFRAME = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" '
    'frameborder="0" allow="encrypted-media; picture-in-picture" allowfullscreen '
    'title="Présentation de l’AMASQ"></iframe>'
)
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_a_youtube_embed_is_framed_under_the_content_security_policy(site, page):
    Embed.objects.create(
        url=VIDEO_URL,
        max_width=None,
        hash=get_embed_hash(VIDEO_URL, None, None),
        type="video",
        html=YOUTUBE_IFRAME,
        title="Présentation de l’AMASQ",
        provider_name="YouTube",
        width=200,
        height=113,
    )
    video_page = live_page(HomePage, "fr").add_child(
        instance=StandardPage(title="Vidéo de présentation", slug="video", body=[("embed", VIDEO_URL)])
    )
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(video_page.url)

    assert "frame-src" in response.headers["content-security-policy"]
    frame = page.locator("main iframe[src^='https://www.youtube.com/embed/']")
    expect(frame).to_have_count(1)
    page.wait_for_load_state("load")
    assert page.evaluate("window.cspViolations") == []

import re

from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import HomePage, NewsPage
from tests.e2e.pages import PAGE_URLS, live_page

PHONE_WIDTH = 375


def test_french_home_switches_to_english_home(site, page):
    french, english = live_page(HomePage, "fr"), live_page(HomePage, "en")
    page.goto("/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_text(french.hero_title)).to_be_visible()

    page.locator("a[hreflang='en']").click()

    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text(english.hero_title)).to_be_visible()


def test_french_news_item_switches_to_its_english_translation(site, page):
    french = live_page(NewsPage, "fr")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    page.goto(french.url)

    page.locator("a[hreflang='en']").click()

    expect(page).to_have_url(re.compile(re.escape(english.url) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(english.title)


def test_site_works_without_javascript(site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/fr/")

    links = page.locator(".main-nav a")
    assert links.count() >= 3
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    page.locator("header input[name='q']").fill("école")
    page.locator("header input[name='q']").press("Enter")

    expect(page).to_have_url(re.compile(r"/fr/recherche/\?q=%C3%A9cole$"))
    expect(page.locator("main a").first).to_be_visible()


def test_no_page_overflows_a_phone_screen(site, new_context):
    page = new_context(viewport={"width": PHONE_WIDTH, "height": 800}).new_page()
    overflowing = {}

    for language in ["fr", "en"]:
        for kind, url in PAGE_URLS.items():
            page.goto(url(language))
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE_WIDTH:
                overflowing[f"{kind} ({page.url})"] = width

    assert overflowing == {}, f"pages wider than {PHONE_WIDTH} px: {overflowing}"


def test_first_tab_reaches_skip_link_and_enter_moves_focus_to_main(site, page):
    page.goto("/fr/")

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.locator(":focus")).to_have_attribute("id", "main")


# Sums every layout shift from the first paint on, as Lighthouse's CLS does; buffered: true also
# reports those that happened before the observer was created.
RECORD_LAYOUT_SHIFTS = """
window.__layoutShifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
            window.__layoutShifts.push({
                value: entry.value,
                nodes: entry.sources.map((source) => source.node && source.node.nodeName),
            });
        }
    }
}).observe({ type: "layout-shift", buffered: true });
"""


def test_pages_do_not_move_after_they_appear_on_a_phone(site, new_context):
    page = new_context(viewport={"width": PHONE_WIDTH, "height": 800}).new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    moved = {}

    for kind, url in PAGE_URLS.items():
        page.goto(url("fr"), wait_until="load")
        # nav-toggle.js has run: the menu button works.
        expect(page.locator("header[data-nav].site-header--collapsible")).to_have_count(1)
        page.wait_for_timeout(200)
        shifts = page.evaluate("window.__layoutShifts")
        if sum(shift["value"] for shift in shifts) > 0.01:
            moved[kind] = shifts

    assert moved == {}


def test_phone_menu_is_folded_behind_a_button_and_opens(site, new_context):
    page = new_context(viewport={"width": PHONE_WIDTH, "height": 800}).new_page()
    page.goto("/fr/")
    menu = page.locator("#site-menu")
    expect(menu).to_be_hidden()

    page.get_by_role("button", name="Menu").click()

    expect(menu).to_be_visible()
    expect(page.locator(".main-nav a").first).to_be_visible()


def test_phone_menu_stays_open_without_javascript(site, new_context):
    page = new_context(viewport={"width": PHONE_WIDTH, "height": 800}, java_script_enabled=False).new_page()
    page.goto("/fr/")

    expect(page.locator(".site-header__toggle")).to_be_hidden()
    links = page.locator(".main-nav a")
    assert links.count() >= 3
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()


def test_links_in_the_school_page_aside_are_at_least_24_px(site, new_context):
    page = new_context(viewport={"width": PHONE_WIDTH, "height": 800}).new_page()
    page.goto(PAGE_URLS["school page"]("fr"))
    links = page.locator(".mas-page__aside a")
    assert links.count() >= 2

    small = {}
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        if box["width"] < 24 or box["height"] < 24:
            small[links.nth(index).inner_text()] = box
    assert small == {}

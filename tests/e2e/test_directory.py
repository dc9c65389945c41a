"""The MAS directory as a person uses it: near-me by postal code, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from members.models import MASDirectoryPage
from tests.e2e.pages import live_page
from tests.e2e.test_accessibility import violations_report


def search_near(page, language, typed):
    page.goto(live_page(MASDirectoryPage, language).url)
    page.get_by_label(re.compile("Code postal ou ville|Postal code or city")).fill(typed)
    page.locator("form.directory-search button[type='submit']").click()
    page.wait_for_load_state()


def first_school(page):
    return page.locator(".directory__list .mas-card__link").first


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("fr", "G6V 6N2", "École du milieu de Lévis"),
        ("fr", "H8N 1X1", "École du milieu LaSalle"),
        ("en", "g6v", "École du milieu de Lévis"),
        ("en", "H8N", "École du milieu LaSalle"),
    ],
)
def test_postal_code_lists_the_nearest_school_first(site, page, language, typed, expected):
    search_near(page, language, typed)
    expect(first_school(page)).to_have_text(expected)
    expect(page.locator(".mas-card__distance").first).to_contain_text("km")


def test_invalid_postal_code_says_so_in_the_visitors_language(site, page):
    search_near(page, "fr", "Z9Z 9Z9")
    expect(page.locator("main")).to_contain_text("n’est pas un code postal canadien que nous connaissons")
    search_near(page, "en", "12345")
    expect(page.locator("main")).to_contain_text("is not a valid postal code")


def test_use_my_location_searches_near_the_visitor_without_sending_their_position(site, new_context):
    context = new_context(geolocation={"latitude": 45.4465, "longitude": -73.6095}, permissions=["geolocation"])
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_page(MASDirectoryPage, "en").url)

    page.get_by_role("button", name="Use my location").click()
    page.wait_for_url(re.compile(r"near=H8"))

    expect(first_school(page)).to_have_text("École du milieu LaSalle")
    assert not any("45.44" in url or "73.60" in url for url in requests)


def test_directory_and_near_me_work_without_javascript(site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    search_near(page, "fr", "G6V 6N2")
    expect(first_school(page)).to_have_text("École du milieu de Lévis")
    page.get_by_label("Région").select_option("16")
    page.locator("form.directory-search button[type='submit']").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"near=G6V.*region=16"))
    cities = page.locator(".mas-card__meta").all_inner_texts()
    assert cities and all("Montérégie" in text for text in cities)


def test_directory_and_school_page_have_no_violations_with_the_map_shown(site, page):
    search_near(page, "fr", "H8N 1X1")
    expect(page.locator("[data-members-map]")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_attached()
    assert violations_report(page) == ""
    first_school(page).click()
    expect(page.locator("[data-members-map]")).to_be_visible()
    assert violations_report(page) == ""


def test_map_markers_are_reachable_and_labelled(site, page):
    search_near(page, "en", "G6V 6N2")
    markers = page.locator("[data-members-map] .leaflet-marker-icon")
    expect(markers.first).to_be_attached()
    for index in range(markers.count()):
        marker = markers.nth(index)
        # A school's marker is named by its alt text; a cluster's by its hidden "N schools" text.
        assert marker.get_attribute("tabindex") == "0"
        assert marker.get_attribute("alt") or "schools" in marker.inner_text()

    first_school(page).click()
    marker = page.locator("[data-members-map] .leaflet-marker-icon")
    expect(marker).to_have_attribute("alt", "École du milieu de Lévis")
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content a")).to_have_text("École du milieu de Lévis")

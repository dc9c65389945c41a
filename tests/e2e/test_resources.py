"""The resources in Chromium (issue 9): axe finds no WCAG 2.1 A/AA violation on the list (with a
search and its facets), a resource page and the proposal form, in French and English; an
anonymous search for "decrochage" finds public resources only, a demo member's finds more; a demo
member's proposal goes through staff review in the Wagtail admin and is published with its author
school, and its author is told by email."""

import pytest
from playwright.sync_api import expect

from members.demo_accounts import DEMO_PASSWORD
from resources.models import ResourceIndexPage, ResourcePage
from tests.e2e.pages import live_page, named_url
from tests.e2e.test_accessibility import violations_report

MEMBER = "coordination.levis@example.org"


def sign_in(page, language):
    page.goto(named_url("account_login", language))
    page.fill("input[name='login']", MEMBER)
    page.fill("input[name='password']", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form[method='post'] [type='submit']").last.click()


def public_resource(language):
    page = (
        ResourcePage.objects.live().filter(locale__language_code=language, audience="public").order_by("path").first()
    )
    assert page is not None
    return page.url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_resources_pages_have_no_wcag_21_aa_violations(site, page, language):
    index = live_page(ResourceIndexPage, language).url
    reports = {}
    for name, url in [
        ("list", index),
        ("search with facets", f"{index}?q=decrochage&kind=guide"),
        ("refused search", f"{index}?q={'x' * 300}&theme=nope"),
        ("resource page", public_resource(language)),
    ]:
        page.goto(url)
        reports[f"{name} ({page.url})"] = violations_report(page)
    sign_in(page, language)
    page.goto(named_url("resources_portal:propose", language))
    reports[f"proposal form ({page.url})"] = violations_report(page)
    page.locator("main form[method='post'] [type='submit']").last.click()
    page.wait_for_load_state()
    reports[f"proposal form with errors ({page.url})"] = violations_report(page)

    failing = {name: report for name, report in reports.items() if report}
    assert not failing, "\n\n".join(f"== {name}\n{report}" for name, report in failing.items())


def test_a_search_without_javascript_finds_more_for_a_member(site, browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(live_page(ResourceIndexPage, "fr").url)
    page.fill("input[name='q']", "decrochage")
    with page.expect_navigation():
        page.locator("main form[role='search'] [type='submit']").click()
    anonymous = page.locator(".resource-card__title").all_inner_texts()
    assert anonymous
    assert "Grille d'entrevue d'accueil" not in anonymous

    sign_in(page, "fr")
    page.goto(live_page(ResourceIndexPage, "fr").url + "?q=decrochage")
    expect(page.locator(".resource-card__title", has_text="Grille d'entrevue d'accueil")).to_be_visible()
    context.close()


# Wagtail's workflow notifications still call Django's deprecated get_connection().
@pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning")
def test_a_members_proposal_goes_through_review_and_is_published_with_its_author_school(
    site, new_context, smtp_server, tmp_path
):
    from resources.sample_files import pdf_bytes
    from tests.e2e.test_mentoring import sign_in_staff

    # Camille, of the Lévis school, proposes a guide from the portal, with a PDF.
    member = new_context().new_page()
    sign_in(member, "fr")
    member.goto(named_url("resources_portal:propose", "fr"))
    form = member.locator("main form[method='post']")
    form.get_by_label("Titre").fill("Trousse d’accueil des raccrocheurs")
    form.get_by_label("Résumé").fill("Une grille d’entrevue et des conseils pour la première rencontre.")
    form.locator("input[name='audience'][value='public']").check()
    upload = tmp_path / "trousse.pdf"
    upload.write_bytes(pdf_bytes("Trousse d’accueil", ["Accueillir les raccrocheurs sans jugement."]))
    form.locator("input[name='file']").set_input_files(str(upload))
    with member.expect_navigation():
        form.locator("[type='submit']").last.click()
    proposal = ResourcePage.objects.get(title="Trousse d’accueil des raccrocheurs")
    assert not proposal.live

    # AMASQ staff approve it in the Wagtail admin (two-factor sign-in), from its edit page.
    staff = new_context().new_page()
    sign_in_staff(staff, "fr")
    staff.goto(f"/admin/pages/{proposal.pk}/edit/")
    with staff.expect_navigation():
        # "Approve and publish", not "with comment" (which opens a dialog); it may sit in the
        # footer's drop-down, hence the event rather than a click at its place.
        staff.locator(
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
        ).dispatch_event("click")

    proposal.refresh_from_db()
    assert proposal.live
    # Published, with its author school, for anyone: the page and a search find it.
    visitor = new_context().new_page()
    visitor.goto(proposal.url)
    expect(visitor.locator("main")).to_contain_text("École du milieu de Lévis")
    visitor.goto(live_page(ResourceIndexPage, "fr").url + "?q=raccrocheurs+trousse")
    expect(visitor.locator(".resource-card__title", has_text="Trousse d’accueil des raccrocheurs")).to_be_visible()
    # Camille is told, in French, through the real SMTP server.
    told = [
        message["Subject"]
        for recipients, message in zip(smtp_server.recipients, smtp_server.messages, strict=True)
        if MEMBER in recipients
    ]
    assert told == ["Votre ressource « Trousse d’accueil des raccrocheurs » est publiée"]

"""Demo resources: the resources index under the home page, then resources in French and English
(see `resource_specs`).

Run by `manage.py load_demo` after the events' demo content; created once, a later run only adds
what is missing.
"""

from home.demo import ensure_pages, find_page, languages


def index_spec():
    return {
        "key": "resources",
        "type": "resources.ResourceIndexPage",
        "parent": "home",
        "after": "events",
        "in_menu": True,
        "fr": {
            "title": "Ressources",
            "slug": "ressources",
            "search_description": "Guides, outils, recherches et cadre de référence partagés par les MAS et l'AMASQ.",
            "intro": "Guides, outils, recherches et cadre de référence : ce que les milieux adaptés de scolarisation partagent de leurs pratiques.",
        },
        "en": {
            "title": "Resources",
            "slug": "resources",
            "search_description": "Guides, tools, research and the reference framework shared by the MAS and AMASQ.",
            "intro": "Guides, tools, research and the reference framework: what adapted schooling settings share of their practice.",
        },
    }


def load(stdout):
    if find_page("home", languages()[0]) is None:
        stdout.write("resources: no demo home page to hang the resources under; left out.")
        return
    specs = [index_spec()]
    created = ensure_pages(specs)
    stdout.write(
        f"resources: {len(created)} pages created, {len(specs) * len(languages()) - len(created)} already there."
    )

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import FooterText


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_order = 200
    list_display = ["__str__", "locale"]


register_snippet(FooterTextViewSet)

from .forms import ContactFormField, ContactPage
from .pages import HomePage, NewsIndexPage, NewsPage, NewsPageTag, StandardPage
from .site_settings import SiteSettings
from .snippets import FooterText

__all__ = [
    "ContactFormField",
    "ContactPage",
    "FooterText",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SiteSettings",
    "StandardPage",
]

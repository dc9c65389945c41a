"""Sections of the portal home that other apps provide (upcoming registrations, mentoring,
new resources, members-only news).

The members app must not import the apps that stand on it (DESIGN.md), so they register here
through a Wagtail hook, in their own wagtail_hooks.py:

    from members.public import PortalSection, register_portal_section

    @register_portal_section
    def registrations_section():
        return PortalSection(
            key="event-registrations",
            title=_("My registrations"),
            template="events/portal/registrations.html",
            get_context=upcoming_registrations_context,  # request → dict, or None to hide it
            order=10,
        )

A section that fails is left out and logged, so one broken feature never breaks the portal.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from wagtail import hooks

logger = logging.getLogger(__name__)

HOOK_NAME = "register_member_portal_section"


@dataclass(frozen=True)
class PortalSection:
    key: str
    title: str
    template: str
    get_context: Callable
    order: int = 100


def register_portal_section(fn):
    """Register `fn` (no arguments → PortalSection) as a portal home section; use as a decorator."""
    hooks.register(HOOK_NAME, fn)
    return fn


@dataclass(frozen=True)
class RenderedSection:
    key: str
    title: str
    html: str


def render_portal_sections(request):
    """Every registered section that has something to show, rendered, in order."""
    sections = []
    for register in hooks.get_hooks(HOOK_NAME):
        try:
            section = register()
            context = section.get_context(request)
            if context is None:
                continue
            html = render_to_string(section.template, {**context, "section_title": section.title}, request=request)
        except Exception:
            logger.exception("The portal section of %r failed; it is left out.", register)
            continue
        sections.append((section.order, section.key, RenderedSection(section.key, str(section.title), html)))
    return [rendered for _order, _key, rendered in sorted(sections, key=lambda item: item[:2])]

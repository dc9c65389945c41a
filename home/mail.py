"""One way to send an email from a template: HTML + plain text, in the recipient's language,
CSS inlined (mail clients drop <style>), attachments optional.

Every app sends through `send_templated_email`, from a task (django.tasks) that takes ids, so
that the task queue holds no personal data.
"""

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from home.text import single_line

# Never fetch a stylesheet from the network while rendering an email.
_inliner = css_inline.CSSInliner(load_remote_stylesheets=False)


def inline_css(html):
    """`html` with its <style> rules moved into style attributes, for mail clients."""
    return _inliner.inline(html)


def clean_subject(subject):
    """One line, without control or bidirectional formatting characters: in a subject they can
    make text from a visitor (a name) display as something else ("U+202E" turns "txt.exe" into
    "exe.txt")."""
    return single_line(subject)


def send_templated_email(
    template,
    *,
    to,
    language,
    context=None,
    subject=None,
    reply_to=(),
    from_email=None,
    attachments=(),
    request=None,
):
    """Render `template`.txt and `template`.html (and `template`_subject.txt unless `subject` is
    given) in `language`, and send them to `to` as one message.

    `template` is a path without extension, e.g. "email/members/invitation". The context also
    holds `site_name` and `site_url`. `attachments`: (filename, content, mimetype) tuples.
    Returns the number of messages sent (0 or 1), as Django's send() does.
    """
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_BASE_URL, **(context or {})}
    with translation.override(language):
        if subject is None:
            subject = render_to_string(f"{template}_subject.txt", context, request=request)
        subject = clean_subject(subject)
        text = render_to_string(f"{template}.txt", context, request=request)
        html = _inliner.inline(render_to_string(f"{template}.html", context, request=request))
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to),
        attachments=list(attachments),
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message.send()

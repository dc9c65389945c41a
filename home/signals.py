"""Signals between the feature apps, which do not import each other (docs/architecture.md).

`newsletter_opt_in`: an app that asked someone, beside something else, whether they also want
the newsletter (the event registration form does) sends it once the person has confirmed their
address, with `email`, `language`, `source` (a newsletter.ConsentSource value, e.g. "event"),
`wording` (the exact sentence the person ticked, in their language) and `page_url`. The
newsletter app subscribes the address to the public newsletter and records the consent.
"""

from django.dispatch import Signal

newsletter_opt_in = Signal()

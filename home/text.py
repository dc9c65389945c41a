"""Text from people, made safe for places that are one line of plain text (email subjects)."""

import unicodedata

# Control characters (Cc), format characters (Cf: the bidirectional overrides and isolates
# U+202A–U+202E and U+2066–U+2069, marks, zero-width characters), line and paragraph separators
# (Zl, Zp), surrogates and unassigned code points. A name carrying U+202E would otherwise
# display an email subject reversed, e.g. to disguise what it is about.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def single_line(text):
    """`text` without control or bidirectional formatting characters, its whitespace runs
    collapsed to single spaces: safe for an email subject."""
    cleaned = "".join(
        " " if char.isspace() else char
        for char in str(text)
        if char.isspace() or unicodedata.category(char) not in UNSAFE_CATEGORIES
    )
    return " ".join(cleaned.split())


def fold(text):
    """Lower-case, accent-free, single-spaced text, for matching what people type."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(without_accents.lower().replace("-", " ").replace("’", "'").split())

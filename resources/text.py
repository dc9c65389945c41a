"""Words to search terms, the same way for the index and for a query, on PostgreSQL and SQLite.

A word is lower-cased, stripped of its accents ("décrochage" and "decrochage" are one word), and
reduced to its root by the Snowball stemmers of French and English (both: a resource in French
may be looked for with English words, and its files are in either language). French roots also
lose a derivational ending, so that the words of one family meet: "raccrocheurs" and
"raccrochage" both give "raccroch".
"""

import functools
import re
import unicodedata

import snowballstemmer

_FRENCH = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+")
# Longest first: "ateur" before "eur".
_FRENCH_DERIVATIONS = ("atrice", "ateur", "ation", "ement", "euse", "eur", "ag")
_MIN_ROOT = 4
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cet",
        "cette",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "un",
        "une",
        "vos",
        "votre",
        "nos",
        "notre",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "with",
    ]
)


def fold(text):
    """Lower case, no accents, ligatures spelled out."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def words(text):
    return [word for word in _WORD.findall(fold(text)) if word not in STOP_WORDS]


def _french_root(word):
    stem = _FRENCH.stemWord(word)
    for ending in _FRENCH_DERIVATIONS:
        if stem.endswith(ending) and len(stem) - len(ending) >= _MIN_ROOT:
            return stem[: -len(ending)]
    return stem


# A text repeats its words: each is stemmed once (a resource's files run to thousands of words).
@functools.lru_cache(maxsize=50_000)
def roots(word):
    """The roots of one folded word: its French and its English root (often the same)."""
    return frozenset({_french_root(word), _ENGLISH.stemWord(word)})


def index_terms(text):
    """`text` as a space-separated string of roots, for the search index."""
    return " ".join(root for word in words(text) for root in sorted(roots(word)))


def query_terms(text):
    """The words of a query, each as the set of roots any of which may match."""
    seen = []
    for word in words(text):
        word_roots = roots(word)
        if word_roots not in seen:
            seen.append(word_roots)
    return seen

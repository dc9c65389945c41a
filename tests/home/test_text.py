import pytest

from home.text import single_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Access request from Ana\u202etxt.exe", "Access request from Anatxt.exe"),
        ("\u2066Marie\u2069 \u200fGagnon\u200e", "Marie Gagnon"),
        ("Nom\x00 avec\x07 contrôle\x1b", "Nom avec contrôle"),
        ("Deux\nlignes\r\nde\u2028texte\u2029ici", "Deux lignes de texte ici"),
        ("  Gwenaëlle   Ouellet-Brassard ", "Gwenaëlle Ouellet-Brassard"),
        ("Émilie 李 O’Neil", "Émilie 李 O’Neil"),
    ],
)
def test_single_line_keeps_letters_and_drops_controls_and_bidi_overrides(text, expected):
    assert single_line(text) == expected

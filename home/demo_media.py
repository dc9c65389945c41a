"""Media for the demo content, made on the spot: abstract illustrations and small text PDFs.

Nothing is downloaded and nothing is copied from anywhere: the images are drawn with Pillow from
a fixed seed (the same key always gives the same picture) and the PDFs are written by hand with
the PDF standard fonts, so their text can be selected, searched and read aloud.
"""

import functools
import math
import random
import textwrap
from io import BytesIO

from django.utils import timezone
from PIL import Image, ImageDraw

SIZE = (1600, 900)
SCALE = 2  # drawn twice as large, then reduced: smooth edges without an anti-aliasing library

BLUE_DARK = (22, 61, 110)
BLUE = (47, 111, 179)
TEAL = (15, 139, 141)
TEAL_LIGHT = (127, 200, 194)
SAND = (242, 227, 198)
CREAM = (251, 246, 238)
ORANGE = (244, 162, 89)
CORAL = (231, 111, 81)
YELLOW = (246, 200, 95)

# key: (title in the image library, motif). All are abstract and carry no information, so pages
# mark them as decorative.
IMAGES = {
    "hero": ("Illustration abstraite : cercles qui se chevauchent", "circles"),
    "network": ("Illustration abstraite : points reliés en réseau", "network"),
    "paths": ("Illustration abstraite : chemins ondulés", "waves"),
    "figures": ("Illustration abstraite : barres arrondies", "bars"),
    "pair": ("Illustration abstraite : deux formes qui se rejoignent", "pair"),
    "horizon": ("Illustration abstraite : soleil sur l'horizon", "horizon"),
    "gathering": ("Illustration abstraite : grappe de points colorés", "dots"),
}


@functools.cache
def draw_image(key):
    """Return the JPEG bytes of the demo image `key`."""
    _title, motif = IMAGES[key]
    # Not for security: a seeded generator makes the same picture on every machine.
    rng = random.Random(key)  # noqa: S311
    width, height = SIZE[0] * SCALE, SIZE[1] * SCALE
    canvas = Image.new("RGB", (width, height))
    top, bottom = _BACKGROUNDS[motif]
    _gradient(canvas, top, bottom)
    draw = ImageDraw.Draw(canvas, "RGBA")
    _MOTIFS[motif](draw, rng, width, height)
    output = BytesIO()
    canvas.reduce(SCALE).save(output, "JPEG", quality=85, optimize=True, progressive=True)
    return output.getvalue()


def _gradient(canvas, top, bottom):
    width, height = canvas.size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        ratio = y / (height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * ratio) for a, b in zip(top, bottom, strict=True)))
    canvas.paste(column.resize((width, height), Image.Resampling.NEAREST))


def _circle(draw, x, y, radius, colour, alpha):
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, alpha))


def _circles(draw, rng, width, height):
    for colour in (TEAL, BLUE, ORANGE, TEAL_LIGHT, YELLOW, BLUE, CORAL):
        _circle(draw, rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.15, 0.4) * height, colour, 150)


def _network(draw, rng, width, height):
    nodes = [(rng.uniform(0.05, 0.95) * width, rng.uniform(0.1, 0.9) * height) for _ in range(22)]
    for x, y in nodes:
        nearest = sorted(nodes, key=lambda node: (node[0] - x) ** 2 + (node[1] - y) ** 2)[1:4]
        for other in nearest:
            draw.line(((x, y), other), fill=(*TEAL_LIGHT, 140), width=6 * SCALE)
    for x, y in nodes:
        _circle(draw, x, y, rng.uniform(14, 34) * SCALE, rng.choice((ORANGE, YELLOW, CORAL, CREAM)), 235)


def _waves(draw, rng, width, height):
    colours = (TEAL_LIGHT, TEAL, BLUE, BLUE_DARK)
    for index, colour in enumerate(colours):
        base = height * (0.35 + 0.16 * index)
        amplitude, phase = rng.uniform(0.04, 0.09) * height, rng.uniform(0, 6.28)
        points = [(x, base + amplitude * math.sin(x / width * 6.28 * 1.5 + phase)) for x in range(0, width + 40, 40)]
        draw.polygon([*points, (width, height), (0, height)], fill=(*colour, 230))
    _circle(draw, width * 0.78, height * 0.2, height * 0.1, ORANGE, 240)


def _bars(draw, rng, width, height):
    count = 7
    slot = width / (count + 1)
    for index in range(count):
        bar_height = height * (0.2 + 0.09 * index + rng.uniform(-0.05, 0.05))
        x = slot * (index + 0.75)
        colour = (TEAL, BLUE, ORANGE)[index % 3]
        draw.rounded_rectangle(
            (x, height - bar_height - height * 0.1, x + slot * 0.55, height * 0.9),
            radius=24 * SCALE,
            fill=(*colour, 225),
        )
    _circle(draw, width * 0.12, height * 0.2, height * 0.08, YELLOW, 220)


def _pair(draw, rng, width, height):
    _circle(draw, width * 0.4, height * 0.52, height * 0.34, TEAL, 200)
    _circle(draw, width * 0.6, height * 0.48, height * 0.3, ORANGE, 190)
    for _ in range(40):
        _circle(draw, rng.uniform(0, width), rng.uniform(0, height), rng.uniform(4, 12) * SCALE, CREAM, 160)


def _horizon(draw, rng, width, height):
    _circle(draw, width * 0.5, height * 0.62, height * 0.28, YELLOW, 255)
    for index, colour in enumerate((ORANGE, CORAL, BLUE, BLUE_DARK)):
        base = height * (0.62 + 0.09 * index)
        amplitude = rng.uniform(0.02, 0.05) * height
        phase = rng.uniform(0, 6.28)
        points = [(x, base + amplitude * math.sin(x / width * 6.28 + phase)) for x in range(0, width + 40, 40)]
        draw.polygon([*points, (width, height), (0, height)], fill=(*colour, 235))


def _dots(draw, rng, width, height):
    for _ in range(70):
        x = rng.gauss(width / 2, width / 6)
        y = rng.gauss(height / 2, height / 5)
        _circle(draw, x, y, rng.uniform(18, 60) * SCALE, rng.choice((TEAL, BLUE, ORANGE, YELLOW, CORAL)), 190)


_MOTIFS = {
    "circles": _circles,
    "network": _network,
    "waves": _waves,
    "bars": _bars,
    "pair": _pair,
    "horizon": _horizon,
    "dots": _dots,
}
_BACKGROUNDS = {
    "circles": (CREAM, SAND),
    "network": (BLUE_DARK, BLUE),
    "waves": (CREAM, SAND),
    "bars": (CREAM, SAND),
    "pair": (BLUE, BLUE_DARK),
    "horizon": (TEAL_LIGHT, SAND),
    "dots": (CREAM, TEAL_LIGHT),
}


# PDF: US Letter, in points.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 612, 792, 72
STYLES = {"#": ("F2", 20, 28), "##": ("F2", 13, 22), "": ("F1", 11, 15.5), "-": ("F1", 11, 15.5)}


def summary_pdf(title, text, *, language):
    """A text PDF: lines of `text` starting with "# " or "## " are headings, "- " list items.

    The fonts are the standard Helvetica pair with WinAnsi (cp1252) encoding, which covers French.
    """
    pages = _layout(text)
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R /Lang ({language}) /ViewerPreferences << /DisplayDocTitle true >> >>",
        "<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        "<< /Title {title} /Author (AMASQ) /Producer (AMASQ demo content) /CreationDate (D:{date}) >>".format(
            title=_utf16(title), date=timezone.now().strftime("%Y%m%d%H%M%SZ")
        ),
    ]
    kids = []
    for content in pages:
        stream = content.encode("ascii")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = objects[1].format(kids=" ".join(kids), count=len(kids))

    output = BytesIO()
    output.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode())
        output.write(body if isinstance(body, bytes) else body.encode("ascii"))
        output.write(b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return output.getvalue()


def _layout(text):
    """Split `text` into pages of PDF drawing operators, wrapping lines to the page width."""
    pages, operators = [], []
    y = PAGE_HEIGHT - MARGIN
    for raw_line in text.strip().splitlines():
        marker, _space, rest = raw_line.partition(" ")
        if marker not in STYLES or not rest:
            marker, rest = "", raw_line
        font, size, leading = STYLES[marker]
        if not rest.strip():
            y -= leading / 2
            continue
        indent = 14 if marker == "-" else 0
        # Helvetica averages about half an em per character in running French text.
        width = int((PAGE_WIDTH - 2 * MARGIN - indent) / (size * 0.5))
        lines = textwrap.wrap(rest, width) or [""]
        y -= leading * 0.4 if marker.startswith("#") else 0
        for index, line in enumerate(lines):
            if y - leading < MARGIN:
                pages.append("\n".join(operators))
                operators, y = [], PAGE_HEIGHT - MARGIN
            y -= leading
            if marker == "-" and index == 0:
                operators.append(f"BT /{font} {size} Tf {MARGIN} {y:.1f} Td ({_escape(chr(0x2022))}) Tj ET")
            operators.append(f"BT /{font} {size} Tf {MARGIN + indent} {y:.1f} Td ({_escape(line)}) Tj ET")
    pages.append("\n".join(operators))
    return pages


def _escape(value):
    """A PDF literal string body: cp1252 bytes, with non-ASCII ones written as octal escapes."""
    out = []
    for byte in value.encode("cp1252", errors="replace"):
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)


def _utf16(value):
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"

"""Calm abstract pictures drawn with Pillow, for demo content and tests.

Every picture is a pure function of its arguments: the same ``seed`` gives the same bytes,
so a re-run of the demo loader (or a test) produces identical files.
"""

import io
import random
import zlib
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# Muted, neutral palettes: (background dark, background light, accent, accent 2, ink).
PALETTES = [
    ((38, 70, 83), (133, 173, 175), (233, 196, 106), (244, 162, 97), (248, 246, 240)),
    ((52, 58, 64), (173, 181, 189), (108, 153, 140), (222, 226, 230), (250, 250, 248)),
    ((61, 64, 91), (129, 178, 154), (242, 204, 143), (224, 122, 95), (244, 241, 222)),
    ((40, 54, 24), (96, 108, 56), (221, 161, 94), (254, 250, 224), (254, 250, 224)),
    ((29, 53, 87), (69, 123, 157), (168, 218, 220), (241, 250, 238), (241, 250, 238)),
    ((73, 80, 87), (201, 173, 167), (242, 233, 228), (154, 140, 152), (250, 246, 242)),
    ((0, 73, 83), (95, 158, 160), (230, 214, 184), (196, 120, 86), (245, 240, 230)),
    ((88, 58, 52), (176, 137, 104), (237, 224, 212), (127, 85, 57), (250, 244, 238)),
]


def seed_of(value):
    """A stable integer seed for any string (``hash()`` changes between runs)."""
    return zlib.crc32(str(value).encode("utf-8"))


@lru_cache(maxsize=32)
def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        try:
            return ImageFont.load_default(size=size)
        except TypeError:  # Pillow without FreeType
            return ImageFont.load_default()


def _text_width(draw, text, text_font):
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=text_font)
    return right - left


def wrap(draw, text, text_font, max_width, max_lines):
    """Greedy word wrap by measured width; the last line ends with "…" when cut."""
    words = text.split()
    lines, line = [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if _text_width(draw, candidate, text_font) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _text_width(draw, last + " …", text_font) > max_width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def _gradient(size, top, bottom, direction=0):
    """A two-colour gradient: 0 top to bottom, 1 bottom to top, 2 and 3 diagonal."""
    vertical = Image.linear_gradient("L").resize(size, Image.BILINEAR)
    if direction == 1:
        vertical = vertical.transpose(Image.FLIP_TOP_BOTTOM)
    mask = vertical
    if direction in (2, 3):
        horizontal = Image.linear_gradient("L").rotate(90).resize(size, Image.BILINEAR)
        if direction == 3:
            horizontal = horizontal.transpose(Image.FLIP_LEFT_RIGHT)
        mask = Image.blend(vertical, horizontal, 0.5)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _soft_shapes(size, rng, colours, count):
    """Blurred translucent discs and bars, drawn small and scaled up (cheap and soft)."""
    width, height = size
    small = (max(width // 4, 1), max(height // 4, 1))
    layer = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(count):
        colour = rng.choice(colours)
        alpha = rng.randint(40, 90)
        x = rng.randint(-small[0] // 8, small[0])
        y = rng.randint(-small[1] // 8, small[1])
        if rng.random() < 0.7:
            r = rng.randint(small[1] // 10, small[1] // 2)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, alpha))
        else:
            w = rng.randint(small[0] // 6, small[0] // 2)
            h = rng.randint(small[1] // 20, small[1] // 8)
            draw.rectangle((x, y, x + w, y + h), fill=(*colour, alpha))
    layer = layer.filter(ImageFilter.GaussianBlur(radius=max(small[1] // 60, 1)))
    return layer.resize(size, Image.BICUBIC)


def _hills(image, rng, colours):
    """A few layered ridges across the lower part: reads as a landscape, stays abstract."""
    width, height = image.size
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    base = int(height * rng.uniform(0.55, 0.7))
    for layer_index in range(3):
        colour = colours[layer_index % len(colours)]
        points = [(0, height)]
        steps = 8
        y = base + layer_index * height // 10
        for step in range(steps + 1):
            x = width * step // steps
            points.append((x, y + rng.randint(-height // 14, height // 14)))
        points.append((width, height))
        draw.polygon(points, fill=(*colour, 150 + layer_index * 30))
    image.alpha_composite(overlay)


def _title_band(image, title, subtitle, ink, rng):
    width, height = image.size
    draw = ImageDraw.Draw(image)
    title_font = font(max(height // 18, 14), bold=True)
    sub_font = font(max(height // 36, 10))
    margin = width // 24
    lines = wrap(draw, title, title_font, width - 2 * margin, 2) if title else []
    line_height = int(title_font.size * 1.25)
    band_height = line_height * len(lines) + (sub_font.size * 2 if subtitle else 0) + margin
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(overlay).rectangle(
        (0, height - band_height - margin // 2, width, height), fill=(20, 24, 28, 120)
    )
    image.alpha_composite(overlay)
    draw = ImageDraw.Draw(image)
    y = height - band_height
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=(*ink, 255))
        y += line_height
    if subtitle:
        draw.text((margin, y + sub_font.size // 3), subtitle, font=sub_font, fill=(*ink, 220))


def _encode(image, fmt):
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, "PNG", optimize=False)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=84, optimize=True, progressive=False)
    return buffer.getvalue()


def photo(width=1600, height=900, seed=0, title="", subtitle=""):
    """A landscape-like composition for article heroes, news pictures and gallery photos."""
    rng = random.Random(seed_of(seed))
    dark, light, accent, accent2, ink = rng.choice(PALETTES)
    image = _gradient((width, height), dark, light, rng.randint(0, 3)).convert("RGBA")
    image.alpha_composite(_soft_shapes((width, height), rng, [accent, accent2, light], 9))
    # A low sun or moon.
    draw = ImageDraw.Draw(image)
    r = height // rng.randint(7, 11)
    cx, cy = rng.randint(width // 6, width * 5 // 6), rng.randint(height // 6, height // 2)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*accent, 230))
    _hills(image, rng, [dark, accent2, dark])
    if title or subtitle:
        _title_band(image, title, subtitle, ink, rng)
    return _encode(image, "JPEG")


def cartoon(width=1200, height=1200, seed=0, title="", caption=""):
    """A flat, outlined editorial-cartoon style panel: shapes, a speech bubble, a caption."""
    rng = random.Random(seed_of(seed))
    dark, light, accent, accent2, ink = rng.choice(PALETTES)
    paper = (247, 243, 233)
    image = Image.new("RGBA", (width, height), (*paper, 255))
    draw = ImageDraw.Draw(image)
    outline = (40, 40, 40)
    stroke = max(width // 150, 3)
    margin = width // 16
    draw.rectangle((margin, margin, width - margin, height - margin), outline=outline, width=stroke)
    # Ground and a few blocky "buildings" or figures.
    ground = int(height * 0.72)
    draw.rectangle(
        (margin, ground, width - margin, height - margin),
        fill=(*light, 255),
        outline=outline,
        width=stroke,
    )
    x = margin + width // 20
    while x < width - margin * 2:
        w = rng.randint(width // 14, width // 7)
        h = rng.randint(height // 8, height // 3)
        colour = rng.choice([dark, accent, accent2, light])
        draw.rectangle(
            (x, ground - h, min(x + w, width - margin - stroke), ground),
            fill=(*colour, 255),
            outline=outline,
            width=stroke,
        )
        x += w + rng.randint(width // 60, width // 20)
    # A speech bubble.
    bx0, by0 = width // 5, height // 7
    bx1, by1 = width * 4 // 5, height * 2 // 5
    draw.rounded_rectangle(
        (bx0, by0, bx1, by1),
        radius=width // 20,
        fill=(255, 255, 255, 255),
        outline=outline,
        width=stroke,
    )
    tail = [
        (bx0 + width // 8, by1 - stroke),
        (bx0 + width // 5, by1 - stroke),
        (bx0 + width // 10, by1 + height // 10),
    ]
    draw.polygon(tail, fill=(255, 255, 255, 255), outline=outline)
    bubble_font = font(max(height // 22, 12), bold=True)
    lines = wrap(draw, title or "…", bubble_font, bx1 - bx0 - width // 10, 3)
    y = by0 + (by1 - by0 - len(lines) * int(bubble_font.size * 1.3)) // 2
    for line in lines:
        line_width = _text_width(draw, line, bubble_font)
        draw.text(((bx0 + bx1 - line_width) // 2, y), line, font=bubble_font, fill=outline)
        y += int(bubble_font.size * 1.3)
    if caption:
        caption_font = font(max(height // 40, 10))
        for index, line in enumerate(wrap(draw, caption, caption_font, width - 4 * margin, 2)):
            draw.text(
                (margin * 2, height - margin - caption_font.size * (2.6 - index * 1.3)),
                line,
                font=caption_font,
                fill=outline,
            )
    return _encode(image, "JPEG")


def cover(width=900, height=1260, seed=0, title="", kicker="", footer="Nejat Society"):
    """A book or periodical cover: a coloured field, a geometric band and the title."""
    rng = random.Random(seed_of(seed))
    dark, light, accent, accent2, ink = rng.choice(PALETTES)
    image = _gradient((width, height), dark, light, rng.randint(0, 3)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    # A band of repeated shapes.
    band_top = int(height * rng.uniform(0.5, 0.6))
    band_height = height // 5
    step = width // rng.randint(5, 9)
    for index, x in enumerate(range(-step, width + step, step)):
        colour = (accent, accent2, light)[index % 3]
        if rng.random() < 0.5:
            draw.ellipse((x, band_top, x + step, band_top + step), fill=(*colour, 255))
        else:
            draw.rectangle(
                (x, band_top + step // 4, x + step - 6, band_top + band_height),
                fill=(*colour, 255),
            )
    margin = width // 12
    draw.rectangle((margin, margin, width - margin, margin + 6), fill=(*ink, 255))
    if kicker:
        draw.text((margin, margin * 1.4), kicker.upper(), font=font(width // 30), fill=(*ink, 255))
    title_font = font(width // 13, bold=True)
    y = int(margin * 2.6)
    for line in wrap(draw, title, title_font, width - 2 * margin, 5):
        draw.text((margin, y), line, font=title_font, fill=(*ink, 255))
        y += int(title_font.size * 1.2)
    footer_font = font(width // 28, bold=True)
    draw.text(
        (margin, height - margin - footer_font.size), footer, font=footer_font, fill=(*ink, 255)
    )
    return _encode(image, "JPEG")


def portrait(size=480, seed=0, initials=""):
    """An avatar for a fictional correspondent: a soft disc with initials, no face."""
    rng = random.Random(seed_of(seed))
    dark, light, accent, accent2, ink = rng.choice(PALETTES)
    image = _gradient((size, size), dark, light, rng.randint(0, 3)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    r = size * 3 // 8
    draw.ellipse((size // 2 - r, size // 2 - r, size // 2 + r, size // 2 + r), fill=(*accent, 255))
    initials_font = font(size // 4, bold=True)
    text_width = _text_width(draw, initials, initials_font)
    draw.text(
        ((size - text_width) // 2, size // 2 - initials_font.size * 0.6),
        initials,
        font=initials_font,
        fill=(*dark, 255),
    )
    return _encode(image, "JPEG")


def logo(width=720, height=200, name="NEJAT", tagline="Society"):
    """The demo logo: a mark of three interlocking rings and the name, on transparency."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    teal, sand, coral = (38, 70, 83), (233, 196, 106), (224, 122, 95)
    r = height // 4
    cy = height // 2
    for index, colour in enumerate((teal, sand, coral)):
        cx = height // 3 + index * r
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline=(*colour, 255), width=max(height // 18, 3)
        )
    name_font = font(height * 2 // 5, bold=True)
    text_x = height // 3 + 3 * r + height // 6
    draw.text((text_x, cy - name_font.size * 0.75), name, font=name_font, fill=(*teal, 255))
    draw.text(
        (text_x, cy + name_font.size * 0.35), tagline, font=font(height // 6), fill=(*coral, 255)
    )
    return _encode(image, "PNG")


def frame(width, height, seed, progress, title="", subtitle=""):
    """One frame of a demo video clip (``progress`` from 0 to 1): a drifting disc."""
    rng = random.Random(seed_of(seed))
    dark, light, accent, accent2, ink = rng.choice(PALETTES)
    image = _gradient((width, height), dark, light, 0).convert("RGBA")
    draw = ImageDraw.Draw(image)
    r = height // 6
    cx = int(width * (0.15 + 0.7 * progress))
    cy = int(height * (0.45 - 0.15 * (1 - (2 * progress - 1) ** 2)))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*accent, 255))
    _hills(image, random.Random(seed_of(seed)), [dark, accent2, dark])
    if title or subtitle:
        _title_band(image, title, subtitle, ink, rng)
    return image.convert("RGB")


def render(kind, width, height, seed, title="", subtitle=""):
    """Dispatch by kind; returns ``(bytes, extension)``."""
    if kind == "cartoon":
        return cartoon(width, height, seed, title, subtitle), "jpg"
    if kind == "cover":
        return cover(width, height, seed, title, subtitle), "jpg"
    if kind == "portrait":
        return portrait(min(width, height), seed, title), "jpg"
    if kind == "logo":
        return logo(width, height, title or "NEJAT", subtitle or "Society"), "png"
    return photo(width, height, seed, title, subtitle), "jpg"

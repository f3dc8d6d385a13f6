"""Building blocks shared by the demo site and the test factories: pictures and bodies."""

import colorsys
import hashlib
import io

from django.core.files.images import ImageFile
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def _palette(seed: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    digest = hashlib.sha256(seed.encode()).digest()
    hue = digest[0] / 255
    dark = colorsys.hls_to_rgb(hue, 0.28, 0.45)
    light = colorsys.hls_to_rgb((hue + 0.08) % 1, 0.62, 0.5)
    return tuple(int(c * 255) for c in dark), tuple(int(c * 255) for c in light)


def demo_image(title: str, *, size: tuple[int, int] = (1600, 900), initials: str = ""):
    """A Wagtail image drawn with Pillow: a gradient landscape, or a portrait with initials."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    dark, light = _palette(title)
    picture = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(d + (b - d) * mix) for d, b in zip(dark, light, strict=True)),
        )
    digest = hashlib.sha256(title.encode()).digest()
    if initials:
        draw.ellipse([width * 0.2, height * 0.15, width * 0.8, height * 0.75], fill=light)
        draw.text((width * 0.42, height * 0.4), initials, fill=dark, font_size=width // 6)
    else:
        for index in range(6):
            x = digest[index + 1] / 255 * width
            radius = 40 + digest[index + 7] / 255 * height / 3
            shade = tuple(min(255, c + 25 * index) for c in dark)
            draw.ellipse([x - radius, height - radius, x + radius, height + radius], fill=shade)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    name = f"{slugify(title)[:60] or 'image'}.jpg"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=name))


def body_blocks(story: dict) -> list[dict]:
    """StreamField data for a story dict shaped like demo_content.ARTICLES entries."""
    subheadings = story.get("subheadings") or {}
    blocks: list[dict] = []
    for index, paragraph in enumerate(story["paragraphs"]):
        if index in subheadings:
            blocks.append({"type": "subheading", "value": subheadings[index]})
        blocks.append({"type": "paragraph", "value": f"<p>{escape(paragraph)}</p>"})
        if index == 4 and story.get("pull_quote"):
            blocks.append({"type": "pull_quote", "value": story["pull_quote"]})
    if fact_box := story.get("fact_box"):
        items = "".join(f"<li>{escape(item)}</li>" for item in fact_box["items"])
        blocks.append(
            {"type": "fact_box", "value": {"title": fact_box["title"], "body": f"<ul>{items}</ul>"}}
        )
    return blocks

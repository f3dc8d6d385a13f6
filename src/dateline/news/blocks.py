"""StreamField blocks for article bodies. Each block names its own template, but the
paragraph, which writes its rich text out itself."""

from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph's rich text as Wagtail's `richtext` filter writes it, then a line break.

    No template: a long read has dozens of paragraphs, and rendering each through a block
    template and Wagtail's wagtailcore/shared/richtext.html (both writing the HTML out
    unchanged) was two fifths of its body's render.
    """

    def render_basic(self, value, context=None):
        # Safe as Wagtail's `richtext` filter marks it: the stored, editor-made rich text.
        return mark_safe(f"{expand_db_html(value.source)}\n")  # noqa: S308


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"


class ImageBlock(blocks.StructBlock):
    """A picture with its caption. An imported picture whose file could not be found
    keeps its caption and alt text and links to `original_url` until an editor chooses
    the image from the library."""

    image = ImageChooserBlock(required=False)
    alt = blocks.CharBlock(
        required=False,
        max_length=500,
        label="Alt text",
        help_text="What the picture shows, for readers who cannot see it. Empty: the "
        "image's own description.",
    )
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=200)
    original_url = blocks.URLBlock(
        required=False,
        label="Original address",
        help_text="Where an imported picture was on the old site. Shown as a link while no "
        "image is chosen.",
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") is None and not value.get("original_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"image": ValidationError("Choose an image.")}
            )
        return value


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    subheading = blocks.CharBlock(max_length=200, icon="title", template="blocks/subheading.html")
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock(icon="media", template="blocks/embed.html")
    fact_box = FactBoxBlock()

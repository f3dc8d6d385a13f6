"""StreamField blocks for article bodies. Each block names its own template."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


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
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="blocks/paragraph.html")
    subheading = blocks.CharBlock(max_length=200, icon="title", template="blocks/subheading.html")
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock(icon="media", template="blocks/embed.html")
    fact_box = FactBoxBlock()

"""What an entry's body can hold: text, a picture, an embedded post or video, a quote."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from dateline.news.blocks import PARAGRAPH_FEATURES, ImageBlock, ParagraphBlock, PullQuoteBlock


class LiveEntryBodyBlock(blocks.StreamBlock):
    text = ParagraphBlock(features=PARAGRAPH_FEATURES)
    image = ImageBlock()
    embed = EmbedBlock(icon="media", template="blocks/embed.html")
    quote = PullQuoteBlock()

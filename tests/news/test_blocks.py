"""The article body's blocks: the picture as editors fill it in, the paragraph as readers
get it."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText

from dateline.news.blocks import ImageBlock, ParagraphBlock


def test_a_picture_needs_an_image_or_the_address_it_was_imported_from():
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"caption": "Boats at dawn."}))
    assert "image" in error.value.block_errors
    kept = block.clean(
        block.to_python({"caption": "Boats at dawn.", "original_url": "https://old.example/a.png"})
    )
    assert kept["original_url"] == "https://old.example/a.png"


@pytest.mark.django_db
def test_a_paragraph_is_its_rich_text_as_wagtail_writes_it_then_a_line_break(home):
    source = f'<p>Read <a linktype="page" id="{home.pk}">the front page</a> &amp; <b>more</b>.</p>'
    block = ParagraphBlock()
    html = block.render(block.to_python(source))
    assert html == f"{RichText(source)}\n"  # what Wagtail's `richtext` filter writes
    assert f'<a href="{home.url}">the front page</a>' in html  # the link expanded

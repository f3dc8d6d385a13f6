"""The article body's picture block, as editors fill it in."""

import pytest
from wagtail.blocks import StructBlockValidationError

from dateline.news.blocks import ImageBlock


def test_a_picture_needs_an_image_or_the_address_it_was_imported_from():
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"caption": "Boats at dawn."}))
    assert "image" in error.value.block_errors
    kept = block.clean(
        block.to_python({"caption": "Boats at dawn.", "original_url": "https://old.example/a.png"})
    )
    assert kept["original_url"] == "https://old.example/a.png"

"""The paragraph block writes its rich text out itself (dateline.news.blocks.
ParagraphBlock) instead of naming a template. Only the blocks' definitions change, and
they live in Python: the entries' bodies stay the same JSON in the same column, so
the database is left alone (SQLite would copy the whole table to alter the column)."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('live', '0002_entry_body_image_alt'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='liveentry',
                    name='body',
                    field=wagtail.fields.StreamField([('text', 0), ('image', 6), ('embed', 7), ('quote', 9)], block_lookup={0: ('dateline.news.blocks.ParagraphBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 1: ('wagtail.images.blocks.ImageChooserBlock', (), {'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "What the picture shows, for readers who cannot see it. Empty: the image's own description.", 'label': 'Alt text', 'max_length': 500, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 500, 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 5: ('wagtail.blocks.URLBlock', (), {'help_text': 'Where an imported picture was on the old site. Shown as a link while no image is chosen.', 'label': 'Original address', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 1), ('alt', 2), ('caption', 3), ('credit', 4), ('original_url', 5)]], {}), 7: ('wagtail.embeds.blocks.EmbedBlock', (), {'icon': 'media', 'template': 'blocks/embed.html'}), 8: ('wagtail.blocks.TextBlock', (), {}), 9: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 4)]], {})}),
                ),
            ],
        ),
    ]

"""The paragraph block writes its rich text out itself (dateline.news.blocks.
ParagraphBlock) instead of naming a template. Only the blocks' definitions change, and
they live in Python: the stories' and pages' bodies stay the same JSON in the same column, so
the database is left alone (SQLite would copy the whole table to alter the column)."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0009_listing_indexes_leave_drafts_out'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='articlepage',
                    name='body',
                    field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('pull_quote', 4), ('image', 9), ('embed', 10), ('fact_box', 13)], blank=True, block_lookup={0: ('dateline.news.blocks.ParagraphBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'blocks/subheading.html'}), 2: ('wagtail.blocks.TextBlock', (), {}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('quote', 2), ('attribution', 3)]], {}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "What the picture shows, for readers who cannot see it. Empty: the image's own description.", 'label': 'Alt text', 'max_length': 500, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 500, 'required': False}), 8: ('wagtail.blocks.URLBlock', (), {'help_text': 'Where an imported picture was on the old site. Shown as a link while no image is chosen.', 'label': 'Original address', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 5), ('alt', 6), ('caption', 7), ('credit', 3), ('original_url', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'icon': 'media', 'template': 'blocks/embed.html'}), 11: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 12: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 13: ('wagtail.blocks.StructBlock', [[('title', 11), ('body', 12)]], {})}),
                ),
                migrations.AlterField(
                    model_name='standardpage',
                    name='body',
                    field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('pull_quote', 4), ('image', 9), ('embed', 10), ('fact_box', 13)], blank=True, block_lookup={0: ('dateline.news.blocks.ParagraphBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'blocks/subheading.html'}), 2: ('wagtail.blocks.TextBlock', (), {}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('quote', 2), ('attribution', 3)]], {}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "What the picture shows, for readers who cannot see it. Empty: the image's own description.", 'label': 'Alt text', 'max_length': 500, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 500, 'required': False}), 8: ('wagtail.blocks.URLBlock', (), {'help_text': 'Where an imported picture was on the old site. Shown as a link while no image is chosen.', 'label': 'Original address', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 5), ('alt', 6), ('caption', 7), ('credit', 3), ('original_url', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'icon': 'media', 'template': 'blocks/embed.html'}), 11: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 12: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 13: ('wagtail.blocks.StructBlock', [[('title', 11), ('body', 12)]], {})}),
                ),
            ],
        ),
    ]

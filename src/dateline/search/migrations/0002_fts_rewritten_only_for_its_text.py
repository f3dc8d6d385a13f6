"""SQLite: rewrite a story's full-text row only when its text changes.

Wagtail's trigger copied an index entry into the FTS5 table after any UPDATE of the
entry, so refreshing `title_norm` (a number every rebuild and every newly indexed page
recomputes) rewrote the full text of each row it touched: the whole index at the end of
`update_index`. The trigger now fires only for the columns the FTS5 table holds. Other
databases are left alone.
"""

from django.db import migrations

TRIGGER = "update_wagtailsearch_indexentry_fts"
BODY = (
    "ON wagtailsearch_indexentry BEGIN UPDATE wagtailsearch_indexentry_fts "
    "SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete "
    "WHERE rowid=NEW.id; END"
)


def _replace_trigger(schema_editor, when: str) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = %s", [TRIGGER])
        if cursor.fetchone() is None:
            return  # no FTS5 table: Wagtail made none where SQLite lacks FTS5
    schema_editor.execute(f"DROP TRIGGER {TRIGGER}")
    schema_editor.execute(f"CREATE TRIGGER {TRIGGER} {when} {BODY}")


def text_columns_only(apps, schema_editor):
    _replace_trigger(schema_editor, "AFTER UPDATE OF title, body, autocomplete")


def any_column(apps, schema_editor):
    _replace_trigger(schema_editor, "AFTER UPDATE")


class Migration(migrations.Migration):
    dependencies = [
        ("dateline_search", "0001_title_body_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(text_columns_only, any_column, elidable=False)]

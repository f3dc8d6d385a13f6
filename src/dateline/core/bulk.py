"""Many new rows of one model written at once: PostgreSQL's COPY, or bulk_create.

An import writes millions of rows (comments, their moderation decisions, the importer's
mapping rows, bylines). Django's bulk_create builds an INSERT statement with a parameter
per value, and psycopg then quotes every one into the text of the query: on PostgreSQL
that was a third of a 1,000-story import's time. COPY sends the rows as data, with no
statement to build. PostgreSQL also hands out ids before the rows exist (from the
table's sequence), so rows that point at each other (a reply at its parent) can be
written together, and, in a `deferred` block, a whole batch of an import's rows is
written in one COPY per table when the batch ends.

Only models whose fields hold plain values (text, numbers, booleans, dates, foreign
keys, IP addresses, UUIDs, JSON) are written by COPY; each row's values are what the field's
`pre_save` gives (so `auto_now` and `auto_now_add` work), as bulk_create would.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.db import connection, models

# Fields whose Python value is the value PostgreSQL stores (with psycopg's own adapters).
_PLAIN_FIELDS = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,  # EmailField, URLField, SlugField too
    models.DateTimeField,
    models.ForeignKey,
    models.GenericIPAddressField,
    models.IntegerField,  # every size, positive or not
    models.UUIDField,
    models.JSONField,  # sent as the JSON text the field's encoder writes
    models.TextField,
)
# Ids drawn at a time in a deferred block: one round trip per this many rows.
ID_BLOCK = 1000


class _Deferred:
    def __init__(self):
        self.rows: dict[type[models.Model], list[models.Model]] = {}
        self.ids: dict[type[models.Model], list[int]] = {}


_deferred: ContextVar[_Deferred | None] = ContextVar("deferred_inserts", default=None)


def insert(model: type[models.Model], objs: Sequence[models.Model], *, now: bool = False) -> None:
    """Write new `objs` of `model`; each has its id when this returns. On PostgreSQL the
    ids are drawn from the table's sequence first (for the objects without one), and the
    rows written by COPY, when a `deferred` block ends or, outside one or with `now`,
    at once; elsewhere by bulk_create. `now` is for rows the data may make break a
    unique constraint: the error is then raised here, where the caller can handle it,
    not when the block ends."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    _copied_fields(model)  # a model COPY cannot write is refused here, not at the end
    ids_ahead(model, objs)
    kept = _deferred.get()
    if kept is not None and not now:
        kept.rows.setdefault(model, []).extend(objs)
    else:
        _copy(model, objs)


def ids_ahead(model: type[models.Model], objs: Sequence[models.Model]) -> bool:
    """Give the `objs` without an id their ids before their rows exist, where the
    database hands ids out first (PostgreSQL: from the table's sequence); True then.
    Elsewhere nothing is given (False): ids come when the rows are written."""
    if connection.vendor != "postgresql":
        return False
    missing = [obj for obj in objs if obj.pk is None]
    for obj, pk in zip(missing, _reserve_ids(model, len(missing)), strict=True):
        obj.pk = pk
    return True


@contextmanager
def deferred() -> Iterator[None]:
    """On PostgreSQL, `insert` keeps its rows until this block ends, then writes each
    model's rows in one COPY, and draws ids ID_BLOCK at a time: an import's batch of
    stories costs a few round trips, not a few per story. Rows kept here are not
    visible to queries in the block. Elsewhere, and nested, it changes nothing. Open it
    inside the transaction; a block that raises writes nothing (its transaction is
    rolled back).
    """
    if connection.vendor != "postgresql" or _deferred.get() is not None:
        yield
        return
    kept = _Deferred()
    token = _deferred.set(kept)
    try:
        yield
    finally:
        _deferred.reset(token)
    for model, objs in kept.rows.items():
        _copy(model, objs)


@contextmanager
def savepoint() -> Iterator[None]:
    """Rows `insert` kept in this block are dropped if it raises, as a database
    savepoint drops the rows written in it; use it beside `transaction.atomic()`."""
    kept = _deferred.get()
    if kept is None:
        yield
        return
    marks = {model: len(objs) for model, objs in kept.rows.items()}
    try:
        yield
    except BaseException:
        for model, objs in kept.rows.items():
            del objs[marks.get(model, 0) :]
        raise


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new ids for `model`'s rows, from its table's sequence."""
    if count <= 0:
        return []
    kept = _deferred.get()
    if kept is None:
        return _next_ids(model, count)
    pool = kept.ids.setdefault(model, [])
    if len(pool) < count:
        pool += _next_ids(model, max(ID_BLOCK, count - len(pool)))
    taken, kept.ids[model] = pool[:count], pool[count:]
    return taken


def _next_ids(model: type[models.Model], count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _copy(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    fields = _copied_fields(model)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        # The table and column names are the model's own, quoted; the rows are data.
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                obj._state.adding = False
                copy.write_row([_value(field, obj) for field in fields])


def _value(field: models.Field, obj: models.Model):
    value = field.pre_save(obj, True)
    if isinstance(field, models.GenericIPAddressField | models.JSONField):
        # A blank address is NULL; JSON is adapted with the field's own encoder.
        return field.get_db_prep_save(value, connection)
    return value


@cache
def _copied_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    fields = tuple(model._meta.concrete_fields)
    for field in fields:
        if not isinstance(field, _PLAIN_FIELDS):
            raise TypeError(f"{model.__name__}.{field.name}: not a plain value for COPY")
    return fields

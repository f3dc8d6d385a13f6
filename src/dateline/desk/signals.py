"""What the desk announces to the caches (dateline.edge.invalidation listens)."""

from django.dispatch import Signal

# The lineup readers see on these fronts changed without a publication (a pick's "keep
# until" time passed): `page_ids=[...]`, sent after the fact, once per run.
fronts_changed = Signal()

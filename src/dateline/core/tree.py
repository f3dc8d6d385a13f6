"""Where a page sits in Wagtail's tree, read from its materialised path without a query."""


def lineage(page) -> set[str]:
    """The paths of the page and of each of its ancestors (none for an unsaved page)."""
    path, step = page.path or "", page.steplen
    return {path[:end] for end in range(step, len(path) + 1, step)}

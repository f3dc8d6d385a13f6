from wagtail import hooks

from dateline.edge import keys
from dateline.edge.dependencies import served_page
from dateline.edge.memory import answer_view_restrictions


@hooks.register("before_serve_page")
def name_the_served_page(page, request, serve_args, serve_kwargs):
    """What the response is (its Surrogate-Key), and, before Wagtail's view-restriction
    check asks the page, the answer this worker keeps for a page nothing restricts."""
    keys.add(*served_page(page))
    answer_view_restrictions(page)

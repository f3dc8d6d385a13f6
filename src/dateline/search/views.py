from django.shortcuts import render

from dateline.core.http import allow_reading
from dateline.news.text import stream_text
from dateline.search.forms import SearchForm
from dateline.search.highlight import highlight, query_terms, snippet
from dateline.search.selectors import CappedPaginator, article_search, result_cards

RESULTS_PER_PAGE = 10


@allow_reading
def results(request):
    """/search/?q=…: highlighted results with filters, or the form and its errors."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "results": [], "page_obj": None}
    if not request.GET:
        return render(request, "search/results.html", context)
    if not form.is_valid():
        return render(request, "search/results.html", context, status=400)
    query = form.cleaned_data["q"]
    context["query"] = query
    if not query:
        return render(request, "search/results.html", context)
    paginator = CappedPaginator(
        article_search(query=query, filters=form.filters(), sort=form.sort_order), RESULTS_PER_PAGE
    )
    number = form.cleaned_data.get("page") or 1
    if number > max(paginator.num_pages, 1):
        message = "There are not that many pages of results."
        if paginator.capped:
            message = f"Search shows the first {paginator.cap_label} results: narrow it down."
        form.add_error("page", message)
        return render(request, "search/results.html", context, status=400)
    page_obj = paginator.page(number)
    terms = query_terms(query)
    context["page_obj"] = page_obj
    context["searched"] = True
    context["results"] = [
        {
            "article": article,
            "title": highlight(article.title, terms),
            "standfirst": highlight(article.standfirst, terms),
            "snippet": snippet(stream_text(article.body), terms),
        }
        for article in result_cards(page_obj.object_list)
    ]
    context["page_query"] = _query_without_page(request)
    return render(request, "search/results.html", context)


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

"""Reader-facing comment endpoints. Thin: parse, call a service or selector, render.

None of these use Django's CSRF cookie, so article pages carrying the comment form
stay identical for every anonymous reader and can be cached. The POST endpoints are
protected instead by a same-host Origin/Referer check, and posting also by the
signed form timestamp, the honeypot and the rate limits (see pipeline).
"""

from urllib.parse import unquote_to_bytes

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from dateline.comments import selectors, services, tokens
from dateline.comments.forms import HONEYPOT_FIELD, CommentForm
from dateline.comments.models import Comment
from dateline.comments.network import truncate_ip
from dateline.core.http import allow_methods, allow_reading
from dateline.news.models import ArticlePage
from dateline.security import ratelimit
from dateline.security.client_address import client_address_for
from dateline.security.form_guard import posted_from_this_site

MAX_POST_BYTES = 100_000
REPORTS_PER_HOUR = 20


def _live_article(article_id: int) -> ArticlePage:
    article = selectors.commentable_article(article_id)
    if article is None:
        raise Http404("No such story.")
    return article


def _is_utf8_form(request) -> bool:
    """Whether a url-encoded body decodes as UTF-8 (Django would quietly replace bad bytes)."""
    if request.content_type != "application/x-www-form-urlencoded":
        return True
    try:
        for pair in request.body.split(b"&"):
            unquote_to_bytes(pair.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _refuse(request, message: str, *, status: int, article=None) -> HttpResponse:
    response = render(
        request,
        "comments/message_page.html",
        {"heading": "Something went wrong", "message": message, "article": article},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _form_page(request, *, article, form, parent=None, status=200, message=""):
    response = render(
        request,
        "comments/form_page.html",
        {
            "article": article,
            "form": form,
            "parent": parent,
            "form_message": message,
            "honeypot_field": HONEYPOT_FIELD,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _prefill(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name() or user.get_username(), "email": user.email}


@allow_reading
def thread_continuation(request, article_id: int, root_id: int):
    """The rest of a long thread, a page of replies at a time (linked from its first
    page as "more replies"), without JavaScript."""
    article = _live_article(article_id)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError as error:
        raise Http404("No such page of comments.") from error
    continuation = selectors.thread_continuation(article, root_id=root_id, number=number)
    if continuation is None:
        raise Http404("No such page of comments.")
    policy = selectors.comment_policy_for(article, selectors.comment_settings_for(article, request))
    context = {"article": article, "continuation": continuation, "policy": policy}
    response = render(request, "comments/thread_continuation.html", context)
    patch_cache_control(response, public=True, max_age=60)
    return response


@csrf_exempt
@allow_methods("POST")
def post_comment(request, article_id: int):
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES:
        return _refuse(request, "Your comment is far too long to send.", status=413)
    article = _live_article(article_id)
    if not posted_from_this_site(request):
        return _refuse(
            request,
            "Your comment did not come from this site's form. Please post it from the story page.",
            status=403,
            article=article,
        )
    if not _is_utf8_form(request):
        return _refuse(
            request, "Your comment contains characters that are not valid text.", status=400,
            article=article,
        )  # fmt: skip
    form = CommentForm(request.POST, article=article)
    if not form.is_valid():
        return _form_page(request, article=article, form=form, status=400)
    data = form.cleaned_data
    parent = None
    if data["parent"]:
        parent = Comment.objects.filter(
            pk=data["parent"], article=article, status=Comment.Status.APPROVED
        ).first()
        if parent is None:
            form.add_error(None, "You can only reply to a published comment on this story.")
            return _form_page(request, article=article, form=form, status=400)
    try:
        comment = services.comment_submit(
            article=article,
            author_name=data["name"],
            email=data["email"],
            url=data["url"],
            text=data["text"],
            parent=parent,
            user=request.user,
            notify_replies=data["notify_replies"],
            meta=services.RequestMeta(
                ip=client_address_for(request), user_agent=request.META.get("HTTP_USER_AGENT", "")
            ),
            form_token=data["token"],
            honeypot=request.POST.get(HONEYPOT_FIELD, ""),
        )
    except services.CommentRefused as refusal:
        field = {"name": "name", "text": "text", "url": "url", "email": "email"}.get(
            refusal.field or ""
        )
        form.add_error(field, refusal.message)
        if refusal.phase == "form":
            form.data = form.data.copy()
            form.data["token"] = tokens.form_token(article_id=article.pk)
        response = _form_page(
            request, article=article, form=form, parent=parent, status=refusal.status_code
        )
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    fragment = (
        comment.anchor
        if comment.status == Comment.Status.APPROVED
        else ("comment-awaiting-moderation")
    )
    return HttpResponseRedirect(f"{article.url}#{fragment}", status=303)


@allow_reading
def reply_form(request, comment_id: int):
    parent = (
        Comment.objects.approved()
        .filter(pk=comment_id, article__live=True)
        .only(*selectors.PUBLIC_FIELDS)
        .first()
    )
    if parent is None:
        raise Http404("No such comment.")
    article = _live_article(parent.article_id)
    form = CommentForm(article=article, initial={"parent": parent.pk, **_prefill(request)})
    return _form_page(request, article=article, form=form, parent=parent)


@allow_reading
def thread_page(request, article_id: int):
    """More threads: a full page without JavaScript, or just the list for the "Load more" script."""
    article = _live_article(article_id)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError as error:
        raise Http404("No such page of comments.") from error
    page = selectors.comment_page(article, sort=request.GET.get("sort", "oldest"), number=number)
    if number > 1 and not page.threads:
        raise Http404("No such page of comments.")
    template = (
        "comments/thread_list.html" if request.GET.get("partial") else "comments/thread_page.html"
    )
    policy = selectors.comment_policy_for(article, selectors.comment_settings_for(article, request))
    response = render(
        request, template, {"article": article, "comment_page": page, "policy": policy}
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


@csrf_exempt
@allow_methods("POST")
def report(request, comment_id: int):
    comment = Comment.objects.approved().select_related("article").filter(pk=comment_id).first()
    if comment is None:
        raise Http404("No such comment.")
    if not posted_from_this_site(request):
        return _refuse(request, "Please report comments from the story page.", status=403)
    reporter = truncate_ip(client_address_for(request)) or "unknown"
    if request.user.is_authenticated:
        reporter = f"user-{request.user.pk}"
    if not ratelimit.allow(
        "comment-reports", reporter, limit=REPORTS_PER_HOUR, window_seconds=3600
    ):
        response = _refuse(request, "Too many reports; please try again later.", status=429)
        response["Retry-After"] = "3600"
        return response
    services.comment_report(comment=comment, reporter=reporter)
    response = render(
        request,
        "comments/message_page.html",
        {
            "heading": "Thank you",
            "message": "Thank you for your report. Our moderators will look at this comment.",
            "article": comment.article,
            "back_url": f"{comment.article.url}#{comment.anchor}",
        },
    )
    add_never_cache_headers(response)
    return response


@csrf_exempt
@allow_methods("GET", "POST")
def unsubscribe(request, token: str):
    """One click (GET, or the List-Unsubscribe POST) stops reply emails to that address."""
    try:
        email = tokens.read_link_token(token, action="unsubscribe")
    except tokens.TokenError as error:
        return _refuse(request, str(error), status=400)
    services.commenter_unsubscribe(email=str(email))
    response = render(
        request,
        "comments/message_page.html",
        {"heading": "Unsubscribed", "message": "You will no longer get emails about replies."},
    )
    add_never_cache_headers(response)
    return response


@csrf_exempt
@allow_methods("GET", "POST")
def delete(request, token: str):
    """The writer's signed link: GET asks to confirm, POST deletes."""
    try:
        comment_id = tokens.read_link_token(token, action="delete")
    except tokens.TokenError as error:
        return _refuse(request, str(error), status=400)
    comment = (
        Comment.objects.select_related("article")
        .filter(pk=comment_id if isinstance(comment_id, int) else -1, is_deleted=False)
        .first()
    )
    if comment is None:
        return _refuse(request, "This comment was already deleted.", status=410)
    if request.method == "POST":
        services.comment_delete(comment=comment)
        context = {
            "heading": "Comment deleted",
            "message": "Your comment was deleted.",
            "article": comment.article,
        }
        template = "comments/message_page.html"
    else:
        context = {"comment": comment, "article": comment.article}
        template = "comments/delete_confirm.html"
    response = render(request, template, context)
    add_never_cache_headers(response)
    return response


@allow_reading
def me(request):
    """The signed-in reader's name and email, for the script that fills in the cached form."""
    response = JsonResponse(_prefill(request))
    patch_cache_control(response, private=True, no_store=True)
    return response

"""Activates the reader's language from the URL prefix, and only from it.

Unlike Django's LocaleMiddleware this never looks at Accept-Language or a cookie: the
address alone says which language a page is in, so the page cache needs no
`Vary: Accept-Language` and a shared link shows everyone the same page.
"""

from django.utils import translation

from dateline.i18n.languages import default_language, is_multilingual, language_from_path


class ReaderLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_multilingual() or request.path_info.startswith("/admin/"):
            return self.get_response(request)
        language = language_from_path(request.path_info) or default_language()
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from dateline.ops.health import cache_problem, database_problem


@never_cache
@require_safe
def liveness(request):
    """The process answers. Touches nothing else, so a database outage never restarts it."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readiness(request):
    """Ready for traffic: the database and the cache work. 503 with the details when not."""
    problems = {"database": database_problem(), "cache": cache_problem()}
    checks = {name: problem or "ok" for name, problem in problems.items()}
    ready = not any(problems.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )

"""The background jobs comment services ask for, by name.

Services decide when a job is due (after commit, at most one digest per delay); tasks.py
says what each job does, by calling a service. So services cannot import tasks.py
without a cycle: tasks.py registers each job here instead, when the app is ready
(CommentsConfig.ready), and services look jobs up by name.
"""

from django_tasks import task
from django_tasks.base import Task

_jobs: dict[str, Task] = {}


def job(function) -> Task:
    """`@job` on a task function in tasks.py: a django-tasks task, known by its name."""
    registered = task()(function)
    _jobs[function.__name__] = registered
    return registered


def named(name: str) -> Task:
    try:
        return _jobs[name]
    except KeyError:
        raise LookupError(f"no comment job {name!r}: is dateline.comments.tasks loaded?") from None

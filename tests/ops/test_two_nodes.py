"""Two `dateline serve` nodes on one PostgreSQL database and one Redis behave as one site.

Runs real servers (uvicorn, task worker, scheduler) against a throwaway PostgreSQL
database and Redis database 9, both created and emptied here. Skipped, saying why, when
PostgreSQL or Redis is not reachable on 127.0.0.1.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.ops.servers import (
    POSTGRES,
    REDIS_HOST,
    REDIS_PORT,
    Child,
    free_port,
    postgres_answers,
    redis_answers,
    wait_until,
)

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/9"

pytestmark = [
    pytest.mark.skipif(
        not postgres_answers(), reason="PostgreSQL is not reachable on 127.0.0.1:5432"
    ),
    pytest.mark.skipif(
        not redis_answers(REDIS_URL), reason="Redis is not reachable on 127.0.0.1:6379"
    ),
]


@dataclass
class Node:
    url: str
    child: Child

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, timeout=10, allow_redirects=False, **kwargs)

    def post_comment(self, content: dict, *, number: int) -> requests.Response:
        """A reader posts the story's form from this node's page (a new address each time)."""
        return requests.post(
            f"{self.url}/comments/post/{content['article_id']}/",
            data={
                "name": f"Reader {number}",
                "email": f"reader{number}@example.org",
                "text": f"Comment number {number} on the harbour.",
                "token": content["form_token"],
            },
            headers={"Origin": self.url},
            timeout=10,
            allow_redirects=False,
        )


def node_environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """Production settings, none of the test run's own (pytest's variables mean "testing")."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATELINE_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        DATELINE_DATA_DIR=str(data_dir),
        DATELINE_SECRET_KEY=secrets.token_urlsafe(50),
        DATELINE_ALLOWED_HOSTS="127.0.0.1",
        DATELINE_LOG_LEVEL="WARNING",
    )
    return env


def dateline(*args: str, env: dict) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, f"dateline {args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def database_url():
    import psycopg

    name = f"dateline_two_nodes_{os.getpid()}"
    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def shared_redis():
    """Redis database 9, empty, for this run alone: a concurrent run (another checkout,
    the other CI pass) waits for the lock instead of emptying it under our feet."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    lock = client.lock("two-nodes-test:lock", timeout=300, blocking_timeout=240)
    assert lock.acquire(), "another run held Redis database 9 for four minutes"

    def empty() -> None:
        for key in client.scan_iter():
            if key != b"two-nodes-test:lock":
                client.delete(key)

    try:
        empty()
        yield
        empty()
    finally:
        lock.release()


def start_node(name: str, *options: str, env: dict, logs: Path) -> Node:
    port = free_port()
    command = [sys.executable, "-m", "dateline.cli", "serve", "--port", str(port), *options]
    child = Child(command, env=env, cwd=REPO, log=logs / f"node-{name}.log")
    return Node(f"http://127.0.0.1:{port}", child)


@pytest.fixture(scope="module")
def cluster(database_url, shared_redis, tmp_path_factory):
    """Nodes A and B on one database, Redis and data folder, with content built through
    the same settings. The task worker and scheduler run on A only, as
    docs/operations.md recommends."""
    logs = tmp_path_factory.mktemp("two-nodes")
    env = node_environment(database_url, logs / "data")
    nodes: list[Node] = []
    try:
        # B needs no tables to start, so it starts (and collects the static files into
        # the shared data folder) while the database is migrated.
        nodes.append(start_node("b", "--workers", "1", "--no-worker", env=env, logs=logs))
        build = (
            "from django.core.management import call_command; "
            "call_command('migrate', verbosity=0); "
            "import runpy; runpy.run_module('tests.ops.two_nodes_content', run_name='__main__')"
        )
        content = json.loads(dateline("shell", "--command", build, env=env).splitlines()[-1])
        wait_until(lambda: ready(nodes[0]), timeout=45, what="node B to be ready")
        nodes.insert(0, start_node("a", "--workers", "1", env=env, logs=logs))
        wait_until(lambda: ready(nodes[0]), timeout=45, what="node A to be ready")
        yield nodes[0], nodes[1], content
    finally:
        for node in nodes:
            node.child.terminate()
        for node in nodes:
            node.child.stop()


def ready(node: Node) -> bool:
    assert node.child.alive(), f"the node exited:\n{node.child.output()}"
    try:
        return node.get("/readyz").status_code == 200
    except requests.ConnectionError:
        return False


def sign_in(node: Node, username: str, password: str) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{node.url}/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    reply = browser.post(
        f"{node.url}/admin/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        timeout=10,
        allow_redirects=False,
    )
    assert reply.status_code == 302, reply.text[:500]
    return browser


def test_a_comment_approved_on_one_node_shows_on_the_others_cached_page_within_a_second(
    cluster,
):
    node_a, node_b, content = cluster
    page = content["article_url"]
    # The site's very first render creates its settings rows, which purges that render.
    cached = wait_until(
        lambda: (reply := node_b.get(page)).headers["X-Cache"] == "HIT" and reply,
        timeout=5,
        what="node B to serve the story from its page cache",
    )
    assert content["comment_text"] not in cached.text

    moderator = sign_in(node_a, content["username"], content["password"])
    approved = moderator.post(
        f"{node_a.url}/admin/comments/{content['comment_id']}/",
        data={"action": "approve", "csrfmiddlewaretoken": moderator.cookies["csrftoken"]},
        timeout=10,
        allow_redirects=False,
    )
    assert approved.status_code == 302

    wait_until(
        lambda: content["comment_text"] in node_b.get(page).text,
        timeout=1.0,
        what="the approved comment on node B",
    )


def test_comment_rate_limits_count_the_posts_to_every_node(cluster):
    node_a, node_b, content = cluster
    statuses = [
        node.post_comment(content, number=number).status_code
        for number, node in enumerate([node_a, node_b, node_a, node_b])
    ]
    # Three allowed per address network: each node saw only two, together they saw four.
    assert statuses == [303, 303, 303, 429]


def test_a_session_from_one_node_is_signed_in_on_the_other(cluster):
    node_a, node_b, content = cluster
    assert node_b.get("/admin/").status_code == 302  # signed out: to the sign-in page
    moderator = sign_in(node_a, content["username"], content["password"])
    dashboard = node_b.get("/admin/", cookies={"sessionid": moderator.cookies["sessionid"]})
    assert dashboard.status_code == 200
    assert "Sign out" in dashboard.text or "Log out" in dashboard.text

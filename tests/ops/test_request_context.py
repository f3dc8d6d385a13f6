"""Request ids in responses and JSON log lines."""

import json
import logging

import pytest

from dateline.ops.log_format import JsonFormatter
from dateline.ops.request_context import request_id_var


def test_a_request_id_is_made_up_when_the_proxy_sent_none(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_the_proxy_request_id_is_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-7f3a9c21-0001")
    assert response["X-Request-ID"] == "edge-7f3a9c21-0001"


@pytest.mark.parametrize(
    "hostile", ["short", "x" * 300, "id with spaces", 'a"b\nInjected: 1', "edge-7f3a9c21-0001\n"]
)
def test_ids_that_could_garble_the_logs_are_replaced(client, hostile):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)
    assert response["X-Request-ID"] != hostile
    assert len(response["X-Request-ID"]) == 32


def test_each_request_writes_one_access_line_with_its_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="dateline.access"):
        client.get("/healthz", HTTP_X_REQUEST_ID="req-000000001", REMOTE_ADDR="192.0.2.4")
    (record,) = [r for r in caplog.records if r.name == "dateline.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /healthz 200"
    assert line["status"] == 200 and line["path"] == "/healthz" and line["method"] == "GET"
    assert line["client"] == "192.0.2.4"
    assert isinstance(line["duration_ms"], float)


def test_log_lines_written_during_a_request_carry_its_id():
    record = logging.LogRecord(
        "dateline.news", logging.WARNING, __file__, 1, "slow %s", ("x",), None
    )
    token = request_id_var.set("req-123456789")
    try:
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "req-123456789"
    assert line["message"] == "slow x" and line["level"] == "WARNING"
    assert line["time"].endswith("+00:00")
    assert "request_id" not in json.loads(JsonFormatter().format(record))

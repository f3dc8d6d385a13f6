"""A worker killed in the middle of an edition: the next one sends to everyone left, and
to no one twice. Real processes: a migrated site, `dateline db_worker`, an SMTP sink."""

from tests.newsletters.send_run import send_with_real_worker

READERS = 300


def test_a_worker_killed_half_way_is_resumed_without_duplicates_or_gaps(tmp_path):
    run = send_with_real_worker(tmp_path, count=READERS, kill_at=READERS // 2, sink_delay=0.005)
    assert run.killed_at is not None and run.killed_at < READERS
    assert run.edition_status == "sent", run.log
    assert run.distinct == READERS
    assert run.duplicates == 0
    assert run.delivered == READERS
    assert run.one_click == READERS

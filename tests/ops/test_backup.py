"""`dateline backup` and `dateline restore` for the SQLite default: database and media."""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection

from dateline.ops.backup import BackupError, backup_restore

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="`dateline backup` covers the SQLite default; PostgreSQL sites use pg_dump",
)


def usernames(database: Path) -> set[str]:
    with sqlite3.connect(database) as db:
        return {row[0] for row in db.execute("SELECT username FROM auth_user")}


@pytest.fixture
def site_with_data(transactional_db, settings):
    User.objects.create_user("archivist", password="pw")
    media = Path(settings.MEDIA_ROOT)
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "front.jpg").write_bytes(b"jpeg bytes")
    return media


@pytest.fixture
def archive(site_with_data, tmp_path) -> Path:
    out = io.StringIO()
    call_command("backup", to=tmp_path / "backups", stdout=out)
    return Path(out.getvalue().strip())


def test_a_backup_holds_the_database_and_every_media_file(archive):
    assert archive.name.startswith("dateline-backup-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "dateline.sqlite3", "media/original_images/front.jpg"} <= names
    assert manifest["format"] == "dateline-backup/1" and manifest["media_files"] == 1


def test_a_backup_restores_into_an_empty_data_folder(archive, tmp_path):
    target = tmp_path / "new"
    result = backup_restore(
        archive=archive, database_path=target / "dateline.sqlite3", media_root=target / "media"
    )
    assert "archivist" in usernames(target / "dateline.sqlite3")
    assert (target / "media/original_images/front.jpg").read_bytes() == b"jpeg bytes"
    assert result.media_files == 1 and result.set_aside is None


def test_restore_refuses_to_overwrite_without_force(archive, tmp_path):
    database = tmp_path / "live" / "dateline.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"the live database")
    with pytest.raises(BackupError, match="--force"):
        backup_restore(archive=archive, database_path=database, media_root=tmp_path / "live/m")
    assert database.read_bytes() == b"the live database"


def test_with_force_the_replaced_data_is_kept_aside(archive, tmp_path):
    live = tmp_path / "live"
    (live / "media").mkdir(parents=True)
    (live / "dateline.sqlite3").write_bytes(b"the live database")
    (live / "media" / "old.jpg").write_bytes(b"old")
    result = backup_restore(
        archive=archive,
        database_path=live / "dateline.sqlite3",
        media_root=live / "media",
        force=True,
    )
    assert "archivist" in usernames(live / "dateline.sqlite3")
    assert (result.set_aside / "dateline.sqlite3").read_bytes() == b"the live database"
    assert (result.set_aside / "media" / "old.jpg").read_bytes() == b"old"
    assert not (live / "media" / "old.jpg").exists()


def rewrite(archive: Path, out: Path, change) -> Path:
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else None
            member, data = change(member, data)
            dst.addfile(member, io.BytesIO(data) if data is not None else None)
    return out


def test_a_damaged_database_in_the_archive_is_refused(archive, tmp_path):
    def corrupt(member, data):
        if member.name == "dateline.sqlite3":
            data = data[:4096] + b"\0" * 512 + data[4608:]
        return member, data

    bad = rewrite(archive, tmp_path / "bad.tar.gz", corrupt)
    target = tmp_path / "t"
    with pytest.raises(BackupError, match="checksum"):
        backup_restore(archive=bad, database_path=target / "db", media_root=target / "m")
    assert not (target / "db").exists()


def test_an_archive_reaching_outside_its_folder_is_refused(archive, tmp_path):
    def escape(member, data):
        if member.name.startswith("media/"):
            member.name = "media/../../escaped.txt"
        return member, data

    bad = rewrite(archive, tmp_path / "evil.tar.gz", escape)
    target = tmp_path / "t"
    with pytest.raises(BackupError, match="unexpected member"):
        backup_restore(archive=bad, database_path=target / "db", media_root=target / "m")
    assert not (tmp_path / "escaped.txt").exists()


def test_something_that_is_not_a_backup_is_refused(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file")
    with pytest.raises(BackupError, match="damaged or unreadable"):
        backup_restore(archive=junk, database_path=tmp_path / "db", media_root=tmp_path / "m")


def dateline(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args], env=env, capture_output=True, text=True
    )


def test_backup_while_the_site_writes_then_restore_with_the_commands(tmp_path):
    """End to end on a real database file, with a writer holding a transaction open."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATELINE_", "PYTEST_"))}
    env.pop("DATABASE_URL", None)
    env.update(DATELINE_DATA_DIR=str(tmp_path / "data"), DATELINE_DEBUG="1")
    assert dateline(env, "migrate", "-v0").returncode == 0
    database = tmp_path / "data" / "dateline.sqlite3"

    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("INSERT INTO auth_group (name) VALUES ('committed')")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO auth_group (name) VALUES ('in flight')")
    backup = dateline(env, "backup", "--to", str(tmp_path / "backups"))
    writer.execute("COMMIT")
    writer.close()
    assert backup.returncode == 0, backup.stderr
    archive = backup.stdout.strip()

    refused = dateline(env, "restore", archive)
    assert refused.returncode != 0 and "--force" in refused.stderr

    restored = dateline(env, "restore", archive, "--force")
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(database) as db:
        groups = {row[0] for row in db.execute("SELECT name FROM auth_group")}
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "committed" in groups and "in flight" not in groups

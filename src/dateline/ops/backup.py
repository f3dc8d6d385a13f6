"""Backups of the embedded setup: the SQLite database and the media folder in one tar.gz.

The database is copied with SQLite's online backup API, which yields a consistent
snapshot while the site keeps serving and writing. A restore checks the archive
(manifest, checksums, member paths, SQLite integrity) before it touches anything, and
moves what it replaces aside instead of deleting it.
"""

import hashlib
import json
import shutil
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.db import connections

FORMAT = "dateline-backup/1"
DATABASE_MEMBER = "dateline.sqlite3"
MEDIA_MEMBER = "media"
MANIFEST_MEMBER = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    media: Path
    set_aside: Path | None
    media_files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _now_stamp() -> str:
    return datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_create(*, destination: Path, media_root: Path, using: str = "default") -> Path:
    """Write `dateline-backup-<UTC time>.tar.gz` into `destination` and return its path."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        raise BackupError(
            f"`dateline backup` covers the SQLite default; this site uses {connection.vendor}. "
            "Back up PostgreSQL with pg_dump and the media storage with its own tools."
        )
    destination.mkdir(parents=True, exist_ok=True)
    archive = destination / f"dateline-backup-{_now_stamp()}.tar.gz"
    with tempfile.TemporaryDirectory(dir=destination) as work:
        snapshot = Path(work) / DATABASE_MEMBER
        connection.ensure_connection()
        target = sqlite3.connect(snapshot)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        media_files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        manifest = {
            "format": FORMAT,
            "created": datetime.now(tz=UTC).isoformat(timespec="seconds"),
            "database_sha256": _sha256(snapshot),
            "media_files": len(media_files),
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            manifest_file = Path(work) / MANIFEST_MEMBER
            manifest_file.write_text(json.dumps(manifest, indent=2))
            tar.add(manifest_file, arcname=MANIFEST_MEMBER)
            tar.add(snapshot, arcname=DATABASE_MEMBER)
            for path in media_files:
                tar.add(path, arcname=f"{MEDIA_MEMBER}/{path.relative_to(media_root).as_posix()}")
        partial.rename(archive)  # a half-written archive never carries the final name
    return archive


def _checked_members(tar: tarfile.TarFile) -> tuple[dict, list[tarfile.TarInfo]]:
    members = tar.getmembers()
    names = {member.name for member in members}
    if MANIFEST_MEMBER not in names or DATABASE_MEMBER not in names:
        raise BackupError("This is not a Dateline backup: manifest or database missing.")
    for member in members:
        path = PurePosixPath(member.name)
        inside = member.name in (MANIFEST_MEMBER, DATABASE_MEMBER) or (
            path.parts[0] == MEDIA_MEMBER and len(path.parts) > 1
        )
        if path.is_absolute() or ".." in path.parts or not inside:
            raise BackupError(f"Refusing the archive: unexpected member {member.name!r}.")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"Refusing the archive: {member.name!r} is not a plain file.")
    manifest = json.load(tar.extractfile(MANIFEST_MEMBER))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest, members


def backup_restore(
    *, archive: Path, database_path: Path, media_root: Path, force: bool = False
) -> RestoreResult:
    """Replace the database and media with the archive's, after checking it whole.

    Stop the site first: a restore under a running server would swap the database
    file under open connections. Without `force`, existing data is never replaced.
    """
    if not archive.is_file():
        raise BackupError(f"No such backup: {archive}")
    has_data = database_path.exists() or (media_root.exists() and any(media_root.iterdir()))
    if has_data and not force:
        raise BackupError(
            f"{database_path} (or the media folder) already exists. Restoring replaces it: "
            "run again with --force; the current files are kept aside, not deleted."
        )
    data_dir = database_path.parent
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as work:
        work = Path(work)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                manifest, _ = _checked_members(tar)
                tar.extractall(work, filter="data")
        except (tarfile.TarError, OSError, ValueError, KeyError) as error:
            raise BackupError(f"The archive is damaged or unreadable: {error}") from error
        restored_db = work / DATABASE_MEMBER
        if _sha256(restored_db) != manifest.get("database_sha256"):
            raise BackupError("The database in the archive does not match its checksum.")
        check = sqlite3.connect(restored_db)
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            verdict = str(error)
        finally:
            check.close()
        if verdict != "ok":
            raise BackupError(f"The database in the archive fails SQLite's check: {verdict}")
        restored_media = work / MEDIA_MEMBER
        restored_media.mkdir(exist_ok=True)
        media_count = sum(1 for p in restored_media.rglob("*") if p.is_file())

        set_aside = None
        if has_data:
            set_aside = data_dir / f"before-restore-{_now_stamp()}"
            set_aside.mkdir()
            for suffix in ("", "-wal", "-shm"):
                old = database_path.with_name(database_path.name + suffix)
                if old.exists():
                    shutil.move(old, set_aside / old.name)
            if media_root.exists():
                shutil.move(media_root, set_aside / "media")
        shutil.move(restored_db, database_path)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(restored_media, media_root)
    return RestoreResult(database_path, media_root, set_aside, media_count)

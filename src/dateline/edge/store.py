"""Where cached pages live, how purges reach every process, and the render locks.

A purge never searches for pages. Every surrogate key maps to one slot of a table of
counters (the "generations"); purging a key bumps its slot. A stored page carries the
counters of its keys as they were *before* it rendered, so a page is current while
none of its slots moved. A change committed while a page was rendering bumps a slot
the page already stamped, and the page is never served as fresh.

Three backends share that design:

- ``MemoryBackend``: one process (tests, and `dateline serve --workers 1`).
- ``FileBackend`` (the embedded default): the table is a memory-mapped file every
  worker on the machine reads, pages are also written to files so workers share
  renders (and survive a restart as stale copies), locks are ``flock``s.
- ``RedisBackend`` (``REDIS_URL``): the table lives in Redis, every process keeps a
  local copy updated by pub/sub, pages are stored in Redis, locks are ``SET NX``.

Each process keeps its pages in memory in front of the shared store.

Counters never start over at a value they had before: a new table starts every slot at
one random 48-bit value (Redis offsets its counters by a random epoch the same way). So
whatever was stamped by an earlier table (in a test, by an earlier backend; after the
counters file is deleted, by the old file) can never pass for current, and nothing that
keeps stamped things (fragments, rows, routes) has to notice that the counters changed.
"""

import fcntl
import logging
import mmap
import os
import pickle
import secrets
import threading
import time
import uuid
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

logger = logging.getLogger(__name__)

SLOTS = 16384
# One counter more than the slots: how many times any slot moved. While it has not moved,
# whatever was current when it was last checked still is (`Generations.still_current`).
CHANGES = SLOTS
TABLE_BYTES = 8 * (SLOTS + 1)


def fresh_table() -> array:
    """A table of counters that starts where no earlier table was: every slot at one
    random value (below 2**48, so a bump never overflows)."""
    return array("Q", [secrets.randbits(48)]) * (SLOTS + 1)


def slot_of(key: str) -> int:
    """The generation slot of a surrogate key; stable across processes and machines."""
    return zlib.crc32(key.encode()) % SLOTS


def digest_of(cache_key: str) -> str:
    return blake2b(cache_key.encode(), digest_size=16).hexdigest()


@dataclass
class Entry:
    """One stored response, with every encoding and header list built at store time."""

    status: str
    bodies: dict[str, bytes]
    headers: dict[str, list[tuple[str, str]]]
    not_modified_headers: dict[str, list[tuple[str, str]]]
    etags: frozenset[str]
    last_modified: float
    keys: tuple[str, ...]
    stamps: tuple[tuple[int, int], ...]
    stored_at: float
    fresh_until: float
    size: int = field(default=0)
    # The change counter when this process last found the stamps current (CHANGES).
    checked = -1

    def body(self, encoding: str | None) -> bytes:
        """The body in `encoding`; none (None) for HEAD and 304."""
        return self.bodies[encoding] if encoding is not None else b""

    def encoded(self, headers: list[tuple[str, str]]) -> bytes:
        """One of this entry's header lists as HTTP/1.1 header lines: encoded on first
        use in each process, then reused by every hit."""
        cache = self.__dict__.setdefault("_encoded", {})
        lines = cache.get(id(headers))  # the lists live as long as the entry
        if lines is None:
            lines = "".join(f"{name}: {value}\r\n" for name, value in headers).encode("latin-1")
            cache[id(headers)] = lines
        return lines

    def __getstate__(self):  # what is stored and shared: not this process's encodings
        state = self.__dict__.copy()
        state.pop("_encoded", None)
        state.pop("checked", None)
        return state


class Generations:
    """The purge counters of one process (a plain array)."""

    def __init__(self) -> None:
        self.table = fresh_table()

    def snapshot(self):
        return self.table[:]

    def stamp(self, snapshot, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
        return tuple(sorted({(slot, snapshot[slot]) for slot in map(slot_of, keys)}))

    def stamp_now(self, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
        """These keys' counters as they are now: read them *before* loading what they stamp."""
        table = self.table
        return tuple(sorted({(slot, table[slot]) for slot in map(slot_of, keys)}))

    def is_current(self, stamps) -> bool:
        table = self.table
        for slot, generation in stamps:
            if table[slot] != generation:
                return False
        return True

    def still_current(self, entry: "Entry") -> bool:
        """`is_current` for a stored page, checked once per change of the table: a long
        read carries a dozen stamps or more, and a hit would otherwise read them all."""
        changes = self.table[CHANGES]  # read before the stamps: see `bump`
        if entry.checked == changes:
            return True
        if not self.is_current(entry.stamps):
            return False
        entry.checked = changes
        return True

    def bump(self, keys: Iterable[str]) -> None:
        table = self.table
        for slot in {slot_of(key) for key in keys}:
            table[slot] += 1
        # After the slots: whoever reads the counter before checking stamps cannot miss
        # them. Two writers racing here may count one change, never none.
        table[CHANGES] += 1


class FileGenerations(Generations):
    """Counters in a memory-mapped file: a bump in one process is seen by all at once."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with open(path, "ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # two workers starting at once write it once
            try:
                size = os.fstat(handle.fileno()).st_size
                if size < TABLE_BYTES:
                    handle.write(fresh_table().tobytes()[size:])
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        self._file = open(path, "r+b")
        self._map = mmap.mmap(self._file.fileno(), TABLE_BYTES)
        self.table = memoryview(self._map).cast("Q")

    def snapshot(self):
        return array("Q", self.table.tobytes())

    def bump(self, keys: Iterable[str]) -> None:
        fcntl.flock(self._file, fcntl.LOCK_EX)
        try:
            super().bump(keys)
        finally:
            fcntl.flock(self._file, fcntl.LOCK_UN)


class RedisGenerations(Generations):
    """Counters in a Redis hash; each process mirrors them, kept current by pub/sub.

    Counters are offset by a random "epoch" stored beside them: if Redis loses its data
    (restart without persistence, flush), the new epoch moves every counter to a range
    no stored page was stamped with, and every process re-reads the table.

    While the subscription is down this process cannot know about purges, so it
    reports nothing as current (every request renders) until it has re-read the hash.
    """

    HASH = "dateline:edge:generations"
    EPOCH = "dateline:edge:epoch"
    CHANNEL = "dateline:edge:purges"
    # Increment the slots and return epoch + counter for each (Lua numbers are doubles:
    # epochs stay below 2**52).
    BUMP = """
    local epoch = redis.call('get', KEYS[2])
    if not epoch then epoch = ARGV[1]; redis.call('set', KEYS[2], epoch) end
    local out = {tonumber(epoch)}
    for i = 2, #ARGV do
      out[#out + 1] = tonumber(epoch) + redis.call('hincrby', KEYS[1], ARGV[i], 1)
    end
    return out
    """

    def __init__(self, listener, writer) -> None:
        super().__init__()
        self.client = listener
        self.writer = writer
        self.epoch = -1
        self.synced = threading.Event()
        self._closed = threading.Event()
        self._pubsub = None
        self._thread = threading.Thread(target=self._listen, name="edge-purges", daemon=True)
        self._thread.start()
        self.synced.wait(timeout=1.0)

    @staticmethod
    def _new_epoch() -> int:
        return int.from_bytes(os.urandom(4)) << 20

    def _sync(self) -> None:
        """Re-read the whole table from Redis (at start, after a reconnect or a new epoch)."""
        self.writer.set(self.EPOCH, self._new_epoch(), nx=True)
        epoch = int(self.writer.get(self.EPOCH))
        stored = self.writer.hgetall(self.HASH)
        table = array("Q", [epoch]) * SLOTS
        for slot, value in stored.items():
            table[int(slot)] = epoch + int(value)
        self.table[:SLOTS] = table
        self.table[CHANGES] += 1  # after the slots, in place: see `bump`
        self.epoch = epoch

    def _apply(self, epoch: int, pairs: Iterable[tuple[int, int]]) -> None:
        if epoch != self.epoch:
            self._sync()
            return
        table = self.table
        for slot, generation in pairs:
            if generation > table[slot]:
                table[slot] = generation
        table[CHANGES] += 1

    def _listen(self) -> None:
        while not self._closed.is_set():
            try:
                self._pubsub = pubsub = self.client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.CHANNEL)
                # Read the table only once subscribed, so no purge falls in between.
                self._sync()
                self.synced.set()
                for message in pubsub.listen():
                    epoch, _, body = message["data"].partition(b"|")
                    pairs = (part.split(b":") for part in body.split(b","))
                    self._apply(int(epoch), ((int(slot), int(value)) for slot, value in pairs))
            except Exception:
                self.synced.clear()
                if self._closed.is_set():
                    return
                logger.warning("Page cache lost its Redis purge channel; retrying", exc_info=True)
                self._closed.wait(1.0)

    def close(self) -> None:
        """Stop listening (tests; a server process keeps its subscriber until it exits)."""
        self._closed.set()
        self.synced.clear()
        if self._pubsub is not None:
            try:
                self._pubsub.close()  # wakes the blocked read
            except Exception:
                pass
        self._thread.join(timeout=5)

    def is_current(self, stamps) -> bool:
        return self.synced.is_set() and super().is_current(stamps)

    def still_current(self, entry: "Entry") -> bool:
        return self.synced.is_set() and super().still_current(entry)

    def bump(self, keys: Iterable[str]) -> None:
        slots = sorted({slot_of(key) for key in keys})
        try:
            epoch, *values = self.writer.eval(
                self.BUMP, 2, self.HASH, self.EPOCH, self._new_epoch(), *slots
            )
            pairs = list(zip(slots, values, strict=True))
            self._apply(epoch, pairs)
            body = ",".join(f"{slot}:{value}" for slot, value in pairs)
            self.writer.publish(self.CHANNEL, f"{epoch}|{body}")
        except Exception:
            # Other nodes may now hold stale pages; this one at least stops trusting its own.
            self.synced.clear()
            super().bump(keys)
            logger.exception("Page cache could not publish a purge to Redis")


class MemoryPages:
    """This process's pages, bounded in bytes; the oldest stored go first."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.bytes = 0
        self._lock = threading.Lock()
        self.get = self.entries.get

    def put(self, key: str, entry: Entry) -> None:
        with self._lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self.entries[key] = entry
            self.bytes += entry.size
            while self.bytes > self.max_bytes and len(self.entries) > 1:
                _key, evicted = self.entries.popitem(last=False)
                self.bytes -= evicted.size


class ThreadLocks:
    """One lock per cache key inside this process."""

    def __init__(self) -> None:
        self._locks: dict[str, list] = {}
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[bool]:
        with self._guard:
            holder = self._locks.setdefault(key, [threading.Lock(), 0])
            holder[1] += 1
        acquired = holder[0].acquire(timeout=timeout)
        try:
            yield acquired
        finally:
            if acquired:
                holder[0].release()
            with self._guard:
                holder[1] -= 1
                if holder[1] == 0:
                    self._locks.pop(key, None)


class MemoryBackend:
    """Pages and counters of this process only."""

    name = "memory"

    def __init__(self, *, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.generations = Generations()
        self.pages = MemoryPages(max_bytes)
        self.thread_locks = ThreadLocks()

    def load(self, key: str) -> Entry | None:
        return None

    def save(self, key: str, entry: Entry, keep: int) -> None:
        pass

    @contextmanager
    def render_lock(self, key: str, timeout: float) -> Iterator[bool]:
        with self.thread_locks.hold(key, timeout) as acquired:
            yield acquired

    def purge(self, keys: Iterable[str]) -> None:
        self.generations.bump(keys)


DEFAULT_DISK_BYTES = 1024 * 1024 * 1024
DEFAULT_KEEP_STALE = 7 * 24 * 3600


class FileBackend(MemoryBackend):
    """The embedded default: counters, pages and locks in files under the data directory.

    The page files are bounded: a sweep (in a background thread of one worker at a time,
    every SWEEP_EVERY seconds or after an eighth of the bound was written) removes the
    files of purged pages and of pages older than `keep` (the last good copies kept for
    stale-if-error), then the oldest until the rest fit in `disk_bytes`. Until a purged
    page's file goes, it is only ever served as a stale copy when a render fails.
    """

    name = "file"
    LOCK_FILES = 256
    SWEEP_EVERY = 300.0
    # After evicting for size, leave this share of the bound free: not a sweep per save.
    SWEEP_TO = 0.9

    def __init__(
        self,
        directory: Path,
        *,
        max_bytes: int = 256 * 1024 * 1024,
        disk_bytes: int = DEFAULT_DISK_BYTES,
    ) -> None:
        super().__init__(max_bytes=max_bytes)
        self.directory = directory
        self.pages_dir = directory / "pages"
        self.pages_dir.mkdir(parents=True, exist_ok=True)
        (directory / "locks").mkdir(parents=True, exist_ok=True)
        self.generations = FileGenerations(directory / "generations.bin")
        self.disk_bytes = disk_bytes
        self.keep = DEFAULT_KEEP_STALE
        self._written = 0
        self._next_sweep = time.monotonic() + self.SWEEP_EVERY
        self._sweeper: threading.Thread | None = None

    def _page_path(self, key: str) -> Path:
        return self.pages_dir / f"{digest_of(key)}.entry"

    def load(self, key: str) -> Entry | None:
        try:
            with open(self._page_path(key), "rb") as handle:
                pickle.load(handle)  # the header: what the sweep reads
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:
            logger.warning("Unreadable page cache file for %s", key, exc_info=True)
            return None

    def save(self, key: str, entry: Entry, keep: int) -> None:
        path = self._page_path(key)
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            with open(partial, "wb") as handle:
                pickle.dump((entry.stamps, entry.stored_at), handle, pickle.HIGHEST_PROTOCOL)
                pickle.dump(entry, handle, pickle.HIGHEST_PROTOCOL)
                written = handle.tell()
            os.replace(partial, path)
        except OSError:
            logger.warning("Could not write the page cache file for %s", key, exc_info=True)
            return
        self.keep = keep
        self._written += written
        if self._written * 8 >= self.disk_bytes or time.monotonic() >= self._next_sweep:
            self._sweep_soon()

    def _sweep_soon(self) -> None:
        if self._sweeper is not None and self._sweeper.is_alive():
            return
        self._written = 0
        self._next_sweep = time.monotonic() + self.SWEEP_EVERY
        self._sweeper = threading.Thread(target=self._sweep_logged, name="page-sweep", daemon=True)
        self._sweeper.start()

    def _sweep_logged(self) -> None:
        try:
            self.sweep()
        except Exception:
            logger.exception("Sweeping the page cache files failed")

    def sweep(self) -> int:
        """Remove purged, too old and (oldest first) surplus page files; return the bytes
        left. Another worker already sweeping: nothing to do (returns -1)."""
        with open(self.directory / "sweep.lock", "a+b") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return -1
            now = time.time()
            kept: list[tuple[float, int, str, int]] = []
            total = 0
            for item in os.scandir(self.pages_dir):
                try:
                    stat = item.stat()
                except FileNotFoundError:
                    continue
                if item.name.endswith(".tmp"):  # a write that never finished
                    if stat.st_mtime < now - 60:
                        _remove(item.path, stat.st_ino)
                    continue
                try:
                    stamps, stored_at = _header_of(item.path)
                except FileNotFoundError:
                    continue
                except Exception:  # unreadable: of no use to anyone
                    _remove(item.path, stat.st_ino)
                    continue
                if stored_at + self.keep < now or not self.generations.is_current(stamps):
                    _remove(item.path, stat.st_ino)
                    continue
                kept.append((stat.st_mtime, stat.st_size, item.path, stat.st_ino))
                total += stat.st_size
            if total > self.disk_bytes:
                kept.sort()
                for _mtime, size, path, inode in kept:
                    if total <= self.disk_bytes * self.SWEEP_TO:
                        break
                    _remove(path, inode)
                    total -= size
            return total

    @contextmanager
    def render_lock(self, key: str, timeout: float) -> Iterator[bool]:
        deadline = time.monotonic() + timeout
        with self.thread_locks.hold(key, timeout) as acquired:
            if not acquired:
                yield False
                return
            number = int(digest_of(key)[:4], 16) % self.LOCK_FILES
            with open(self.directory / "locks" / f"{number}.lock", "a+b") as handle:
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            yield False
                            return
                        time.sleep(0.005)
                try:
                    yield True
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)


def _header_of(path: str) -> tuple[tuple, float]:
    """A page file's stamps and store time, read without loading the page."""
    with open(path, "rb") as handle:
        header = pickle.load(handle)
    if isinstance(header, Entry):  # written before files had a header
        return header.stamps, header.stored_at
    return header


def _remove(path: str, inode: int) -> None:
    """Remove the file at `path` if it is still the one that was looked at (a worker may
    have replaced it with a fresh copy meanwhile)."""
    try:
        if os.stat(path).st_ino == inode:
            os.unlink(path)
    except FileNotFoundError:
        pass


_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end"


class RedisBackend(MemoryBackend):
    """Several nodes share pages, purges and render locks through Redis."""

    name = "redis"
    PREFIX = "dateline:edge:"

    def __init__(self, url: str, *, max_bytes: int = 256 * 1024 * 1024) -> None:
        import redis

        super().__init__(max_bytes=max_bytes)
        self.client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        # The subscriber blocks on reads, so it gets a connection without a read timeout.
        listener = redis.Redis.from_url(url, socket_connect_timeout=1, health_check_interval=30)
        self.generations = RedisGenerations(listener, self.client)

    def close(self) -> None:
        self.generations.close()
        self.client.close()

    def load(self, key: str) -> Entry | None:
        try:
            data = self.client.get(self.PREFIX + "page:" + digest_of(key))
        except Exception:
            logger.warning("Page cache could not read from Redis", exc_info=True)
            return None
        return pickle.loads(data) if data else None

    def save(self, key: str, entry: Entry, keep: int) -> None:
        try:
            self.client.set(
                self.PREFIX + "page:" + digest_of(key),
                pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL),
                ex=keep,
            )
        except Exception:
            logger.warning("Page cache could not write to Redis", exc_info=True)

    @contextmanager
    def render_lock(self, key: str, timeout: float) -> Iterator[bool]:
        deadline = time.monotonic() + timeout
        with self.thread_locks.hold(key, timeout) as acquired:
            if not acquired:
                yield False
                return
            name, token = self.PREFIX + "lock:" + digest_of(key), uuid.uuid4().hex
            held = False
            try:
                while not (held := bool(self.client.set(name, token, nx=True, px=30_000))):
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.005)
            except Exception:
                logger.warning("Page cache could not take a Redis lock", exc_info=True)
            try:
                yield held
            finally:
                if held:
                    try:
                        self.client.eval(_RELEASE, 1, name, token)
                    except Exception:
                        logger.warning("Page cache could not release a Redis lock", exc_info=True)


_current: tuple[int, MemoryBackend | None] | None = None


def backend_for(
    *, directory: Path, redis_url: str, max_bytes: int, disk_bytes: int = DEFAULT_DISK_BYTES
) -> MemoryBackend:
    if redis_url:
        return RedisBackend(redis_url, max_bytes=max_bytes)
    return FileBackend(directory, max_bytes=max_bytes, disk_bytes=disk_bytes)


def current_backend() -> MemoryBackend | None:
    """This process's backend in production mode (or the one a test installed), else None.

    Built lazily and once per process: `dateline serve` forks workers, and each needs
    its own mapping, connections and subscriber thread.
    """
    global _current
    if _current is not None:
        return _current[1]
    from dateline.edge.conf import edge_settings

    config = edge_settings()
    backend = None
    if config.enabled or config.production:
        backend = backend_for(
            directory=config.directory,
            redis_url=config.redis_url,
            max_bytes=config.memory_bytes,
            disk_bytes=config.disk_bytes,
        )
    _current = (os.getpid(), backend)
    return backend


def _forget_after_fork() -> None:
    """A forked worker builds its own backend (asked on every request: no getpid here)."""
    global _current
    if _current is not None and _current[0] != 0:
        _current = None


os.register_at_fork(after_in_child=_forget_after_fork)


def install_backend(backend: MemoryBackend | None) -> None:
    """Use this backend in this process from now on (tests turn the cache on with it)."""
    global _current
    _current = (0, backend) if backend is not None else None

"""File I/O at the edge: decoding with the encoding and BOM remembered, and atomic writes that keep
the mode."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.files import encodings

if TYPE_CHECKING:
    from typing import BinaryIO


class InputError(Exception):
    """A file that cannot be read as text; the message is one line for the user."""


class Source(NamedTuple):
    """A document as read from disk or stdin: its text and what writing it back needs."""

    text: str
    bom: bool = False
    encoding: str = "utf-8"
    digest: bytes = b""  # of the bytes read, to notice a file that changed while being checked

    def with_text(self, text: str) -> Source:
        return Source(text, self.bom, self.encoding, self.digest)


# characters encoded, or bytes read, at a time where a whole document need not be in memory twice
# (a 100 MB file's bytes and its text are already 170 MB)
PIECE = 2**20


def digest(data: bytes) -> bytes:
    return digest_pieces((data,))


def digest_pieces(pieces: Iterable[bytes]) -> bytes:
    # SHA-256 is hardware-accelerated on most processors (several times blake2b's speed there) and
    # every file of a run is hashed, cache hits included
    hashed = hashlib.sha256()
    for piece in pieces:
        hashed.update(piece)
    return hashed.digest()[:16]


def _file_digest(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return digest_pieces(iter(lambda: handle.read(PIECE), b""))


def decode(data: bytes, name: str, encoding: str | None = None) -> Source:
    try:
        decoded = encodings.decode(data, encoding)
    except encodings.DecodeError as exc:
        message = str(exc)
        raise InputError(f"{name}: {message}" + ("" if "--encoding" in message else "; skipped")) from None
    source = Source(decoded.text, decoded.bom, decoded.encoding, digest(data))
    if not _encodes_to(source, memoryview(data)):
        # a reading that would not give the same bytes back could not be written safely
        raise InputError(f"{name}: does not round-trip through {decoded.encoding}; skipped")
    return source


def _encodes_to(source: Source, data: memoryview) -> bool:
    """Whether `source` encodes to `data`, compared piece by piece."""
    at = 0
    for piece in encoded(source):
        if data[at : at + len(piece)] != piece:
            return False
        at += len(piece)
    return at == len(data)


def encode(source: Source) -> bytes:
    return b"".join(encoded(source))


def encoded(source: Source) -> Iterator[bytes]:
    """The bytes of `source` (its byte-order mark first, if it had one), PIECE characters at a time;
    raises UnicodeEncodeError, on the piece, when a character has no place in the encoding."""
    import codecs

    if source.bom:
        yield encodings.encode("", source.encoding, True)
    encoder = codecs.getincrementalencoder(source.encoding)()
    text = source.text
    for start in range(0, len(text), PIECE):
        yield encoder.encode(text[start : start + PIECE])
    yield encoder.encode("", True)


# what a file name must not carry into a report as it is: control characters (a line break would
# start a forged GitHub workflow command, `\n::error ...`) and the bytes of a name that is not
# UTF-8 (decoded by Python as lone surrogates, which no output can encode)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def shown(path: Path | str) -> str:
    """A file's name as every output prints it: "/" between components, and what it must not
    carry escaped (`\\n`, `\\x85`; a byte of a name that is not UTF-8 as `\\xNN`)."""
    name = path if isinstance(path, str) else path.as_posix()

    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte that did not decode (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSHOWABLE.sub(escape, name)


MAX_FILE_BYTES = 256 * 2**20  # default of max-file-size: no document is larger (a 1 GB sparse file was read whole)
_HEAD = 4096  # bytes looked at for NULs before the rest is read
_WIDE_MARKS = tuple(mark for mark, name in encodings.BOMS if name.startswith(("utf-16", "utf-32")))


def size_text(size: int) -> str:
    """A number of bytes as a person reads it: `256 MiB`, `1024 MiB`, `1.50 KiB`, `700 B`."""
    for unit, name in ((2**20, "MiB"), (2**10, "KiB")):
        if size >= unit:
            return f"{size // unit} {name}" if size % unit == 0 else f"{size / unit:.2f} {name}"
    return f"{size} B"


def read_bytes(path: Path, max_size: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked before anything is read:
    a FIFO would block forever, a device (/dev/zero) never end; a file larger than `max_size`
    (max-file-size), or one whose first bytes hold a NUL (and no UTF-16 or UTF-32 mark), is not
    read further."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise InputError(f"{shown(path)}: is a directory") from None
    except FileNotFoundError:
        what = "broken or looping symbolic link" if path.is_symlink() else "no such file"
        raise InputError(f"{shown(path)}: {what}") from None
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(f"{shown(path)}: is a directory")
        if not stat.S_ISREG(status.st_mode):
            raise InputError(f"{shown(path)}: not a regular file (a FIFO, device or socket); not read")
        if status.st_size > max_size:
            size, limit = size_text(status.st_size), size_text(max_size)
            raise InputError(f"{shown(path)}: {size}, larger than a document can be ({limit}); skipped (raise max-file-size to allow)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            head = handle.read(_HEAD)
            if b"\x00" in head and not head.startswith(_WIDE_MARKS):
                raise InputError(f"{shown(path)}: binary file (contains NUL bytes); skipped")
            handle.seek(0)  # read whole, in one buffer: `head + rest` would hold the file twice
            return handle.read()
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


@contextmanager
def _opened_unfollowed(path: Path | str) -> Iterator[tuple[int, os.stat_result]]:
    """A file of plancheck's own, opened as one must be where others may plant a name: not followed
    if a link, without blocking (a FIFO would hang the run). Its descriptor and status, closed
    after; OSError when it cannot be opened or looked at."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        yield fd, os.fstat(fd)
    finally:
        os.close(fd)


def read_kept(path: Path | str) -> bytes | None:
    """A file plancheck keeps (a cache entry, a sealed file): its bytes, or None when it is missing
    or not a regular file of a document's size (`_opened_unfollowed`)."""
    try:
        with _opened_unfollowed(path) as (fd, status):
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_BYTES:
                return None
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read()
    except OSError:
        return None


def read(path: Path, encoding: str | None = None, max_size: int = MAX_FILE_BYTES) -> Source:
    return decode(read_bytes(path, max_size), shown(path), encoding)


def write_fixed(path: Path, source: Source, text: str) -> None:
    """Write the fixed text back in the file's own encoding, unless the file is read-only or changed
    since it was read (then nothing is written and InputError says why). The text is encoded piece
    by piece into the new file: UnicodeEncodeError when the encoding cannot hold a fix, and then
    the file is left as it was."""
    if os.path.islink(path):
        # the link's target may lie outside the tree (a stranger's tree: .git/config); fix the file itself
        raise InputError(f"{shown(path)}: symbolic link; not written through")
    try:
        info = path.stat()
        current = _file_digest(path)
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read it again before writing: {exc.strerror or exc}") from None
    # access, not mode bits alone: a file the user may not write, in a folder they own, would
    # otherwise be replaced; and root, whom access always lets through, still keeps read-only files
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise InputError(f"{shown(path)}: read-only file; not fixed")
    if info.st_nlink > 1:
        # replacing it would split the links: the other names would keep the old text
        raise InputError(f"{shown(path)}: has {info.st_nlink} hard links; not fixed")
    if current != source.digest:
        raise InputError(f"{shown(path)}: changed while being checked; not written")
    replace_user_file(path, lambda handle: handle.writelines(encoded(source.with_text(text))), unchanged=source.digest)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a user's file whole (`replace_user_file`)."""
    replace_user_file(path, lambda handle: handle.write(data))


def replace_user_file(path: Path, write: Callable[[BinaryIO], object], unchanged: bytes | None = None) -> None:
    """Write a user's file by `write(handle)` so that a crash leaves the old file or the new one,
    never a truncated one: into a temporary file beside it, synced to disk, then renamed over it.
    Everything goes through the temporary file's own descriptor, never its name, which someone
    else who can write to the folder could swap for a link. The file's mode is kept, a new one
    gets what the umask allows; its owner and extended attributes are kept where this process may
    set them (a fix run as root). A symbolic link is followed: its target is rewritten and the link
    stays a link. `unchanged`: the digest the file must still have right before the rename (a
    `git checkout` racing the fix is not overwritten with the old branch's fixed text)."""
    path = Path(os.path.realpath(path))
    try:
        status = path.stat()
    except OSError:
        status = None
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    with _beside(path) as (fd, temporary):
        # renamed while still open: the lock on it (`_beside`) holds until it has its place
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            if status is not None:  # first: a change of owner clears the setuid and setgid bits
                _keep_owner_and_attributes(path, handle.fileno(), status)
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
            if unchanged is not None and _file_digest(path) != unchanged:
                raise InputError(f"{shown(path)}: changed while being fixed; not written")
            if _parent is not None and os.getppid() != _parent:
                # a pool worker whose run was killed outright (SIGKILL): nobody would report this
                # write, and the user who killed the run wants nothing more changed
                os.unlink(temporary)
                os._exit(1)
            os.replace(temporary, path)


def _keep_owner_and_attributes(path: Path, fd: int, status: os.stat_result) -> None:
    """Give the new file the old one's owner and extended attributes, where this process may."""
    if hasattr(os, "fchown") and (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, status.st_uid, status.st_gid)
        except OSError:
            pass  # not ours to give away: the file becomes this user's, as any editor's save does
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(path)
        except OSError:
            return  # a file system without them
        for name in names:
            try:
                os.setxattr(fd, name, os.getxattr(path, name))
            except OSError:
                pass  # one this process may not set (security.*, trusted.*): the others still go


def _umask() -> int:
    """The process's umask, read where Linux shows it: setting it to learn it (os.umask) would
    change it for a moment under any other thread of a program using plancheck as a library."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)  # elsewhere, the only way there is
    os.umask(umask)
    return umask


def replace_aside(target: Path, write: Callable[[str], object]) -> None:
    """Make a file of plancheck's own (a cache, in a folder it made) by `write(path of a temporary
    file beside it)`, then rename it over `target`: a reader, or a concurrent run, sees the old file
    or the new one, never a part. Not synced (a cache can be made again), and by path, as SQLite
    needs for the dictionary index. Errors are raised."""
    with _beside(target) as (fd, temporary):
        try:
            write(temporary)
            os.replace(temporary, target)
        finally:
            os.close(fd)  # kept open until then: its lock says the file is being written


_parent: int | None = None  # in a pool worker: the run that handed it its files (`write_only_while`)


def write_only_while(parent: int) -> None:
    """Make this process, a pool worker, replace no file once `parent` is gone: a run killed
    outright cannot stop its workers, which would go on writing (the check is right before each
    rename, not a second later)."""
    global _parent
    _parent = parent


TEMPORARY_SUFFIX = ".plancheck-tmp"
# `_beside`'s names: "." + the file's name + "." + tempfile's eight random characters + the suffix
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX), re.DOTALL)


def is_temporary(name: str) -> bool:
    """Whether a file's name is that of one of plancheck's temporary files (never a document)."""
    return name.endswith(TEMPORARY_SUFFIX) and _TEMPORARY.fullmatch(name) is not None


def remove_left_over(path: str, started: float) -> bool:
    """Remove a temporary file that a run killed outright (SIGKILL, a power cut) left beside a
    file it was writing, holding the document's text; whether it was removed. Only when it is
    plancheck's beyond doubt: named so (`is_temporary`, the caller's test), a regular file and not a
    link, this user's, last written before `started` (this run's start), and locked by no one: a
    live run holds a lock on the file it writes until it is renamed, and the lock dies with it."""
    try:
        with _opened_unfollowed(path) as (fd, status):
            if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_mtime >= started:
                return False
            if not _try_lock(fd):
                return False  # being written: a run that is alive
            now = os.lstat(path)
            if (now.st_dev, now.st_ino) != (status.st_dev, status.st_ino):
                return False  # replaced since it was opened
            os.unlink(path)
            return True
    except OSError:
        return False


def _try_lock(fd: int, wait: bool = False) -> bool:
    """An exclusive lock on the open file (flock: held until every descriptor of it is closed,
    whatever ends the process); True where there are no such locks."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


@contextmanager
def _beside(target: Path) -> Iterator[tuple[int, str]]:
    """A new temporary file in `target`'s folder (only its owner may read it), locked while its
    descriptor is open (`remove_left_over`): its descriptor and its path. Removed when what follows
    fails, whatever the error."""
    import tempfile  # only runs that write load it (10 ms)

    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX, dir=target.parent)
    _try_lock(fd, wait=True)  # a new file: nobody else holds it
    try:
        yield fd, temporary
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise

"""The user's cache folder (`$XDG_CACHE_HOME/plancheck`, else `~/.cache/plancheck`): files plancheck
derives once per machine, that cost seconds to build and milliseconds to read (the compiled rule
set, lint.packs.compiled; the dictionary index of split-word, lint.engine.segment).

What is read back from there is treated as hostile: another job may share the folder, a disk may
flip a bit. A sealed file starts with an HMAC-SHA256 of the rest under a per-machine secret
(`secret`, 32 random bytes, mode 0600, made at first use and used only when it is the user's own
regular file that nobody else can read). A file that fails the check is ignored and made anew, so
what plancheck reads there can only be what it wrote itself.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from lint.files import io as files

SECRET = "secret"
_MAC_SIZE = 32
_secret: bytes | None = None


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plancheck"


def key(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _own_secret(path: Path) -> bytes | None:
    """The secret at `path` when it is trustworthy: a regular file of this user's, readable by no
    one else, of the right size."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_mode & 0o077:
            return None
        if hasattr(os, "getuid") and status.st_uid != os.getuid():
            return None
        data = os.read(fd, _MAC_SIZE + 1)
    finally:
        os.close(fd)
    return data if len(data) == _MAC_SIZE else None


def secret() -> bytes | None:
    """The per-machine secret, made if there is none; None when it cannot be had (a folder that
    cannot be written, or a secret file that is not trustworthy: then nothing sealed is used)."""
    global _secret
    if _secret is not None:
        return _secret
    path = folder() / SECRET
    found = _own_secret(path)
    if found is None and not os.path.lexists(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            temporary = path.with_name(f".{SECRET}.{os.getpid()}.tmp")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            try:
                os.write(fd, os.urandom(_MAC_SIZE))
            finally:
                os.close(fd)
            try:
                os.link(temporary, path)  # fails if another process made one meanwhile: that one is used
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
        except OSError:
            return None
        found = _own_secret(path)
    _secret = found
    return found


def _mac(key_: bytes, payload: bytes) -> bytes:
    return hmac.new(key_, payload, hashlib.sha256).digest()


def seal(payload: bytes) -> bytes | None:
    """`payload` behind its MAC; None when there is no secret to seal with."""
    key_ = secret()
    return None if key_ is None else _mac(key_, payload) + payload


def unseal(data: bytes) -> bytes | None:
    """What `seal` sealed; None when `data` fails its check (damaged, foreign, planted)."""
    key_ = secret()
    if key_ is None:
        return None
    mac, payload = data[:_MAC_SIZE], data[_MAC_SIZE:]
    return payload if hmac.compare_digest(mac, _mac(key_, payload)) else None


def read_sealed(target: Path) -> bytes | None:
    """What `write_sealed` put in `target`; None when there is none, or it fails its check."""
    data = files.read_kept(target)
    if data is None:
        return None
    payload = unseal(data)
    if payload is None:
        discard(target)  # damaged or foreign: made anew
        return None
    used(target)
    return payload


def write_sealed(target: Path, payload: bytes, keep: int) -> bool:
    """Keep `payload` in `target`, sealed; False when it cannot be (`replace`)."""
    sealed = seal(payload)
    return sealed is not None and replace(target, lambda temporary: Path(temporary).write_bytes(sealed), keep)


def discard(target: Path) -> None:
    """Remove a damaged file, so that it is made anew."""
    try:
        target.unlink()
    except OSError:
        pass


def used(target: Path) -> bool:
    """Whether `target` exists; it is then marked as used now, the last of its family to go."""
    try:
        # the access time says when it was last used (set here, whatever the mount's atime
        # policy); the modification time stays when it was built
        os.utime(target, ns=(time.time_ns(), target.stat().st_mtime_ns))
    except FileNotFoundError:
        return False
    except OSError:
        return target.is_file()  # a read-only cache folder: nothing is pruned there either
    return target.is_file()


def replace(target: Path, write: Callable[[str], None], keep: int) -> bool:
    """(Re)make `target` by `write(temporary path)` (files.replace_aside); False when the folder
    cannot be written. Files of its family (the same name up to the first "-") are kept to the
    `keep` most recently used: each edit of a pack makes new ones, and nothing else would remove
    them."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        files.replace_aside(target, write)
    except OSError:
        return False
    _prune(target, keep)
    return True


def _prune(target: Path, keep: int) -> None:
    family = target.name.split("-", 1)[0]
    try:
        found = sorted(target.parent.glob(f"{family}-*"), key=lambda p: p.stat().st_atime_ns, reverse=True)
    except OSError:  # a file removed by a concurrent run while sorting
        return
    for old in found[keep:]:
        discard(old)


def clear() -> bool:
    """Delete everything plancheck keeps in the folder; True if there was anything."""
    import shutil

    directory = folder()
    if not directory.is_dir():
        return False
    shutil.rmtree(directory, ignore_errors=True)
    global _secret
    _secret = None
    return True

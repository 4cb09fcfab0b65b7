"""How much memory this process may still allocate: the smallest of the machine's available
memory, the container's limit (cgroup v2 memory.max or v1 limit_in_bytes, minus what the group
uses) and the process's address-space limit (RLIMIT_AS, minus what it has mapped). Reading only
MemAvailable lets a build pass the guard and die later with a raw MemoryError."""

from __future__ import annotations

from pathlib import Path

GUESS = 8 * 1024**3  # where nothing can be read (not Linux)
NO_LIMIT = 1 << 60  # cgroup v1 writes a huge number for "unlimited"


def _read_int(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except (OSError, ValueError):
        return None
    if not text or text == "max":
        return None
    try:
        value = int(text)
    except ValueError:
        return None
    return None if value >= NO_LIMIT else value


def mem_available(proc: Path = Path("/proc")) -> int | None:
    try:
        with open(proc / "meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _cgroup_dirs(proc: Path, sysfs: Path) -> list[tuple[Path, str, str]]:
    """(directory, limit file, usage file) of this process's memory cgroups, v2 and v1."""
    out: list[tuple[Path, str, str]] = []
    try:
        lines = (proc / "self" / "cgroup").read_text().splitlines()
    except OSError:
        lines = []
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, rel = parts
        rel = rel.lstrip("/")
        if controllers == "":  # v2 unified hierarchy
            for d in (sysfs / rel, sysfs):
                out.append((d, "memory.max", "memory.current"))
        elif "memory" in controllers.split(","):
            for d in (sysfs / "memory" / rel, sysfs / "memory"):
                out.append((d, "memory.limit_in_bytes", "memory.usage_in_bytes"))
    return out


def cgroup_headroom(proc: Path = Path("/proc"), sysfs: Path = Path("/sys/fs/cgroup")) -> int | None:
    """Bytes left under the tightest memory cgroup limit that applies, or None for no limit."""
    best: int | None = None
    for d, limit_file, usage_file in _cgroup_dirs(proc, sysfs):
        limit = _read_int(d / limit_file)
        if limit is None:
            continue
        used = _read_int(d / usage_file) or 0
        room = max(0, limit - used)
        best = room if best is None else min(best, room)
    return best


def _vm_size(proc: Path) -> int:
    try:
        for line in (proc / "self" / "status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def rlimit_headroom(proc: Path = Path("/proc")) -> int | None:
    """Bytes left under RLIMIT_AS (the process's address space), or None for no limit."""
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft < 0:
        return None
    return max(0, soft - _vm_size(proc))


def available_memory() -> int:
    """Bytes this process can still allocate, by the tightest of the three limits."""
    found = [v for v in (mem_available(), cgroup_headroom(), rlimit_headroom()) if v is not None]
    return min(found) if found else GUESS

"""The memory guard reads every limit that applies: the machine, the container, the process."""

from __future__ import annotations

from pathlib import Path

import pytest

from dendrowidget import _memory

GIB = 1024**3


def fake(tmp_path: Path, cgroup: str, files: dict[str, str]) -> tuple[Path, Path]:
    proc, sysfs = tmp_path / "proc", tmp_path / "sys"
    (proc / "self").mkdir(parents=True)
    (proc / "self" / "cgroup").write_text(cgroup)
    (proc / "meminfo").write_text(f"MemTotal: 1 kB\nMemAvailable: {20 * GIB // 1024} kB\n")
    for rel, text in files.items():
        path = sysfs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return proc, sysfs


def test_cgroup_v2_limit_minus_usage(tmp_path: Path) -> None:
    proc, sysfs = fake(
        tmp_path,
        "0::/user.slice/job\n",
        {"user.slice/job/memory.max": str(4 * GIB), "user.slice/job/memory.current": str(GIB)},
    )
    assert _memory.cgroup_headroom(proc, sysfs) == 3 * GIB
    assert _memory.mem_available(proc) == 20 * GIB


def test_cgroup_v1_and_unlimited(tmp_path: Path) -> None:
    proc, sysfs = fake(
        tmp_path,
        "4:memory:/docker/abc\n0::/\n",
        {
            "memory/docker/abc/memory.limit_in_bytes": str(2 * GIB),
            "memory/docker/abc/memory.usage_in_bytes": str(GIB // 2),
            "memory.max": "max",
        },
    )
    assert _memory.cgroup_headroom(proc, sysfs) == GIB * 3 // 2
    proc2, sysfs2 = fake(tmp_path / "b", "0::/\n", {"memory.max": "max"})
    assert _memory.cgroup_headroom(proc2, sysfs2) is None


def test_available_memory_is_the_tightest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_memory, "mem_available", lambda: 20 * GIB)
    monkeypatch.setattr(_memory, "cgroup_headroom", lambda: 3 * GIB)
    monkeypatch.setattr(_memory, "rlimit_headroom", lambda: 5 * GIB)
    assert _memory.available_memory() == 3 * GIB
    monkeypatch.setattr(_memory, "cgroup_headroom", lambda: None)
    assert _memory.available_memory() == 5 * GIB

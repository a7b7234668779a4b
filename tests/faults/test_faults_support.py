"""The fault tools themselves: a full disk refuses writes, a read-only home too."""
from __future__ import annotations

import errno

import pytest


def test_full_home_is_full(full_home):
    with pytest.raises(OSError) as err:
        (full_home / "data" / "x.json").write_bytes(b"x" * 100_000)
    assert err.value.errno == errno.ENOSPC


def test_read_only_home_refuses_writes(read_only_home):
    with pytest.raises(OSError) as err:
        (read_only_home / "x").write_text("x")
    assert err.value.errno == errno.EROFS

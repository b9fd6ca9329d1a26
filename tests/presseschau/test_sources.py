"""Finding input files: the state a later run skips an unchanged file by."""

from __future__ import annotations

import time
from pathlib import Path

from presseschau.sources import SETTLE_NS, FileState, discover


def test_a_file_gets_a_state_to_skip_it_by_only_once_it_has_settled(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Berlin. Ein Satz.", encoding="utf-8")
    [found] = discover([tmp_path])
    assert found.state is None, "a file written just now may change again within the same tick"
    time.sleep(SETTLE_NS / 1e9)
    [found] = discover([tmp_path])
    seen = article.stat()
    assert found.state == FileState(seen.st_size, seen.st_mtime_ns, seen.st_ctime_ns, seen.st_ino)

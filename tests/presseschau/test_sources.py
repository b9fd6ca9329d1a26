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


def test_files_in_folders_are_named_by_their_path_under_the_input_and_hidden_ones_skipped(
    tmp_path: Path,
) -> None:
    for name in ("b.txt", "2025/02/a.txt", "2025/z.md", ".git/config", "2025/.DS_Store"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Berlin. Ein Satz.", encoding="utf-8")
    found = discover([tmp_path, tmp_path / "b.txt"])
    assert [(f.doc_id, f.path) for f in found] == [
        ("2025/02/a.txt", str(tmp_path / "2025/02/a.txt")),
        ("2025/z.md", str(tmp_path / "2025/z.md")),
        ("b.txt", str(tmp_path / "b.txt")),
    ]

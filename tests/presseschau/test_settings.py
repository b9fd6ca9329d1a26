"""Settings: a key that was replaced is an error naming what replaces it, not silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from presseschau.settings import SettingsError, load_settings


def test_the_replaced_allow_private_key_names_the_allow_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSESCHAU_FETCH_ALLOW_PRIVATE", "true")
    with pytest.raises(SettingsError, match="fetch_allow_networks"):
        load_settings()
    monkeypatch.delenv("PRESSESCHAU_FETCH_ALLOW_PRIVATE")
    config = tmp_path / "presseschau.toml"
    config.write_text("fetch_allow_private = true\n", encoding="utf-8")
    monkeypatch.setenv("PRESSESCHAU_CONFIG", str(config))
    with pytest.raises(SettingsError, match="fetch_allow_networks"):
        load_settings()
    config.write_text('fetch_allow_networks = ["10.0.0.0/8", "intranet.example"]\n', encoding="utf-8")
    assert load_settings().fetch_allow_networks == ("10.0.0.0/8", "intranet.example")

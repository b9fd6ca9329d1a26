#!/usr/bin/env bash
# Make sure a headless Chromium is installed for tests/test_report_browser.py (Debian package
# `chromium`). Idempotent: does nothing when a Chromium is already on PATH. Installing needs
# apt-get and root (or password-less sudo); without them it says why and exits 1, and the
# browser test then skips with that reason. Call it before the tests, e.g. from `make test`.
set -euo pipefail

for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no apt-get on this machine; install Chromium with its package manager" >&2
    exit 1
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        run_as_root=(sudo -n)
    else
        echo "ensure-chromium: installing chromium needs root or password-less sudo" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing the Debian package chromium (once)" >&2
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null

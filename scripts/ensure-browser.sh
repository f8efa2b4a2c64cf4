#!/usr/bin/env bash
# The browser tests drive Debian's chromium with CJK fonts. Install them when missing
# (as root, the way this project's machines run); otherwise say what to install.
set -euo pipefail
# (grep -c reads all of fc-list's output: grep -q would close the pipe early and fail under pipefail)
if command -v "${CHROME_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 && [ "$(fc-list 2>/dev/null | grep -ci 'Noto Sans CJK' || true)" -gt 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and fonts-noto-cjk for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2
else
  echo "The browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk (or set CHROME_PATH)." >&2
  exit 1
fi

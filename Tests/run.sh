#!/usr/bin/env bash
# The test command (README): installs the real readers the tests use when missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v khal >/dev/null || need_apt+=(khal)
command -v soffice >/dev/null || command -v libreoffice >/dev/null || need_apt+=(libreoffice-calc-nogui)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need_apt+=(libsqlite3-dev)
python3 -m pip --version >/dev/null 2>&1 || need_apt+=(python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

need_pip=()
for mod in icalendar openpyxl yaml playwright; do
  python3 -c "import $mod" 2>/dev/null || need_pip+=("$mod")
done
if [ ${#need_pip[@]} -gt 0 ]; then
  pkgs=(); for m in "${need_pip[@]}"; do [ "$m" = yaml ] && pkgs+=(pyyaml) || pkgs+=("$m"); done
  # Debian's own Python refuses system-wide installs (PEP 668) unless told.
  python3 -m pip install -q "${pkgs[@]}" || python3 -m pip install -q --break-system-packages "${pkgs[@]}"
fi

# House style: the code is formatted as .swift-format says (fix with: swift format format --in-place --recursive Sources Tests).
swift format lint --strict --recursive Sources Tests

swift build
swift test --no-parallel

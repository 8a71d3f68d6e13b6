#!/usr/bin/env bash
# Install the Debian packages newsfuse's extras use, when they are missing:
#   libxml-dom-perl        -> official ROUGE-1.5.5 scorer (newsfuse eval --scorer perl)
#   chromium, chromium-driver -> the headless browser test of the web page
# Skips quietly when everything is present; warns (does not fail) without root or apt.
set -u
need=()
perl -MXML::DOM -e1 2>/dev/null || need+=(libxml-dom-perl)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: apt-get not found; install ${need[*]} yourself (the tests that need them will skip)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "warning: not root; install ${need[*]} yourself (the tests that need them will skip)" >&2
    exit 0
  fi
fi
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
  || echo "warning: apt-get install ${need[*]} failed (the tests that need them will skip)" >&2
exit 0

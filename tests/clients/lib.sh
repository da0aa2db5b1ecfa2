# Shared helpers of the client tests (sourced). Each test script ends with one
# line `PASS: ...`, `FAIL: ...` or `SKIP: ...` and exits 0, 1 or 77 (the
# automake convention for "skipped"), so run_all.sh can tell a skip from a pass.
SKIP=77
pass() { echo "PASS: $*"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit "$SKIP"; }

# need_cmd CMD DEB: CMD on PATH, installing Debian package DEB when missing and
# installs are allowed (root with apt-get; CVLINT_NO_INSTALL=1 turns it off).
need_cmd() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [[ ${CVLINT_NO_INSTALL:-0} == 1 ]] && return 1
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "installing $2 with apt-get (for $1)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "$2" \
    >>"${TMPDIR:-/tmp}/cvlint-client-tests-apt.log" 2>&1 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update >>"${TMPDIR:-/tmp}/cvlint-client-tests-apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "$2" \
        >>"${TMPDIR:-/tmp}/cvlint-client-tests-apt.log" 2>&1; }
  command -v "$1" >/dev/null 2>&1
}

# need_deb DEB: a Debian package that provides no command (elpa-eglot).
need_deb() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed' && return 0
  [[ ${CVLINT_NO_INSTALL:-0} == 1 ]] && return 1
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "installing $1 with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "$1" \
    >>"${TMPDIR:-/tmp}/cvlint-client-tests-apt.log" 2>&1
}

# cvlint_bin BUILD_DIR: the absolute path of the built server, or fail.
cvlint_bin() {
  # Called inside $(...): the FAIL line goes to stderr so it is not swallowed.
  [[ -n ${1:-} && -x $1/cvlint ]] || { fail "no executable cvlint in '${1:-}' (build it first: ninja -C BUILD_DIR cvlint)" >&2; }
  echo "$(cd "$1" && pwd)/cvlint"
}

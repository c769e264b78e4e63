#!/usr/bin/env bash
# Installs Rehearse from this checkout into a temporary prefix, as `make install` does for a user,
# and checks what the user gets: from `/`, through PATH and through a link, `bank stats` and a
# piped one-question mock work; the binary needs no library of the Swift toolchain; `--version`
# answers; the man page shows every command; bash completion offers question ids; and
# `make uninstall` leaves nothing behind. Run by `make installcheck` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() {
  echo "install-check: $*" >&2
  exit 1
}

make -s install PREFIX="$prefix"
program=$prefix/bin/rehearse

export REHEARSE_HOME=$work/home NO_COLOR=1
unset REHEARSE_BANK
cd /

# By name, from /, with the installed folder first on PATH.
PATH="$prefix/bin:$PATH" rehearse bank stats >"$work/stats" ||
  fail "rehearse bank stats failed from / (exit $?)"
grep -q "database-concepts" "$work/stats" || fail "bank stats names no component"
printf 'Sharding splits data across servers; partitioning splits one table.\n.\n' |
  PATH="$prefix/bin:$PATH" rehearse mock --count 1 --seed 1 >"$work/mock.out" 2>"$work/mock.err" ||
  fail "a piped rehearse mock --count 1 failed (exit $?): $(tail -3 "$work/mock.err")"
grep -q "Question 1 of 1" "$work/mock.err" || fail "the piped mock asked no question"
if grep -q "semantic signal is off" "$work/mock.err"; then
  fail "the installed mock could not load its sentence model: $(grep semantic "$work/mock.err")"
fi
PATH="$prefix/bin:$PATH" rehearse doctor --format json >"$work/doctor.json" 2>/dev/null
grep -q '"loads" : true' "$work/doctor.json" ||
  fail "rehearse doctor does not find the installed sentence model"

# Through a link in another folder, as ~/bin or a package manager's shims hold it.
mkdir "$work/links"
ln -s "$program" "$work/links/rehearse"
PATH="$work/links:/usr/bin:/bin" rehearse bank stats >/dev/null ||
  fail "rehearse run through a link does not find its bank"

# No library of the Swift toolchain: the runtime and Foundation are linked in.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
libraries=$(ldd "$program")
if grep -e "$toolchain" -e "libswift" -e "libFoundation" <<<"$libraries"; then
  fail "the installed binary still needs the libraries above"
fi
# It starts without the toolchain's folders anywhere in its environment.
env -i PATH=/usr/bin:/bin REHEARSE_HOME="$work/home" "$program" --help >/dev/null ||
  fail "the installed binary does not start in a bare environment"

version=$("$program" --version)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"

# The man page shows every command, nested ones included.
manual=$prefix/share/man/man1/rehearse.1
MANWIDTH=120 MANPAGER=cat man -l "$manual" 2>"$work/manual.err" | sed 's/.\x08//g' >"$work/manual.txt"
[ ! -s "$work/manual.err" ] || fail "man warns of the page: $(head -3 "$work/manual.err")"
"$program" --experimental-dump-help >"$work/help.json"
python3 - "$work/help.json" "$work/manual.txt" <<'PYTHON'
import json, re, sys
tool = json.load(open(sys.argv[1]))["command"]
manual = open(sys.argv[2]).read()
missing = []
def walk(command, path):
    for sub in command.get("subcommands", []):
        name = path + [sub["commandName"]]
        # An item of the page: the command's name, then the first words of its abstract.
        words = sub.get("abstract", "").split()[:3]
        pattern = r"^\s+" + re.escape(sub["commandName"]) + r"\s+" + r"\s+".join(map(re.escape, words))
        if not re.search(pattern, manual, re.M):
            missing.append(" ".join(name))
        walk(sub, name)
walk(tool, ["rehearse"])
if missing:
    sys.exit("install-check: the man page does not show: " + ", ".join(missing))
PYTHON

# Bash completion, as installed, offers a question id from the bank.
completion=$prefix/share/bash-completion/completions/rehearse
offered=$(PATH="$prefix/bin:$PATH" bash --norc --noprofile -c '
  source "$1"
  COMP_WORDS=(rehearse ask dbc-sh); COMP_CWORD=2; COMP_LINE="rehearse ask dbc-sh"
  COMP_POINT=${#COMP_LINE}
  function=$(complete -p rehearse | sed -E "s/.*-F ([^ ]+).*/\1/")
  "$function" rehearse dbc-sh ask
  printf "%s\n" "${COMPREPLY[@]}"' completion "$completion")
grep -qx "dbc-sharding-vs-partitioning" <<<"$offered" ||
  fail "bash completion of 'rehearse ask dbc-sh' offered: $offered"

size=$(du -h "$program" | cut -f1)

# Uninstall removes every file install wrote.
make -s -C "$repository" uninstall PREFIX="$prefix"
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "install-check: ok ($size binary)"

#!/usr/bin/env bash
# bench/forms/compare.sh BEFORE AFTER: the pages whose HTML differs once attribute order, nonces, times, ids and the
# port are set aside (normalise.py), with the count of differing lines; then how many pages were compared.
here="$(cd "$(dirname "$0")" && pwd)"
for f in "$1"/*.html; do
  n=$(basename "$f")
  d=$(diff <(python3 "$here/normalise.py" "$f") <(python3 "$here/normalise.py" "$2/$n") | grep -c '^[<>]')
  [ "$d" = 0 ] || echo "$n $d"
done
echo "compared $(ls "$1"/*.html | wc -l) pages"

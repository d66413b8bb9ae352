#!/bin/bash
# Imports every file of the team's shared public data (../shared/data beside
# the checkout, else this tree's copies in tests/data and data/samples) with
# the command-line tool, and checks each one either becomes a dataset or is
# refused with a message that says why: files that are not datasets (notes,
# JSON catalogs, a shapefile's .prj) and the malformed conformance cases.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
source_root=$2
data="$source_root/../shared/data"
[ -d "$data" ] || data="$source_root/tests/data $source_root/data/samples"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

check () {
  local file=$1 expect=$2 pattern=$3
  shift 3
  local out status
  rm -f "$work/p.equity"*
  out=$("$cli" import "$work/p.equity" "$file" "$@" 2>&1)
  status=$?
  if [ "$expect" = ok ] && [ $status -eq 0 ]; then
    passed=$((passed + 1))
  elif [ "$expect" = refused ] && [ $status -ne 0 ] && echo "$out" | grep -qE "$pattern" &&
       [ ! -e "$work/p.equity" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "unexpected ($expect, exit $status): $file"
    echo "$out" | tail -2
  fi
}

# shellcheck disable=SC2086
while IFS= read -r file; do
  name=$(basename "$file")
  case "$file" in
    */fuzz-regressions/*|*/charts/*|*.png) continue ;;
    *.md|*.json|*.prj|*.cpg|*.txt|*.xml)
      # not datasets; GeoJSON and TopoJSON files are named .geojson / .topojson.json
      case "$name" in
        *.topojson.json|*.geojson.json) check "$file" ok "" ;;
        *) check "$file" refused "not a file Asheville Equity can read|not a dataset|empty" ;;
      esac ;;
    */bad-missing-quote.csv|*/bad-quotes-with-unescaped-quote.csv|*/bad-unescaped-quote.csv|\
    */location_coordinates.csv|*/evil.csv|*/evil1.csv|*/bad-header-more-fields.csv)
      check "$file" refused "^asheville-equity-cli: $name:[0-9]+:[0-9]+: " ;;
    *.xls)
      # read through LibreOffice when it is installed, else a clear refusal
      if command -v soffice >/dev/null || command -v libreoffice >/dev/null; then
        check "$file" ok ""
      else
        check "$file" refused "^asheville-equity-cli: $name: .*LibreOffice"
      fi ;;
    */bad-header-no-header.csv)
      check "$file" refused "^asheville-equity-cli: $name:1:1: the file is empty" ;;
    */ncdot_dbe_vendor_directory.csv)
      check "$file" refused "^asheville-equity-cli: $name:3:2: .*choose another header line"
      check "$file" ok "" --skip-rows 2 --lenient-quotes ;;
    *) check "$file" ok "" ;;
  esac
done < <(find $data -type f | sort)

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 50 ]

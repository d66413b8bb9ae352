#!/bin/bash
# Every file with user-visible strings is listed in po/POTFILES.in, and the
# Spanish translation has no untranslated or fuzzy message.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cd "$1"
status=0

while IFS= read -r file; do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext) ?\(|translatable="yes"' "$file" &&
     ! grep -qxF "$file" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $file"
    status=1
  fi
done < <(find src data/ui -name '*.c' -o -name '*.ui' | sort)

while IFS= read -r listed; do
  case "$listed" in ''|'#'*) continue ;; esac
  [ -f "$listed" ] || { echo "po/POTFILES.in lists a missing file: $listed"; status=1; }
done < po/POTFILES.in

# merge with a template made from the sources now, so a string added since
# the last merge counts as untranslated
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -f po/POTFILES.in -o "$work/template.pot" || status=1
msgmerge --quiet --no-fuzzy-matching po/es.po "$work/template.pot" -o "$work/es.po" || status=1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/es.po" 2>&1) || { echo "$stats"; status=1; }
echo "es: $stats"
if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
  echo "the Spanish translation is incomplete"
  status=1
fi
exit $status

#!/bin/sh
# po/zh_CN.po must translate every string that the sources in POTFILES.in mark
# (no missing, fuzzy or empty entries), and every source file that marks
# strings must be listed in POTFILES.in.
set -eu
top=$1
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)\s*\(' src --include='*.c' 2>/dev/null; ls ui/*.ui 2>/dev/null | xargs -r grep -l 'translatable="yes"'); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po: $f marks strings but is not in po/POTFILES.in"
    status=1
  fi
done

files=$(grep -v '^#' po/POTFILES.in | grep -v '^$' || true)
if [ -n "$files" ]; then
  xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
    --add-comments -o "$tmp/hncredit.pot" $files
  if ! msgcmp --use-untranslated po/zh_CN.po "$tmp/hncredit.pot" 2>"$tmp/cmp"; then
    sed 's/^/po: /' "$tmp/cmp"
    status=1
  fi
fi
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
echo "po: $stats"
case "$stats" in
  *fuzzy*|*untranslated*) status=1 ;;
esac
exit $status

#!/usr/bin/env bash
# Writes department-gbk.html: department.html declaring gb2312 (the http-equiv form) and
# saved as GB18030, as many government sites serve their pages.
#   cd Tests/Fixtures/html && ./make_gbk.sh
set -euo pipefail
cd "$(dirname "$0")"
sed -e 's/<meta charset="utf-8">/<meta http-equiv="Content-Type" content="text\/html; charset=gb2312">/' department.html \
  | iconv -f UTF-8 -t GB18030 > department-gbk.html

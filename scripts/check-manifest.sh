#!/bin/sh
# Validates the add-in manifest(s) against Microsoft's XML schemas, offline, with xmllint.
#   scripts/check-manifest.sh [manifest.xml ...]      (default: manifest.xml and dist/addin/manifest.xml if built)
# Schemas: $OFFICE_MANIFEST_XSD, else ../shared/office-manifest-xsd next to the repository (see its SOURCE.md).
# No schemas here: skipped with a message (exit 0). No xmllint: skipped outside CI, an error when CI=true.
set -eu
cd "$(dirname "$0")/.."

xsd_dir=${OFFICE_MANIFEST_XSD:-../shared/office-manifest-xsd}
schema="$xsd_dir/OfficeAppManifestV1_1.xsd"

if [ ! -f "$schema" ]; then
  echo "check-manifest: 没有找到清单架构 $schema，跳过 XSD 校验 / no schema at $schema, XSD validation skipped"
  exit 0
fi
if ! command -v xmllint >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "check-manifest: CI 中必须安装 xmllint (apt-get install libxml2-utils) / xmllint is required in CI" >&2
    exit 1
  fi
  echo "check-manifest: 未安装 xmllint，跳过 / xmllint not installed, skipped"
  exit 0
fi

if [ "$#" -eq 0 ]; then
  set -- manifest.xml
  [ -f dist/addin/manifest.xml ] && set -- "$@" dist/addin/manifest.xml
fi

status=0
for manifest in "$@"; do
  # rc 0 valid, 3 invalid, 5 schema did not compile (SOURCE.md)
  if xmllint --nonet --noout --schema "$schema" "$manifest"; then :; else
    rc=$?
    echo "check-manifest: $manifest 未通过校验 (xmllint rc $rc) / failed validation" >&2
    status=1
  fi
done
exit $status

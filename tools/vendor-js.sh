#!/usr/bin/env bash
# Re-fetches the JavaScript plotting library that Export-CurationReport embeds in its HTML files
# (plotly.js-dist-min, MIT) through npm, and checks it against the recorded SHA-256 sums.
#   tools/vendor-js.sh           fetch into src/AtomCuration.Plotting/vendor/ and verify
#   tools/vendor-js.sh --check   verify the committed files only (no network)
# To move to a new version: change VERSION, run with --update, review, commit vendor/ together.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE=plotly.js-dist-min
VERSION=4.1.2
DEST=src/AtomCuration.Plotting/vendor
SUMS="$DEST/SHA256SUMS"

check() { (cd "$DEST" && sha256sum --check --strict SHA256SUMS); }

if [[ "${1:-}" == "--check" ]]; then check; exit; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$work/$PACKAGE-$VERSION.tgz" -C "$work" package/plotly.min.js package/LICENSE package/package.json
version=$(node -p "require('$work/package/package.json').version")
[[ "$version" == "$VERSION" ]] || { echo "npm gave $PACKAGE $version, expected $VERSION" >&2; exit 1; }
cp "$work/package/plotly.min.js" "$DEST/plotly.min.js"
cp "$work/package/LICENSE" "$DEST/plotly.LICENSE"
if [[ "${1:-}" == "--update" ]]; then
    (cd "$DEST" && sha256sum plotly.min.js plotly.LICENSE > SHA256SUMS)
    echo "recorded new sums for $PACKAGE $VERSION in $SUMS"
fi
check
echo "$PACKAGE $VERSION vendored in $DEST"

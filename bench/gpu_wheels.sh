#!/usr/bin/env bash
# Fill .whl/ (ignored by git) with exactly the wheels bench/gpu_check.sh needs on the lent GPU
# machine, which has CPython 3.12 on manylinux x86_64 with torch, transformers, tokenizers,
# huggingface_hub, onnxruntime, tqdm, pyyaml, accelerate and scikit-image already, and no network:
#   ctranslate2==4.8.5      what faster-whisper runs on (about 41 MiB: most of the budget)
#   faster-whisper==1.2.1   our speech recogniser (about 1 MiB)
#   bitsandbytes==0.50.2    8-bit / 4-bit BLIP-2; its wheel (41 MiB) holds native libraries for
#                           every CUDA, ROCm and XPU version, so it is rewritten here with only
#                           the CPU and CUDA 13.0 ones (torch there is 2.11+cu130): about 3.5 MiB.
#                           --no-bitsandbytes leaves it out (the check then says "not carried").
# Not carried: av (PyAV, 34 MiB): gpu_check.py puts a stand-in module in its place, since we
# pass numpy audio and faster-whisper only imports it.
# The versions are the ones in .venv here (pyproject: faster-whisper>=1.1, bitsandbytes>=0.43).
# Prints each wheel's size and the total that travels (wheels + working tree), which must stay
# under the device tool's 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
WANT=(ctranslate2==4.8.5 faster-whisper==1.2.1)
[ "${1:-}" = --no-bitsandbytes ] || WANT+=(bitsandbytes==0.50.2)

mkdir -p .whl
rm -f .whl/*.whl   # one version of each: two stop the whole install there
"$PY" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 \
  --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform manylinux1_x86_64 \
  -d .whl "${WANT[@]}" 2>&1 | grep -v "^WARNING: Location" || true

for wheel in .whl/bitsandbytes-*.whl; do
  [ -e "$wheel" ] || continue
  "$PY" - "$wheel" <<'EOF'
"""Rewrite the bitsandbytes wheel without the native libraries torch+cu130 never loads; the
RECORD loses exactly the removed files' lines, every other file and hash is unchanged."""
import os, re, sys, zipfile
path = sys.argv[1]
keep = re.compile(r"libbitsandbytes_(cpu|cuda130)\.so$")
def drop(name):
    return "/libbitsandbytes_" in "/" + name and name.endswith(".so") and not keep.search(name)
tmp = path + ".tmp"
with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
    dropped = [i.filename for i in src.infolist() if drop(i.filename)]
    for info in src.infolist():
        if info.filename in dropped:
            continue
        data = src.read(info.filename)
        if info.filename.endswith(".dist-info/RECORD"):
            lines = data.decode().splitlines(keepends=True)
            data = "".join(l for l in lines if l.split(",")[0] not in dropped).encode()
        out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
os.replace(tmp, path)
print(f"trimmed {os.path.basename(path)}: left out {len(dropped)} libraries "
      f"({', '.join(sorted(os.path.basename(d) for d in dropped))})")
EOF
done

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
total_whl=0
for wheel in .whl/*.whl; do
  size=$(stat -c %s "$wheel"); total_whl=$((total_whl + size))
  printf '  %-72s %s\n' "$(basename "$wheel")" "$(mib "$size")"
done
tracked=$(git ls-files -z | xargs -0 stat -c %s 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
untracked=$(git ls-files -z --others --exclude-standard | xargs -0 -r stat -c %s 2>/dev/null \
  | awk '{ s += $1 } END { print s + 0 }')
all=$((total_whl + tracked + untracked))
echo "wheels $(mib $total_whl) + tracked files $(mib $tracked)" \
  "+ untracked, not ignored $(mib $untracked) = $(mib $all) of the 64 MiB that may travel"
[ "$all" -lt $((60 * 1048576)) ] || { echo "too close to 64 MiB: leave bitsandbytes out"; exit 1; }

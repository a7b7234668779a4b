#!/usr/bin/env bash
# Every GPU check of issue 8 in one command (BLIP-2 bf16/fp16/8-bit through our Blip2Engine,
# faster-whisper on CUDA through our transcriber, the out-of-memory step-down); the Python
# lives in bench/gpu_check.py, gpu_check_blip2.py and gpu_check_whisper.py.
#
# ON A LENT GPU MACHINE (nvidia-h200: python3 3.12, torch 2.11, transformers 5.17, no network)
#   1. Here, once: bash bench/gpu_wheels.sh   (fills .whl/: ctranslate2, faster-whisper and a
#      trimmed bitsandbytes, about 46 MiB; it prints the total with the working tree).
#   2. Call the run tool with exactly:
#        command:   bash bench/gpu_check.sh
#        carry:     [".whl"]
#        timeout_s: 540
#      The script stops starting new steps after 440 s (--budget-s) and should end in 4-7 min
#      on an H200, plus the machine's start. Steps that did not fit say "skipped: time budget".
#      "oom quantize (injected)" checks that an out-of-memory inside bitsandbytes' quantize step
#      (which transformers 5 turns into a plain RuntimeError) still steps down.
#      To redo only some steps: bash bench/gpu_check.sh --only whisper,oom   (groups: blip2,
#      whisper, oom, 8bit, imagetext; blip2 build runs whenever blip2, oom or 8bit is asked).
#      "imagetext NAME" steps run the smallest real model of each image-text family whose
#      files are in the machine's HF cache (none is downloaded: absent ones say "skipped").
#   3. Then call give_back (unless rerunning at once). The reply's output_tail ends with the
#      summary table; the full results come back as $OUT/gpu_check.json and the whole log as
#      $OUT/gpu_check.log (under the reply's files_at). Put the table's figures in the note;
#      read gpu_check.json's "step_downs" (what exception reached Blip2Engine._step_down),
#      "loads" (GPU memory still held before each load) and the whisper "stderr_tail" entries
#      for anything marked FAILED or inconclusive.
#
# HERE, WITHOUT A GPU
#   bash bench/gpu_check.sh --cpu-dry-run      same steps, tiny sizes, .venv/bin/python; what
#                                              needs CUDA says "needs CUDA", OOM is simulated.
#   PYTHON=/path/to/python3.12 bash bench/gpu_check.sh --cpu-dry-run
#                                              installs .whl/ into a --target folder and uses
#                                              PYTHONPATH as the GPU machine does.
# Environment: OUT (results folder; default out/gpu_check), GPU_CHECK_WORK (built models,
# default /tmp/gpu_check_work_MODE; reused when present), GPU_CHECK_SITE (default
# /tmp/gpu_check_site), PYTHON. Other arguments go to bench/gpu_check.py.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
START=$(date +%s)
MODE=gpu
ARGS=()
for arg in "$@"; do
  case $arg in
    --cpu-dry-run) MODE=cpu ;;
    *) ARGS+=("$arg") ;;
  esac
done
PY=${PYTHON:-python3}
if [ "$MODE" = cpu ] && [ -z "${PYTHON:-}" ] && [ -x .venv/bin/python ]; then
  PY=.venv/bin/python
fi
OUTDIR=${OUT:-$PWD/out/gpu_check}
mkdir -p "$OUTDIR"
SITE=${GPU_CHECK_SITE:-/tmp/gpu_check_site}

if compgen -G ".whl/*.whl" >/dev/null; then
  if "$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))'; then
    rm -rf "$SITE"
    "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
      --target "$SITE" .whl/*.whl || { echo "gpu_check: installing .whl/*.whl failed"; exit 2; }
    export PYTHONPATH="$SITE${PYTHONPATH:+:$PYTHONPATH}"
    echo "gpu_check: installed into $SITE: $(cd .whl && ls *.whl | tr '\n' ' ')"
  else
    echo "gpu_check: .whl/ not installed: $PY is not Python 3.12 (its own packages are used)"
  fi
fi
# Our package is not installed on the GPU machine: the checkout itself goes on the path.
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 \
  TOKENIZERS_PARALLELISM=false
"$PY" bench/gpu_check.py --mode "$MODE" --out "$OUTDIR" --started "$START" ${ARGS[@]+"${ARGS[@]}"} \
  2>&1 | tee "$OUTDIR/gpu_check.log"
exit "${PIPESTATUS[0]}"

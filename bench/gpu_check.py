"""Every GPU check of issue 8 in one run; started by bench/gpu_check.sh (read its header).

Steps, in order (each one is timed, guarded and reported; a failure never stops the rest):
  blip2 build      full-size random BLIP-2 (Salesforce/blip2-opt-2.7b shape), bf16, built on
                   the card and saved once; every later step loads it from that folder
  blip2 bf16/fp16  our Blip2Engine: load, first answer, follow-up (reused encoding), peak memory
  whisper          random tiny.en-shaped Whisper converted by CTranslate2; our probe; our
                   FasterWhisperTranscriber on cuda float16 / int8_float16 (child processes)
  oom load         the card made small: bf16 does not fit; the engine must step down and answer
  blip2 8-bit      only when bitsandbytes was carried; then also an out-of-memory injected
                   inside bitsandbytes' quantize step (transformers 5 wraps errors there)
  oom generate     the bf16 model loads, then no memory is left: out of memory while answering
  imagetext NAME   the smallest real model of each image-text family (SmolVLM, Qwen2-VL,
                   Qwen2.5-VL, LLaVA-OneVision, Gemma 3, LLaVA 1.5) whose files are in the HF
                   cache, through our ImageTextEngine: first-token and whole-answer time on
                   one photo (gpu_check_imagetext.py); absent families say "skipped"
``--mode cpu`` (bench/gpu_check.sh --cpu-dry-run) runs the same steps with tiny sizes on the
CPU; what needs CUDA says so, and the out-of-memory steps are simulated.
The summary table is printed last; the full results go to OUT/gpu_check.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gpu_check_blip2 as blip2  # noqa: E402
import gpu_check_imagetext as imagetext  # noqa: E402
import gpu_check_whisper as whisper  # noqa: E402

GROUPS = ("blip2", "whisper", "oom", "8bit", "imagetext")
# Seconds each step may take on the H200 (skipped when the budget has less left).
ESTIMATE = {"blip2 build": 90, "blip2 bfloat16": 40, "blip2 float16": 40, "whisper build": 20,
            "whisper probe (ours)": 20, "whisper cuda float16": 45, "whisper cuda int8_float16": 45,
            "whisper cpu int8": 30, "oom load": 90, "blip2 8-bit": 60,
            "oom quantize (injected)": 60, "oom generate": 90,
            **{f"imagetext {name}": 60 for name in imagetext.SMALLEST}}
AV_STUB = '''"""Stand-in for PyAV, written by bench/gpu_check.py: faster_whisper imports av
when it is imported, but the check passes numpy audio, so nothing of it is ever used."""


def __getattr__(name):
    raise AttributeError(f"av.{name}: PyAV is not installed here (this is a stand-in)")
'''


class Check:
    def __init__(self, args) -> None:
        self.mode, self.args = args.mode, args
        self.started = args.started or time.time()
        self.only = set(args.only.split(",")) if args.only else set(GROUPS)
        self.results: dict = {"mode": self.mode, "steps": {}}
        self.rows: list[tuple[str, str, str]] = []

    def elapsed(self) -> float:
        return time.time() - self.started

    def say(self, text: str) -> None:
        print(f"[gpu_check {self.elapsed():6.1f}s] {text}", flush=True)

    def record(self, name: str, status: str, brief: str, details: dict | None = None) -> None:
        self.results["steps"][name] = {"status": status, "brief": brief, **(details or {})}
        self.rows.append((name, status, brief))
        self.say(f"{name}: {status}: {brief}")
        self.save()

    def save(self) -> None:
        """After every step, so a run stopped at its time limit still leaves its figures."""
        self.results["total_s"] = round(self.elapsed(), 1)
        (self.args.out / "gpu_check.json").write_text(json.dumps(self.results, indent=2,
                                                                 default=str))

    def step(self, name: str, group: str, fn, *, needs_cuda: bool = False,
             why_cpu: str = "") -> dict | None:
        if group not in self.only:
            self.record(name, "skipped", f"not in --only {self.args.only}")
            return None
        if needs_cuda and self.mode != "gpu":
            self.record(name, "needs CUDA", why_cpu or "runs only on the GPU machine")
            return None
        left = self.args.budget_s - self.elapsed()
        if self.mode == "gpu" and left < ESTIMATE.get(name, 60):
            self.record(name, "skipped", f"time budget: {left:.0f} s left, step needs about "
                                         f"{ESTIMATE.get(name, 60)} s")
            return None
        self.say(f"{name}: starting")
        start = time.time()
        try:
            out = fn()
        except Exception as exc:   # one broken step must not hide the others' figures
            tb = traceback.format_exc().strip().splitlines()
            self.record(name, "FAILED", f"{type(exc).__name__}: {str(exc)[:110]}",
                        {"traceback": tb[-25:], "step_s": round(time.time() - start, 1)})
            return None
        status = out.pop("status", "ok")
        brief = out.pop("brief", "")
        self.record(name, status, brief, {**out, "step_s": round(time.time() - start, 1)})
        return out


def environment() -> dict:
    import torch
    import transformers

    env = {"python": platform.python_version(), "torch": torch.__version__,
           "torch_cuda": torch.version.cuda, "transformers": transformers.__version__,
           "cuda_available": torch.cuda.is_available(), "cpus": os.cpu_count()}
    if torch.cuda.is_available():
        props = torch.cuda.get_device_properties(0)
        env.update(gpu=props.name, gpu_gib=round(props.total_memory / 2**30, 1),
                   bf16=torch.cuda.is_bf16_supported())
    for name in ("ctranslate2", "faster_whisper", "bitsandbytes", "accelerate", "skimage", "av"):
        if importlib.util.find_spec(name) is None:
            env[name] = None
            continue
        try:
            env[name] = str(getattr(__import__(name), "__version__", "present"))
        except Exception as exc:   # noqa: BLE001 - reported, not fatal
            env[name] = f"import failed: {type(exc).__name__}: {str(exc)[:120]}"
    return env


def av_stand_in(work: Path) -> str:
    """Install a stand-in for PyAV (for us and our child processes) when it is missing."""
    if importlib.util.find_spec("av") is not None:
        return "real PyAV"
    stub = work / "av-stand-in"
    (stub / "av").mkdir(parents=True, exist_ok=True)
    (stub / "av" / "__init__.py").write_text(AV_STUB)
    sys.path.append(str(stub))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (os.environ.get("PYTHONPATH", ""), str(stub)) if p)
    importlib.invalidate_caches()
    return "stand-in module (PyAV not carried; audio is passed as numpy, decoding unused)"


def whisper_steps(ck: Check, work: Path) -> None:
    if not (importlib.util.find_spec("ctranslate2") and importlib.util.find_spec("faster_whisper")):
        ck.record("whisper", "skipped", "ctranslate2 / faster-whisper not carried (.whl)")
        return
    folder, wav = work / "whisper-ct2", ROOT / "resources" / "samples" / "question.wav"
    if ck.step("whisper build", "whisper", lambda: _whisper_build(work, folder)) is None:
        return

    def probe() -> dict:
        from assistant.asr import whisper_choice as ours
        start = time.perf_counter()
        said = ours.cuda_usable()
        variant = ("loads the bundled tiny.en on cuda" if ours._has_tiny() else
                   "ctranslate2.get_cuda_device_count() > 0 only (tiny.en not installed)")
        libs = whisper.cuda_library_dirs()
        ck.results["cuda_libraries"] = libs
        return {"said_cuda": said, "probe": variant,
                "probe_s": round(time.perf_counter() - start, 1),
                "brief": f"our cuda_usable() said {said}; its probe: {variant}; libcublas "
                         f"{sorted(n for n in libs if n.startswith('libcublas.'))}"}

    said = (ck.step("whisper probe (ours)", "whisper", probe) or {}).get("said_cuda")
    for compute in ("float16", "int8_float16"):
        ck.step(f"whisper cuda {compute}", "whisper",
                lambda c=compute: _whisper_cuda(work, folder, wav, c, said), needs_cuda=True,
                why_cpu="CTranslate2 on cuda; the CPU int8 run below is the same code path")
    ck.step("whisper cpu int8", "whisper", lambda: _whisper_brief(
        whisper.run_child(folder, "cpu", "int8", wav)))


def _whisper_build(work: Path, folder: Path) -> dict:
    info = whisper.build_model(work / "whisper-hf", folder, "float16")
    info["brief"] = (f"{info['params_m']} M params, built {info['build_s']} s, converted "
                     f"{info['convert_s']} s, model.bin {info['model_bin_mb']} MB")
    return info


def _whisper_brief(res: dict) -> dict:
    if res["status"] != "ok":   # "assistant.errors.DeviceError: …" -> "DeviceError: …"
        line = re.sub(r"^(?:\w+\.)+(?=\w+(Error|Exception)\b)", "", res.get("last_line", ""))
        res["brief"] = f"{res['error']}: {line[:130]}"
        res["status"] = "FAILED"
        return res
    res["brief"] = (f"load {res['load_s']} s | RTF {res['rtf']} ({res['audio_s']} s clip, "
                    f"median {statistics.median(res['transcribe_ms']):.0f} ms) | text "
                    f"{'ok' if res['text_ok'] else 'WRONG: ' + repr(res['text'])}")
    if not res["text_ok"]:
        res["status"] = "FAILED"
    return res


def _whisper_cuda(work: Path, folder: Path, wav: Path, compute: str, said) -> dict:
    res = _whisper_brief(whisper.run_child(folder, "cuda", compute, wav))
    if res["status"] != "ok":
        env, made = whisper.shim_env(work, whisper.cuda_library_dirs())
        retry = _whisper_brief(whisper.run_child(folder, "cuda", compute, wav, env_extra=env))
        res["retry_with_pip_cuda_libs"] = {"links": made, **retry}
        res["brief"] += f" || with LD_LIBRARY_PATH+{len(made)} links: {retry['brief']}"
    if said and res["status"] != "ok":
        res["brief"] += " || our probe said CUDA was usable: WRONG"
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("gpu", "cpu"), default="gpu")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "gpu_check")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--only", default="", help=f"comma list of {', '.join(GROUPS)}")
    parser.add_argument("--budget-s", type=float, default=440.0)
    parser.add_argument("--started", type=float, default=0.0, help="epoch seconds (from the .sh)")
    parser.add_argument("--new-tokens", type=int, default=0)
    parser.add_argument("--oom-limit-gib", type=float, default=1.5)
    args = parser.parse_args(argv)
    ck = Check(args)
    gpu = args.mode == "gpu"
    work = args.work or Path(os.environ.get("GPU_CHECK_WORK", f"/tmp/gpu_check_work_{args.mode}"))
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    new_tokens = args.new_tokens or (20 if gpu else 4)
    try:
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        print(f"gpu_check: {exc}: this check needs torch and transformers (PYTHON=...)", flush=True)
        return 2
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    ck.results["av"] = av_stand_in(work)
    ck.results["environment"] = env = environment()
    ck.say(f"environment: {json.dumps(env)}; av: {ck.results['av']}")
    if gpu and not env["cuda_available"]:
        print("gpu_check: torch sees no CUDA device; use --cpu-dry-run here", flush=True)
        return 2
    size, device = ("full", "cuda") if gpu else ("tiny", "cpu")
    folder = work / f"blip2-{size}"
    vision = {"blip2", "oom", "8bit"} & ck.only
    built = None
    if vision:
        built = ck.step("blip2 build", next(iter(vision)),
                        lambda: blip2.build_and_save(folder, size, device, "bfloat16"))
    if built:
        if not gpu:
            ck.step("blip2 cpu stand-in", "blip2",
                    lambda: blip2.leg(folder, ROOT, "cpu", "float32", new_tokens))
        for dtype in ("bfloat16", "float16"):
            ck.step(f"blip2 {dtype}", "blip2",
                    lambda d=dtype: blip2.leg(folder, ROOT, "cuda", d, new_tokens),
                    needs_cuda=True, why_cpu="the same leg ran on the CPU (fp32) above")
    if "whisper" in ck.only:
        whisper_steps(ck, work)
    if built:
        ck.step("oom load", "oom", lambda: blip2.oom_leg(folder, ROOT, "load", args.mode,
                                                          args.oom_limit_gib))
        if importlib.util.find_spec("bitsandbytes") is None:
            ck.record("blip2 8-bit", "skipped", "bitsandbytes not carried")
            ck.record("oom quantize (injected)", "skipped", "bitsandbytes not carried")
        else:
            ck.step("blip2 8-bit", "8bit",
                    lambda: blip2.leg(folder, ROOT, "cuda", "bfloat16", new_tokens, "8bit"),
                    needs_cuda=True, why_cpu="bitsandbytes is present; 8-bit needs a CUDA card")
            ck.step("oom quantize (injected)", "oom",
                    lambda: blip2.oom_quantize_leg(folder, ROOT, args.mode))
        ck.step("oom generate", "oom", lambda: blip2.oom_leg(folder, ROOT, "generate", args.mode))
    for name, model in imagetext.SMALLEST.items():
        if not imagetext.present(model):
            ck.record(f"imagetext {name}", "skipped", f"{model} is not in the HF cache")
            continue
        ck.step(f"imagetext {name}", "imagetext",
                lambda m=model: imagetext.leg(m, ROOT, device, new_tokens))
    ck.save()
    failed = [name for name, status, _ in ck.rows if status == "FAILED"]
    head = (f"{env.get('gpu', 'CPU only')}, torch {env['torch']}, transformers "
            f"{env['transformers']}, ctranslate2 {env.get('ctranslate2')}")
    print(f"\n== gpu_check summary: mode {args.mode}, {head}, {ck.elapsed():.0f} s ==")
    print(f"python {env['python']}, bitsandbytes {env.get('bitsandbytes')}, av: {ck.results['av']}")
    width = max(len(name) for name, _, _ in ck.rows)
    for name, status, brief in ck.rows:
        print(f"{name:<{width}}  {status:<12}  {brief}")
    print(f"full results: {args.out / 'gpu_check.json'}; failed: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

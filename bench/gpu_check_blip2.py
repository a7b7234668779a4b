"""The BLIP-2 half of bench/gpu_check.py: build a random-weight BLIP-2 once, save it, and load
it through our real Blip2Engine at each dtype; then the out-of-memory step-down.

Everything goes through ``assistant.vision.blip2.Blip2Engine(folder, ...)``: the same
locate → Blip2Processor → from_pretrained(device_map={"": "cuda"}) → encode once → generate
path a user's real snapshot takes. ``spy()`` wraps the engine's ``_step_down`` and
``_load_model`` (calling the originals) to record what exception really reached the step-down,
which placements were tried, and how much GPU memory was still held before each load.
"""
from __future__ import annotations

import contextlib
import gc
import json
import logging
import time
from pathlib import Path
from typing import Any

Q1, Q2 = "What does this say?", "What colour is it?"
GIB = 2**30


def photos(root: Path) -> list:
    """The sample sign photo and a real scikit-image photo (a mirrored sign without skimage)."""
    from PIL import Image, ImageOps

    sign = Image.open(root / "resources" / "samples" / "sign.jpg").convert("RGB")
    try:
        from skimage import data
        other = Image.fromarray(data.coffee()).convert("RGB")
    except Exception:   # scikit-image missing: any different pixels make a new frame
        other = ImageOps.mirror(sign)
    return [sign, other]


def build_and_save(folder: Path, size: str, device: str, dtype_name: str) -> dict:
    """bench/vision.py's random BLIP-2 of the real blip2-opt-2.7b shape, saved once; reused
    when the folder already holds the same build."""
    import torch

    from bench.vision import build_blip2

    marker = folder / "gpu_check_build.json"
    wanted = {"size": size, "dtype": dtype_name}
    if marker.is_file() and json.loads(marker.read_text()).get("build") == wanted:
        return {**json.loads(marker.read_text()), "reused": True,
                "brief": f"reused {folder}"}
    start = time.perf_counter()
    processor, model, params = build_blip2(size, device, getattr(torch, dtype_name))
    built_s = time.perf_counter() - start
    start = time.perf_counter()
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    saved_s = time.perf_counter() - start
    del model
    free_gpu()
    gb = sum(f.stat().st_size for f in folder.glob("*.safetensors")) / 1e9
    info = {"build": wanted, "params_m": round(params / 1e6, 1 if params < 1e8 else None),
            "build_s": round(built_s, 1),
            "save_s": round(saved_s, 1), "weights_gb": round(gb, 2), "folder": str(folder)}
    marker.write_text(json.dumps(info))
    return {**info, "brief": f"{info['params_m']} M params, built {info['build_s']} s, "
                             f"saved {gb:.2f} GB in {info['save_s']} s"}


def free_gpu() -> None:
    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def _sync() -> None:
    import torch

    if torch.cuda.is_available() and torch.cuda.is_initialized():
        torch.cuda.synchronize()


def _timed(fn, *args, **kwargs):
    _sync()
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    _sync()
    return result, round((time.perf_counter() - start) * 1000, 1)


def short(placement) -> str:
    """'cuda bf16', 'cuda bf16 8bit', 'cpu fp32'."""
    dtype = {"bfloat16": "bf16", "float16": "fp16", "float32": "fp32"}[placement.dtype]
    quant = f" {placement.quantize}" if placement.quantize != "none" else ""
    return f"{placement.device} {dtype}{quant}"


def _answer_info(answer) -> dict:
    d = answer.details
    return {"text": answer.text[:60], "device": answer.device, "dtype": d["dtype"],
            "quantize": d["quantize"], "new_tokens": d["new_tokens"],
            "image_tokens": d["image_tokens"], "image_encoding": d["image_encoding"]}


def leg(folder: Path, root: Path, device: str, dtype: str, new_tokens: int,
        quantize: str = "none") -> dict:
    """Load through our engine; first answer, follow-up on the same picture (encoding reused),
    then the same on a second photo with everything warm; peak GPU memory."""
    import torch

    from assistant.conversation.history import Turn
    from assistant.vision.blip2 import Blip2Engine
    from assistant.vision.blip2_parts import Placement

    cuda = device == "cuda"
    events: list = []
    if cuda:
        free_gpu()
        torch.cuda.reset_peak_memory_stats()
    engine = Blip2Engine(str(folder), device=device, dtype=dtype, quantize=quantize,
                         max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                         on_event=events.append)
    out: dict[str, Any] = {}
    try:
        _, load_ms = _timed(engine.load)
        out["load_s"] = round(load_ms / 1000, 1)
        out["placement"] = short(engine.placement)
        if cuda:
            out["gpu_after_load_gib"] = round(torch.cuda.memory_allocated() / GIB, 2)
        runs = []
        for i, image in enumerate(photos(root)):
            first, first_ms = _timed(engine.answer, image, Q1)
            follow, follow_ms = _timed(engine.answer, image, Q2, (Turn(Q1, first.text),))
            runs.append({"photo": i, "first_ms": first_ms, "follow_ms": follow_ms,
                         "first": _answer_info(first), "follow": _answer_info(follow)})
        out["runs"] = runs
        out["first_cold_ms"], out["follow_cold_ms"] = runs[0]["first_ms"], runs[0]["follow_ms"]
        out["first_ms"], out["follow_ms"] = runs[-1]["first_ms"], runs[-1]["follow_ms"]
        out["reused_on_follow_up"] = all(r["follow"]["image_encoding"] == "reused" for r in runs)
        out["new_tokens"] = [r[k]["new_tokens"] for r in runs for k in ("first", "follow")]
        if cuda:
            out["peak_gpu_gib"] = round(torch.cuda.max_memory_allocated() / GIB, 2)
        out["events"] = [type(e).__name__ + (f": {e.message}" if hasattr(e, "message") else "")
                         for e in events]
    finally:
        del engine
        free_gpu()
        if cuda:
            out["gpu_left_after_free_gib"] = round(torch.cuda.memory_allocated() / GIB, 3)
    peak = f" | peak {out['peak_gpu_gib']} GiB" if "peak_gpu_gib" in out else ""
    out["brief"] = (f"load {out['load_s']} s | first {out['first_cold_ms']:.0f} ms (warm "
                    f"{out['first_ms']:.0f}) | follow-up {out['follow_ms']:.0f} ms{peak} | "
                    f"{new_tokens} tok")
    wanted = short(Placement(device, dtype if cuda else "float32", quantize))
    problems = [text for bad, text in (
        (out["placement"] != wanted, f"loaded as {out['placement']}, not {wanted}"),
        (not out["reused_on_follow_up"], "a follow-up recomputed the image encoding"),
        (any(r["first"]["image_encoding"] != "computed" for r in runs),
         "a first question reused an encoding"),
        (any(n != new_tokens for n in out["new_tokens"]), "token counts differ")) if bad]
    if problems:
        out["status"] = "FAILED"
        out["brief"] += " | " + "; ".join(problems)
    return out


class _LogTap(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        extra = f" [{type(exc).__name__}: {str(exc)[:160]}]" if exc else ""
        self.records.append(f"{record.levelname} {record.name}: {record.getMessage()}{extra}")


@contextlib.contextmanager
def spy(record: dict, simulate: str | None = None):
    """Record every step-down decision and load attempt of Blip2Engine.

    ``simulate`` (CPU dry run only) pretends the machine has a CUDA card and raises
    torch.cuda.OutOfMemoryError where a real card would, so the ladder is walked: "load" in
    from_pretrained, "generate" while answering, "quantize" loads the 8-bit rung for real with
    bitsandbytes' CPU backend (device_map cpu) so an injected error passes through transformers.
    """
    import torch

    from assistant.vision import blip2
    from assistant.vision.blip2_parts import Placement

    cls = blip2.Blip2Engine
    originals = {"_step_down": cls._step_down, "_load_model": cls._load_model,
                 "_generate": cls._generate}
    record.update(step_downs=[], loads=[], log=[])
    ooms = _allocator_ooms()
    tap = _LogTap()
    logging.getLogger("assistant").addHandler(tap)

    def step_down(self, exc):
        cause = exc.__cause__
        stepped = originals["_step_down"](self, exc)
        record["step_downs"].append({
            "error": type(exc).__name__, "code": exc.code,
            "cause": f"{type(cause).__module__}.{type(cause).__name__}" if cause else None,
            "cause_is_cuda_oom": isinstance(cause, torch.cuda.OutOfMemoryError),
            "cause_text": str(cause).splitlines()[0][:160] if cause else "", "stepped": stepped})
        return stepped

    def load_model(self, transformers, folder, placement, *args, **kwargs):
        held = ((torch.cuda.memory_allocated(), torch.cuda.memory_reserved())
                if torch.cuda.is_initialized() else (0, 0))
        record["loads"].append({   # what the failed rung still holds when the next one loads
            "placement": short(placement), "gpu_allocated_before_gib": round(held[0] / GIB, 2),
            "gpu_reserved_before_gib": round(held[1] / GIB, 2)})
        if simulate == "quantize" and placement.quantize == "8bit":
            options = {"dtype": getattr(torch, placement.dtype), "device_map": {"": "cpu"},
                       "quantization_config": transformers.BitsAndBytesConfig(load_in_8bit=True)}
            return transformers.Blip2ForConditionalGeneration.from_pretrained(
                folder, **options).eval()
        if simulate in ("load", "quantize") and placement.device == "cuda":
            raise torch.cuda.OutOfMemoryError("simulated: CUDA out of memory (dry run)")
        if simulate == "generate" and placement.device == "cuda":   # pretend: weights on CPU
            placement = Placement("cpu", "float32")
        return originals["_load_model"](self, transformers, folder, placement, *args, **kwargs)

    def generate(self, processor, model, placement, *args, **kwargs):
        if simulate == "generate" and placement.device == "cuda":
            raise torch.cuda.OutOfMemoryError("simulated: CUDA out of memory (dry run)")
        return originals["_generate"](self, processor, model, placement, *args, **kwargs)

    with contextlib.ExitStack() as stack:
        for name, fn in (("_step_down", step_down), ("_load_model", load_model),
                         ("_generate", generate)):
            setattr(cls, name, fn)
            stack.callback(setattr, cls, name, originals[name])
        if simulate:
            for name in ("is_available", "is_bf16_supported"):
                stack.callback(setattr, torch.cuda, name, getattr(torch.cuda, name))
                setattr(torch.cuda, name, lambda *a, **k: True)
        try:
            yield
        finally:
            logging.getLogger("assistant").removeHandler(tap)
            record["log"] = tap.records[-12:]
            if ooms is not None:   # out-of-memory errors PyTorch's allocator raised meanwhile
                record["allocator_ooms"] = _allocator_ooms() - ooms


def _allocator_ooms() -> int | None:
    import torch

    if not torch.cuda.is_initialized():
        return None
    return int(torch.cuda.memory_stats().get("num_ooms", 0))


def _fill_free_gpu() -> tuple[list, int]:
    """Take every byte the allocator can still hand out under the current memory fraction."""
    import torch

    fillers, size, taken = [], 256 << 20, 0
    while size >= 512 and len(fillers) < 20000:
        try:
            fillers.append(torch.empty(size, dtype=torch.uint8, device="cuda"))
            taken += size
        except torch.cuda.OutOfMemoryError:
            size //= 2
    return fillers, taken


def oom_leg(folder: Path, root: Path, where: str, mode: str, limit_gib: float = 1.5) -> dict:
    """Out of GPU memory while loading (the card is made 'small' first) or while answering
    (the bf16 model loads, then no more memory can be had): our engine must step down
    (Progress events, a log warning) and still answer, ending on CPU fp32 at worst."""
    import torch

    from assistant.vision.blip2 import Blip2Engine

    record: dict[str, Any] = {"where": where}
    events: list = []
    gpu = mode == "gpu"
    total = torch.cuda.get_device_properties(0).total_memory if gpu else 0
    fillers: list = []
    answer, ms = None, 0.0
    engine = Blip2Engine(str(folder), device="cuda", dtype="bfloat16", max_new_tokens=3,
                         min_new_tokens=3, on_event=events.append)
    try:
        with spy(record, simulate=None if gpu else where):
            if gpu:
                free_gpu()
                if where == "load":
                    torch.cuda.set_per_process_memory_fraction(limit_gib * GIB / total)
                    record["gpu_limit_gib"] = limit_gib
                else:
                    engine.load()
                    free_gpu()
                    torch.cuda.set_per_process_memory_fraction(torch.cuda.memory_reserved() / total)
                    fillers, taken = _fill_free_gpu()
                    record["slack_taken_mib"] = round(taken / 2**20, 1)
                    record["gpu_limit_gib"] = round(torch.cuda.memory_reserved() / GIB, 2)
            answer, ms = _timed(engine.answer, photos(root)[0], Q1)
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__
        record["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
        record["error_cause"] = f"{type(cause).__name__}: {str(cause)[:200]}" if cause else None
    finally:
        fillers.clear()
        if gpu:
            torch.cuda.set_per_process_memory_fraction(1.0)
        del engine
        free_gpu()
    return _ladder_report(record, events, answer, ms, "" if gpu else " (simulated OOM)")


def oom_quantize_leg(folder: Path, root: Path, mode: str) -> dict:
    """Out of GPU memory while bitsandbytes quantizes a weight, injected at the exact call
    that allocates on the card (Int8Params._quantize): transformers 5 catches errors of its
    quantize step and raises one RuntimeError at the end of from_pretrained; does our engine
    still see an out-of-memory and step down (8-bit -> 4-bit -> CPU)? In the CPU dry run the
    8-bit rung loads with bitsandbytes' CPU backend and the later CUDA rungs are simulated."""
    import bitsandbytes as bnb
    import torch

    from assistant.vision.blip2 import Blip2Engine

    record: dict[str, Any] = {"where": "8-bit quantize (injected)"}
    events: list = []
    original = bnb.nn.Int8Params._quantize
    calls = {"n": 0}

    def quantize(self, device, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            if mode == "gpu":   # a real one from PyTorch's allocator: more than the card has
                total = torch.cuda.get_device_properties(0).total_memory
                torch.empty(2 * total, dtype=torch.uint8, device="cuda")
            raise torch.cuda.OutOfMemoryError("injected by gpu_check: CUDA out of memory")
        return original(self, device, *args, **kwargs)

    engine = Blip2Engine(str(folder), device="cuda", dtype="bfloat16", quantize="8bit",
                         max_new_tokens=3, min_new_tokens=3, on_event=events.append)
    answer, ms = None, 0.0
    try:
        bnb.nn.Int8Params._quantize = quantize
        with spy(record, simulate=None if mode == "gpu" else "quantize"):
            answer, ms = _timed(engine.answer, photos(root)[0], Q1)
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__
        record["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
        record["error_cause"] = f"{type(cause).__name__}: {str(cause)[:200]}" if cause else None
    finally:
        bnb.nn.Int8Params._quantize = original
        del engine
        free_gpu()
    record["quantize_calls"] = calls["n"]
    note = " (OOM injected)" if mode == "gpu" else " (OOM injected, CUDA simulated)"
    return _ladder_report(record, events, answer, ms, note)


def _ladder_report(record: dict, events: list, answer, ms: float, note: str) -> dict:
    record["progress"] = [e.message for e in events if hasattr(e, "message")]
    tried = " -> ".join(load["placement"] for load in record["loads"])
    causes = {s["cause"] for s in record["step_downs"]}
    record["all_causes_cuda_oom"] = bool(record["step_downs"]) and all(
        s["cause_is_cuda_oom"] for s in record["step_downs"])
    if answer is None:
        record["status"] = "FAILED"
        cause = f" <- {record['error_cause'][:75]}…" if record.get("error_cause") else ""
        record["brief"] = (f"no answer{note}; tried {tried}; step-downs "
                           f"{len(record['step_downs'])}: {record['error'][:60]}…{cause}")
        return record
    record.update(answer=_answer_info(answer), answer_ms=ms)
    if not record["step_downs"]:
        record["status"] = "inconclusive"
        record["brief"] = f"no out-of-memory happened{note}; answered on {answer.device}"
        return record
    if not any(s["stepped"] for s in record["step_downs"]):
        record["status"] = "FAILED"
    record["brief"] = (f"{tried}{note}; answered on {short_answer(answer)} in {ms / 1000:.1f} s;"
                       f" cause {'/'.join(sorted(c.split('.')[-1] for c in causes if c))}, "
                       f"isinstance cuda OOM: {record['all_causes_cuda_oom']}")
    return record


def short_answer(answer) -> str:
    from assistant.vision.blip2_parts import Placement

    d = answer.details
    return short(Placement(answer.device, d["dtype"], d["quantize"]))

"""Vision-language models by short name: what each is, how big, and whether this machine runs it.

Pure data and functions (no torch, no network): ``assistant models`` lists them,
``assistant models download NAME`` fetches one, and a test can ask ``can_run`` about any
machine it describes.

Where the figures come from: ``params`` is the parameter count on the model's card on
huggingface.co and ``disk_bytes`` the sum of the repository's published ``*.safetensors``
files (the weights as stored: fp32 for the BLIP models, fp16/bf16 for the others), both
rounded to two significant figures. They are a guide for choosing; the download command asks
the hub for the real sizes before it fetches anything.

Memory per dtype is worked out from the parameter count, not measured: bytes per parameter
(fp32 4, bf16/fp16 2, 8-bit 1.1 and 4-bit 0.6, since bitsandbytes keeps the vision tower,
embeddings and norms in 16 bits) plus ``HEADROOM`` for activations, the image's tokens and the
answer's cache.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GB = 1_000_000_000
HEADROOM = 1.2
BYTES_PER_PARAM = {"fp32": 4.0, "bf16": 2.0, "fp16": 2.0, "8bit": 1.1, "4bit": 0.6}
DTYPES = tuple(BYTES_PER_PARAM)
# Above this many parameters an answer on the CPU takes tens of seconds: said in the verdict.
SLOW_ON_CPU_PARAMS = 1.0e9


@dataclass(frozen=True)
class VlmName:
    name: str            # the short name: `assistant models download smolvlm`
    repo: str            # Hugging Face repository id
    engine: str          # vision.engine that runs it: blip2, blip, llava, imagetext
    setting: str         # the vision.* setting that names the model for that engine
    params: float        # parameters (model card), rounded
    disk_bytes: int      # the repository's safetensors files as published, rounded
    note: str = ""       # licence gate, language, what it is good at

    def memory(self, dtype: str) -> int:
        """Bytes of (GPU or CPU) memory to load and run it in ``dtype``."""
        return int(self.params * BYTES_PER_PARAM[dtype] * HEADROOM)

    def to_json(self) -> dict:
        return {"name": self.name, "repo": self.repo, "engine": self.engine,
                "setting": f"vision.{self.setting}", "params": self.params,
                "disk_bytes": self.disk_bytes,
                "memory_bytes": {d: self.memory(d) for d in DTYPES}, "note": self.note}


NAMES: tuple[VlmName, ...] = (
    VlmName("smolvlm", "HuggingFaceTB/SmolVLM-256M-Instruct", "imagetext", "imagetext_model",
            2.6e8, int(0.51 * GB), "the smallest: runs on any machine, short answers"),
    VlmName("llava-onevision-0.5b", "llava-hf/llava-onevision-qwen2-0.5b-ov-hf", "imagetext",
            "imagetext_model", 8.9e8, int(1.8 * GB), "small, describes in sentences"),
    VlmName("blip", "Salesforce/blip-vqa-base", "blip", "blip_model", 3.9e8, int(1.5 * GB),
            "a word or two per answer"),
    VlmName("smolvlm-2b", "HuggingFaceTB/SmolVLM-Instruct", "imagetext", "imagetext_model",
            2.2e9, int(4.5 * GB), "reads documents well for its size"),
    VlmName("qwen2.5-vl-3b", "Qwen/Qwen2.5-VL-3B-Instruct", "imagetext", "imagetext_model",
            3.8e9, int(7.5 * GB), "reads labels and screens best of the small ones"),
    VlmName("blip2", "Salesforce/blip2-opt-2.7b", "blip2", "blip2_model", 3.7e9, 15 * GB,
            "the design's model; weights stored in fp32"),
    VlmName("gemma-3-4b", "google/gemma-3-4b-it", "imagetext", "imagetext_model", 4.3e9,
            int(8.6 * GB), "gated: accept Google's licence on its page and log in with "
            "`hf auth login` first"),
    VlmName("llava-1.5-7b", "llava-hf/llava-1.5-7b-hf", "llava", "llava_model", 7.1e9,
            14 * GB, "describes in sentences"),
    VlmName("qwen2.5-vl-7b", "Qwen/Qwen2.5-VL-7B-Instruct", "imagetext", "imagetext_model",
            8.3e9, 17 * GB, "the most accurate here; wants a GPU"),
)
BY_NAME = {n.name: n for n in NAMES}


def lookup(name_or_repo: str) -> VlmName | None:
    """A short name (any case) or a repository id of the catalogue; None for anything else."""
    key = name_or_repo.strip()
    found = BY_NAME.get(key.lower())
    if found is None:
        found = next((n for n in NAMES if n.repo.lower() == key.lower()), None)
    return found


@dataclass(frozen=True)
class Machine:
    """What can hold a model here: free GPU memory (None: no usable GPU) and free RAM."""
    ram_free: int | None
    gpu_free: int | None = None
    gpu_name: str = ""


@dataclass(frozen=True)
class Verdict:
    runs: bool
    where: str           # "gpu", "cpu" or "" (it does not fit)
    dtype: str           # the best dtype that fits there, "" when none does
    words: str

    def to_json(self) -> dict:
        return {"runs": self.runs, "where": self.where, "dtype": self.dtype, "words": self.words}


def _gb(n: float) -> str:
    return f"{n / GB:.1f} GB"


def can_run(model: VlmName, machine: Machine) -> Verdict:
    """The best way ``machine`` runs ``model`` (pure): the GPU in the widest dtype that fits,
    quantised only when 16 bits do not fit, else the CPU (fp32, else bf16), else not at all."""
    if machine.gpu_free is not None:
        for dtype in ("bf16", "8bit", "4bit"):
            if model.memory(dtype) <= machine.gpu_free:
                how = "" if dtype == "bf16" else f" quantised to {dtype} (needs bitsandbytes)"
                return Verdict(True, "gpu", dtype, f"runs on the GPU{how}: needs "
                               f"{_gb(model.memory(dtype))} of {_gb(machine.gpu_free)} free")
    if machine.ram_free is not None:
        for dtype in ("fp32", "bf16"):
            if model.memory(dtype) <= machine.ram_free:
                slow = ", slowly" if model.params > SLOW_ON_CPU_PARAMS else ""
                in_what = "" if dtype == "fp32" else " in bf16"
                return Verdict(True, "cpu", dtype, f"runs on the CPU{in_what}{slow}: needs "
                               f"{_gb(model.memory(dtype))} of {_gb(machine.ram_free)} free")
    need = model.memory("4bit" if machine.gpu_free is not None else "bf16")
    have = [f"{_gb(machine.gpu_free)} GPU" if machine.gpu_free is not None else "",
            f"{_gb(machine.ram_free)} RAM" if machine.ram_free is not None else ""]
    have_words = " and ".join(h for h in have if h) or "an unknown amount"
    return Verdict(False, "", "", f"too big for this machine: needs at least {_gb(need)}, "
                   f"{have_words} free")


def ram_free(meminfo: Path = Path("/proc/meminfo")) -> int | None:
    """MemAvailable from /proc/meminfo; None where that cannot be read."""
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _nvidia_present() -> bool:
    """An NVIDIA driver is loaded: only then is torch imported (seconds) to ask CUDA."""
    return Path("/proc/driver/nvidia/gpus").is_dir() or Path("/dev/nvidia0").exists()


def this_machine() -> Machine:
    """Free RAM, and the first CUDA GPU's free memory when there is one (torch, imported lazily)."""
    gpu_free, gpu_name = None, ""
    if _nvidia_present() and os.environ.get("CUDA_VISIBLE_DEVICES", "x") != "":
        try:
            import torch

            if torch.cuda.is_available():
                gpu_free, _total = torch.cuda.mem_get_info(0)
                gpu_name = torch.cuda.get_device_name(0)
        except Exception:  # no torch, a broken driver: the CPU's figures still stand
            gpu_free = None
    return Machine(ram_free=ram_free(), gpu_free=gpu_free, gpu_name=gpu_name)


def hf_cache_dir() -> Path:
    """The Hugging Face cache as huggingface_hub finds it (HF_HUB_CACHE, HF_HOME), without importing it."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    cache = os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(cache).expanduser() / "huggingface" / "hub"


def copy_hint(repo: str, setting: str) -> str:
    """What to do on a machine with internet and where the files go here (commands that exist)."""
    folder = f"models--{repo.replace('/', '--')}"
    return (f"on a machine with internet run `hf download {repo}`, then copy its "
            f"~/.cache/huggingface/hub/{folder} folder to {hf_cache_dir() / folder} here, "
            f"or set {setting} to a folder holding the model")


def fetch_hint(repo: str, setting: str) -> str:
    """How to get a model that is not here: the download command, or a copy from elsewhere."""
    short = next((n.name for n in NAMES if n.repo == repo), repo)
    return f"run `assistant models download {short}` (it goes online), or {copy_hint(repo, setting)}"

"""The Whisper half of bench/gpu_check.py: a random-weight Whisper of the tiny.en shape, built
offline and converted with CTranslate2, then run through our FasterWhisperTranscriber.

The bundled tiny.en (75 MB) is too big to carry to the GPU machine, so the model is built
there. Random weights would decode to the 448-token limit six times per window (every
temperature fallback fails), which says nothing about real speed. So the decoder is
*scripted*: its attention and MLP outputs are zeroed and its position embeddings point at
fixed tokens, so it always says SCRIPT ("<|0.00|> what does the sign say <|2.00|>" then end)
with full confidence, while the encoder does its full random-weight work on the real audio.
Each call therefore costs what a real short answer costs (a 30 s window plus 8 decoder
steps), and the transcript is a numerical check: fp16 / int8 that still reads SCRIPT is right.

CUDA runs happen in a child process (``--child``): CTranslate2 can abort the whole process
when cuBLAS/cuDNN are missing, which is also why our own code probes CUDA in a child.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCRIPT = "what does the sign say"
# openai/whisper-tiny.en: 39 M parameters, vocabulary 51864 (50363 text/special + 1501 times).
TINY_EN = dict(d_model=384, encoder_layers=4, decoder_layers=4, encoder_attention_heads=6,
               decoder_attention_heads=6, encoder_ffn_dim=1536, decoder_ffn_dim=1536,
               num_mel_bins=80, vocab_size=51864, max_source_positions=1500,
               max_target_positions=448)
SPECIALS = ["<|endoftext|>", "<|startoftranscript|>"] + [f"<|lang{i:02d}|>" for i in range(99)] + [
    "<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nocaptions|>",
    "<|notimestamps|>"]
EOT = 50256                       # as in tiny.en
TIMESTAMP_BEGIN = EOT + len(SPECIALS)   # 50363: <|0.00|>


def read_wav(path: Path) -> tuple[np.ndarray, float]:
    """16-bit mono WAV as float32 (no PyAV: it may be a stand-in on the GPU machine)."""
    with wave.open(str(path)) as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1 and w.getframerate() == 16000
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    audio = data.astype(np.float32) / 32768.0
    return audio, len(audio) / 16000.0


def build_tokenizer(folder: Path):
    """A byte-level BPE trained here, laid out like Whisper's: text ids, then the specials
    from <|endoftext|> = 50256 on (timestamps are added by the converter)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    corpus = [f" {SCRIPT}", " what is this", " read the label", " how many people"] * 50
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(corpus, trainers.BpeTrainer(
        vocab_size=400, show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    spec = json.loads(tok.to_str())
    vocab = spec["model"]["vocab"]
    for i in range(len(vocab), EOT):
        vocab[f"<filler{i}>"] = i
    spec["added_tokens"] = [dict(id=EOT + i, content=t, single_word=False, lstrip=False,
                                 rstrip=False, normalized=False, special=True)
                            for i, t in enumerate(SPECIALS)]
    tok = Tokenizer.from_str(json.dumps(spec))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<|endoftext|>",
                                   eos_token="<|endoftext|>", unk_token="<|endoftext|>")
    fast.save_pretrained(folder)
    return tok


def script_ids(tok) -> list[int]:
    words = tok.encode(f" {SCRIPT}", add_special_tokens=False).ids
    ids = [TIMESTAMP_BEGIN, *words, TIMESTAMP_BEGIN + 100, EOT]   # <|0.00|> … <|2.00|> end
    assert len(set(ids)) == len(ids), "scripted tokens must be distinct"
    return ids


def build_model(hf_dir: Path, ct2_dir: Path, quantization: str = "float16") -> dict:
    """Random-weight tiny.en-shaped Whisper with a scripted decoder, converted for CTranslate2."""
    import torch
    from ctranslate2.converters import TransformersConverter
    from transformers import WhisperConfig, WhisperForConditionalGeneration

    start = time.perf_counter()
    hf_dir.mkdir(parents=True, exist_ok=True)
    tok = build_tokenizer(hf_dir)
    config = WhisperConfig(**TINY_EN, pad_token_id=EOT, bos_token_id=EOT, eos_token_id=EOT,
                           decoder_start_token_id=EOT + 1, suppress_tokens=[],
                           begin_suppress_tokens=[EOT])
    torch.manual_seed(0)
    model = WhisperForConditionalGeneration(config).eval()
    ids = script_ids(tok)
    decoder = model.model.decoder
    d = config.d_model
    basis = torch.linalg.qr(torch.randn(d, len(ids)))[0].T           # orthonormal rows
    basis = (basis - basis.mean(dim=1, keepdim=True)) * d ** 0.5      # zero mean, entries ~±1
    with torch.no_grad():
        for layer in decoder.layers:   # the decoder ignores audio and history: only embeddings
            for lin in (layer.self_attn.out_proj, layer.encoder_attn.out_proj, layer.fc2):
                lin.weight.zero_()
                if lin.bias is not None:
                    lin.bias.zero_()
        for pos, token in enumerate(ids):      # input at position p → output token ids[p]
            decoder.embed_positions.weight[pos] = 4.0 * basis[pos]
            decoder.embed_tokens.weight[token] = basis[pos]
        model.proj_out.weight = decoder.embed_tokens.weight
    model.save_pretrained(hf_dir)
    built_s = time.perf_counter() - start
    start = time.perf_counter()
    converter = TransformersConverter(str(hf_dir), copy_files=["tokenizer.json"])
    converter.convert(str(ct2_dir), quantization=quantization, force=True)
    params = sum(p.numel() for p in model.parameters())
    return {"params_m": round(params / 1e6, 1), "build_s": round(built_s, 1),
            "convert_s": round(time.perf_counter() - start, 1), "folder": str(ct2_dir),
            "model_bin_mb": round((ct2_dir / "model.bin").stat().st_size / 2**20, 1)}


def child_main(folder: str, device: str, compute_type: str, wav: str, runs: int) -> None:
    """Runs in a child process; prints one line RESULT {json}."""
    from assistant.asr import whisper, whisper_choice
    from assistant.config import AsrConfig

    events: list = []
    out: dict = {"device": device, "compute_type": compute_type}
    config = AsrConfig(model=folder, device=device, compute_type=compute_type, language="en",
                       beam_size=1, cpu_threads=os.cpu_count() or 1)
    transcriber = whisper.FasterWhisperTranscriber(config, on_event=events.append)
    start = time.perf_counter()
    out["resolved_device"] = transcriber.device           # on cuda: our child-process probe
    out["probe_s"] = round(time.perf_counter() - start, 2)
    out["our_probe_said_cuda"] = {f"{folder} ({compute})": ok
                                   for (folder, compute), ok in whisper_choice._cuda_ok.items()}
    start = time.perf_counter()
    transcriber.load(language="en")
    out["load_s"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    transcriber.warm_up()
    out["warm_up_s"] = round(time.perf_counter() - start, 2)
    audio, duration = read_wav(Path(wav))
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = transcriber.transcribe(audio)
        times.append(time.perf_counter() - start)
    out.update(audio_s=round(duration, 2), transcribe_ms=[round(t * 1000, 1) for t in times],
               rtf=round(float(np.median(times)) / duration, 4), text=result.text,
               text_ok=result.text.strip().lower() == SCRIPT, reported_device=result.device,
               events=[type(e).__name__ for e in events])
    print("RESULT " + json.dumps(out), flush=True)


def run_child(folder: Path, device: str, compute_type: str, wav: Path, *, runs: int = 3,
              env_extra: dict | None = None, timeout: float = 240) -> dict:
    """One transcription run in a child process; an abort (SIGABRT) is a result, not a crash."""
    env = dict(os.environ, **(env_extra or {}))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), device,
           compute_type, str(wav), str(runs)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"status": "error", "error": f"child timed out after {timeout} s"}
    wall = round(time.perf_counter() - start, 1)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode == 0 and lines:
        return {"status": "ok", "child_wall_s": wall, **json.loads(lines[-1][7:])}
    why = (f"killed by signal {-proc.returncode} (abort: the #516 crash)" if proc.returncode < 0
           else f"exit {proc.returncode}")
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-12:]
    return {"status": "error", "error": why, "child_wall_s": wall, "stderr_tail": tail,
            "last_line": tail[-1] if tail else ""}


def cuda_library_dirs() -> dict:
    """Where cuBLAS/cuDNN live on this machine (pip's nvidia-* packages, /usr/local/cuda)."""
    import glob
    import site

    roots = [*site.getsitepackages(), *sys.path, "/usr/local/cuda/lib64",
             "/usr/lib/x86_64-linux-gnu", "/usr/local/nvidia/lib64"]
    found: dict[str, list[str]] = {}
    for root in dict.fromkeys(roots):
        for pattern in ("libcublas.so.*", "libcublasLt.so.*", "libcudnn.so.*", "libcudart.so.*"):
            paths = glob.glob(f"{root}/{pattern}") + glob.glob(f"{root}/nvidia/*/lib/{pattern}")
            for path in paths:
                found.setdefault(Path(path).name, []).append(path)
    return {name: sorted(set(paths)) for name, paths in sorted(found.items())}


def shim_env(work: Path, libs: dict) -> tuple[dict, list[str]]:
    """LD_LIBRARY_PATH with the pip CUDA libraries, plus cuBLAS 13 under the names
    CTranslate2 4.x dlopens (libcublas.so.12): an experiment, not a fix to ship."""
    shim = work / "cu12-shim"
    shim.mkdir(parents=True, exist_ok=True)
    made = []
    for new, old in (("libcublas.so.12", "libcublas.so.13"),
                     ("libcublasLt.so.12", "libcublasLt.so.13")):
        if new not in libs and old in libs:
            link = shim / new
            link.unlink(missing_ok=True)
            link.symlink_to(libs[old][0])
            made.append(f"{new} -> {libs[old][0]}")
    dirs = [str(shim)] + sorted({str(Path(p).parent) for paths in libs.values() for p in paths})
    path = ":".join(dirs + [os.environ.get("LD_LIBRARY_PATH", "")]).rstrip(":")
    return {"LD_LIBRARY_PATH": path}, made


if __name__ == "__main__" and len(sys.argv) == 7 and sys.argv[1] == "--child":
    child_main(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))

"""The short names: figures, the can-run verdict for machines described here, and the listing."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.models.vlm_names import (BY_NAME, BYTES_PER_PARAM, GB, HEADROOM, NAMES, Machine,
                                        can_run, fetch_hint, lookup, ram_free)

ASKED = {"blip2": "Salesforce/blip2-opt-2.7b", "blip": "Salesforce/blip-vqa-base",
         "llava-1.5-7b": "llava-hf/llava-1.5-7b-hf",
         "smolvlm": "HuggingFaceTB/SmolVLM-256M-Instruct",
         "smolvlm-2b": "HuggingFaceTB/SmolVLM-Instruct",
         "qwen2.5-vl-3b": "Qwen/Qwen2.5-VL-3B-Instruct", "qwen2.5-vl-7b": "Qwen/Qwen2.5-VL-7B-Instruct",
         "llava-onevision-0.5b": "llava-hf/llava-onevision-qwen2-0.5b-ov-hf",
         "gemma-3-4b": "google/gemma-3-4b-it"}


def test_every_name_asked_for_is_there_with_its_engine_and_setting():
    assert {n: BY_NAME[n].repo for n in ASKED} == ASKED
    for n in NAMES:
        assert (n.engine, n.setting) in {("blip2", "blip2_model"), ("blip", "blip_model"),
                                         ("llava", "llava_model"), ("imagetext", "imagetext_model")}
        # The weights as published are 16 or 32 bits a parameter (rounding aside).
        assert 1.6 <= n.disk_bytes / n.params <= 4.4, n.name
    assert lookup("SmolVLM") is BY_NAME["smolvlm"] and lookup("google/gemma-3-4b-it").name == "gemma-3-4b"
    assert lookup("nobody/nothing") is None


def test_memory_follows_the_parameters_in_each_dtype():
    qwen = BY_NAME["qwen2.5-vl-7b"]
    assert qwen.memory("fp32") == int(qwen.params * 4 * HEADROOM)
    assert qwen.memory("fp32") > qwen.memory("bf16") == qwen.memory("fp16") > qwen.memory("8bit") > qwen.memory("4bit")
    assert set(qwen.to_json()["memory_bytes"]) == set(BYTES_PER_PARAM)


@pytest.mark.parametrize("name, machine, where, dtype", [
    ("qwen2.5-vl-7b", Machine(ram_free=64 * GB, gpu_free=24 * GB), "gpu", "bf16"),
    ("qwen2.5-vl-7b", Machine(ram_free=64 * GB, gpu_free=8 * GB), "gpu", "4bit"),
    ("qwen2.5-vl-7b", Machine(ram_free=64 * GB, gpu_free=12 * GB), "gpu", "8bit"),
    ("qwen2.5-vl-7b", Machine(ram_free=32 * GB), "cpu", "bf16"),
    ("smolvlm", Machine(ram_free=4 * GB), "cpu", "fp32"),
    ("smolvlm", Machine(ram_free=4 * GB, gpu_free=2 * GB), "gpu", "bf16"),
    ("llava-1.5-7b", Machine(ram_free=40 * GB, gpu_free=1 * GB), "cpu", "fp32"),
])
def test_the_verdict_picks_the_widest_dtype_that_fits(name, machine, where, dtype):
    verdict = can_run(BY_NAME[name], machine)
    assert (verdict.runs, verdict.where, verdict.dtype) == (True, where, dtype)
    free = machine.gpu_free if where == "gpu" else machine.ram_free
    assert BY_NAME[name].memory(dtype) <= free
    assert ("slowly" in verdict.words) == (where == "cpu" and BY_NAME[name].params > 1e9)


def test_too_big_says_what_it_needs_and_what_there_is():
    verdict = can_run(BY_NAME["qwen2.5-vl-7b"], Machine(ram_free=8 * GB))
    assert not verdict.runs and verdict.where == ""
    assert "needs at least 19.9 GB" in verdict.words and "8.0 GB RAM free" in verdict.words
    unknown = can_run(BY_NAME["smolvlm"], Machine(ram_free=None))
    assert not unknown.runs and "unknown amount" in unknown.words


def test_ram_free_reads_meminfo(tmp_path):
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal: 100 kB\nMemAvailable:    2048 kB\n")
    assert ram_free(meminfo) == 2048 * 1024
    assert ram_free(tmp_path / "absent") is None


def test_the_hint_names_commands_that_exist():
    hint = fetch_hint("HuggingFaceTB/SmolVLM-256M-Instruct", "vision.imagetext_model")
    assert "`assistant models download smolvlm`" in hint
    assert "`hf download HuggingFaceTB/SmolVLM-256M-Instruct`" in hint
    assert "huggingface-cli" not in hint


def test_assistant_models_lists_the_short_names_with_sizes_and_verdicts(tmp_path):
    env = {**os.environ, "ASSISTANT_HOME": str(tmp_path), "HF_HOME": str(tmp_path / "hf")}
    run = subprocess.run([sys.executable, "-m", "assistant", "models", "--json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    rows = {r["name"]: r for r in out["vision_models"]}
    assert set(rows) == set(ASKED)
    assert all(not r["present"] and r["verdict"]["words"] for r in rows.values())
    assert rows["smolvlm"]["disk_bytes"] == BY_NAME["smolvlm"].disk_bytes
    assert {"whisper-tiny.en", "blip2", "rapidocr"} <= {m["key"] for m in out["models"]}
    table = subprocess.run([sys.executable, "-m", "assistant", "models"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert table.returncode == 0, table.stderr
    line = next(ln for ln in table.stdout.splitlines() if ln.startswith("qwen2.5-vl-3b "))
    assert "3.8B" in line and "7.5 GB" in line and "needs" in line
    assert "huggingface-cli" not in table.stdout

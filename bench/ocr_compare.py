"""RapidOCR against tesseract on the photo set's text photos; run
``python bench/ocr_compare.py [tune|holdout|all] [--verbose]``.

For each usable screen, medicine, food, letter, receipt, menu, sign and TV photo of
``tests/photoset``: the share of the description's content words (and of each fact's
first wording) that each engine's raw text contains, and the median time, in one run.
tesseract (Debian ``tesseract-ocr`` + ``tesseract-ocr-eng``) is run as a command with
page segmentation 3 (automatic) and 11 (sparse text); it is skipped when not installed.
Measured 2026-11-30 on the tune split: RapidOCR 0.50, tesseract 0.22 / 0.27 (psm 3 / 11);
holdout 0.50 against 0.37 / 0.34. RapidOCR read more in every kind but menus (a tie), so
the assistant keeps one OCR engine.
"""
from __future__ import annotations

import io
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
TEXT_KINDS = ("screen", "medicine", "food", "letter", "receipt", "menu", "sign", "tv")


def tesseract(image, psm: int) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    out = subprocess.run(["tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng"],
                         input=buffer.getvalue(), capture_output=True, timeout=120)
    return out.stdout.decode("utf8", "replace")


def main(argv: list[str]) -> int:
    split = next((a for a in argv if a in ("tune", "holdout", "all")), "tune")
    verbose = "--verbose" in argv
    from photoset import score
    from photoset.build import build_all
    from photoset.cases import all_cases

    from assistant.vision.image import load_image
    from assistant.vision.ocr import read_text

    engines = {"rapidocr": lambda im: read_text(im).text}
    if shutil.which("tesseract"):
        engines["tesseract psm 3"] = lambda im: tesseract(im, 3)
        engines["tesseract psm 11"] = lambda im: tesseract(im, 11)
    else:
        print("tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng")
    paths = build_all(split=split)
    shares: dict[str, list[float]] = {name: [] for name in engines}
    seconds: dict[str, list[float]] = {name: [] for name in engines}
    for case in all_cases(split):
        if case.kind not in TEXT_KINDS or not case.usable:
            continue
        image = load_image(paths[case.id])
        target = score.content_words(case.description) | {
            w for group in case.facts for w in score.content_words(group[0])}
        for name, read in engines.items():
            start = time.perf_counter()
            text = read(image)
            seconds[name].append(time.perf_counter() - start)
            got = score.content_words(text)
            shares[name].append(len(target & got) / max(1, len(target)))
            if verbose:
                print(f"{case.id:28s} {name:17s} {shares[name][-1]:.2f}  "
                      f"{' | '.join(text.split(chr(10)))[:120]}")
    for name in engines:
        print(f"{name:17s} words read {statistics.mean(shares[name]):.3f}   "
              f"median {statistics.median(seconds[name]):.2f} s   ({len(shares[name])} photos)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

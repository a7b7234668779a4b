"""More tuning photos from the tune split only: each tune case rebuilt with other seeds.

The holdout split stays unseen while tuning; this widens the tune split so a change is
judged on more than one draw of noise, blur, tilt and framing per case. Run
``python bench/eyes_variants.py [--seeds 3] [--verbose]``: the same scores as
``bench/eyes.py`` over ``seeds`` extra draws of every tune case.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def variant(recipe, seed: int):
    from PIL import Image

    from photoset.build import JPEG_QUALITY
    from photoset.degrade import handheld

    img = recipe.build(seed).convert("RGB")
    if recipe.case.usable:
        img = handheld(img, seed)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=JPEG_QUALITY)
    with Image.open(io.BytesIO(buffer.getvalue())) as out:
        return out.convert("RGB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    from photoset import score
    from photoset.cases import recipes

    from assistant.vision.embedded import EmbeddedEngine
    from assistant.vision.image import usable_image

    engine = EmbeddedEngine(announce_missing_model=False)
    engine.load()
    rows = []
    for recipe in recipes().values():
        case = recipe.case
        if case.split != "tune":
            continue
        for k in range(1, args.seeds + 1):
            image = usable_image(variant(recipe, case.seed + 7919 * k))
            start = time.perf_counter()
            answer = engine.answer(image, case.question).text
            ms = (time.perf_counter() - start) * 1000
            missing = score.check_facts(answer, case) if case.usable else []
            rows.append((case, k, score.recall(case.description, answer),
                         score.says_cant_tell(answer), missing, ms, answer))
            if args.verbose:
                flag = "FLAGGED" if rows[-1][3] else ""
                print(f"{case.id}#{k} {'usable' if case.usable else 'UNUSABLE'} {flag} "
                      f"recall {rows[-1][2]:.2f} missing {missing or '-'}\n  {answer}")
    usable = [r for r in rows if r[0].usable]
    unusable = [r for r in rows if not r[0].usable]
    print(f"variants {len(rows)}: recall {statistics.mean(r[2] for r in rows):.3f}, "
          f"wrongly unusable {sum(r[3] for r in usable)}/{len(usable)}, "
          f"caught {sum(r[3] for r in unusable)}/{len(unusable)}, "
          f"facts {sum(not r[4] for r in usable)}/{len(usable)}, "
          f"median {statistics.median(r[5] for r in rows):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

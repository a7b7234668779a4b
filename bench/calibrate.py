"""The measurements the offline eyes' calibration separates, on both fitting sets.

    python bench/calibrate.py [--real ../shared/data/real-photos] [--json out.json]

For every photo of the project's photo set (tune split only: the holdout split is never
read when rules are written) and every real photo taken by blind people, one row: usable
or not, short side, sharpness, brightness, shadow and glare shares, the largest colour
that is not shadow or glare, the kinds' signals, and what the engine answers. Then, for
each threshold of ``assistant/vision/calibration.py``, the values on each side of it, so
its line in ``PROVENANCE`` can be checked and rewritten.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def photos(real: Path) -> list[tuple[str, str, bool, Path]]:
    """(set, id, usable, path) for the tune split and the real photos."""
    from photoset.build import build_all
    from photoset.cases import all_cases

    paths = build_all(split="tune")
    rows = [("photoset", c.id, c.usable, paths[c.id]) for c in all_cases("tune")]
    captions = real / "captions.jsonl"
    if captions.exists():
        for line in captions.read_text().splitlines():
            r = json.loads(line)
            rows.append(("real", r["image"], r["human"] != "unanswerable",
                         real / "images" / r["image"]))
    return rows


def measure(engine, path: Path) -> dict:
    from assistant.vision.colours import seen_colours, seen_share
    from assistant.vision.image import load_image
    from assistant.vision.kinds import label_signals, kinds_seen

    image = load_image(path)
    answer = engine.answer(image, "What is in front of me?")
    facts = engine.measure(image)
    q, light = facts.quality, facts.light
    share = seen_share(facts)
    name = '+'.join(n for n, _ in seen_colours(facts)[:2])
    return {"side": min(facts.size), "sharp": round(q.sharpness, 1) if q else None,
            "bright": round(light.brightness, 2), "shadow": round(light.shadow_share, 2),
            "glare": round(light.highlight_share, 2), "coarse": round(q.coarse, 1) if q else None,
            "colour": f"{name} {share:.2f}",
            "colour_share": round(share, 3),
            "labels": {k: round(v, 2) for k, v in label_signals(facts.labels or ()).items()},
            "objects": [(o.kind, round(o.score, 2)) for o in facts.objects or ()],
            "kinds": [k.to_dict() for k in kinds_seen(facts)],
            "answer": answer.text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared/data/real-photos")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.vision.embedded import EmbeddedEngine

    engine = EmbeddedEngine(announce_missing_model=False)
    rows = []
    for group, pid, usable, path in photos(args.real):
        row = {"set": group, "id": pid, "usable": usable, **measure(engine, path)}
        rows.append(row)
        print(f"{group:8} {'ok ' if usable else 'BAD'} {pid[:34]:34} side {row['side']:4} "
              f"sharp {row['sharp']:6} bright {row['bright']:.2f} shadow {row['shadow']:.2f} "
              f"glare {row['glare']:.2f} coarse {row['coarse']} colour {row['colour']:18} "
              f"kinds {[k['kind'] for k in row['kinds']]} labels {row['labels']}")
        print(f"         -> {row['answer']}")
    print()
    for field in ("colour_share", "glare", "shadow", "sharp", "coarse", "bright"):
        for usable in (True, False):
            values = sorted(r[field] for r in rows if r["usable"] == usable
                            and r[field] is not None and not r["kinds"])
            print(f"{field:13} {'usable' if usable else 'unusable':8} (no kind found): {values}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How much the offline eyes help on handheld photos; run ``python bench/eyes.py``.

Options: ``--split tune|holdout|all`` (default all), ``--verbose`` (one block per photo),
``--json out.json``, ``--code PATH`` (score another checkout, e.g. a ``git worktree`` of
an older commit, for before/after figures; the photo set always comes from this
checkout's ``tests/photoset``).

For each photo of ``tests/photoset`` it times ``EmbeddedEngine().answer(image, question)``
in a warm process and scores the answer against the human description:

- content recall: the share of the description's content words found in the answer;
- wrongly called unusable: usable photos answered "I can't tell what..." (the engine's
  give-up phrase);
- caught unusable: unusable photos answered that way;
- facts: usable photos whose answer holds every fact group;
- time per photo: mean, median and 90th percentile of the answer call.

The engine's fixed "install a vision model" note is removed before scoring.

Then the real photos taken by blind people (``--real``, default
``../shared/data/real-photos``), answered by the same warm engine and scored the way
their ``score.py`` scores them: recall of the human caption's content words, usable
photos refused, unusable ones caught, and the median time per photo.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = (("What is in front of me?", "hubble_deep_field"), ("What does this say?", "page"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "holdout", "all"), default="all")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="checkout whose assistant package is measured (default: this one)")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared/data/real-photos",
                        help="folder of real photos with captions.jsonl and score.py")
    args = parser.parse_args(argv)
    code = args.code.resolve()
    # The measured code goes first; the photo set always comes from this checkout.
    sys.path[:0] = [str(code), str(ROOT / "tests")]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    from photoset.build import build_all
    from photoset.cases import all_cases

    start = time.perf_counter()
    paths = build_all(split=args.split)
    build_s = time.perf_counter() - start
    engine, prepare, where = _engine()
    if not where.startswith(str(code)):
        print(f"warning: measuring {where}, not {code}", file=sys.stderr)
    _warm_up(engine, prepare)
    rows = [_run_case(engine, prepare, case, paths[case.id]) for case in all_cases(args.split)]
    if args.verbose:
        for row in rows:
            _print_row(row)
    report = {"code": str(code), "commit": _commit(code), "assistant_module": where,
              "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus",
              "python": platform.python_version(), "photoset_build_s": round(build_s, 1),
              "summary": {}, "cases": rows}
    splits = ("tune", "holdout", "all") if args.split == "all" else (args.split,)
    for split in splits:
        chosen = [r for r in rows if split == "all" or r["split"] == split]
        report["summary"][split] = summarise(chosen)
    _print_summary(report, splits, rows)
    report["real"] = _real_photos(engine, prepare, args.real, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


def _engine():
    from PIL import Image

    from assistant.vision import embedded
    from assistant.vision.embedded import EmbeddedEngine
    try:
        from assistant.vision.image import usable_image
    except ImportError:  # an old checkout: hand the picture over as it is
        def usable_image(img: Image.Image) -> Image.Image:
            return img.convert("RGB")
    return EmbeddedEngine(), usable_image, embedded.__file__


def _warm_up(engine, prepare) -> None:
    """Load every model on photos outside the set, so no case pays for loading."""
    from photoset.sources import photo

    for question, name in WARM_UP:
        engine.answer(prepare(photo(name)), question)


def _run_case(engine, prepare, case, path: Path) -> dict:
    from PIL import Image

    from photoset.score import check_facts, recall, says_cant_tell, strip_note

    with Image.open(path) as img:
        image = prepare(img)
    error = ""
    start = time.perf_counter()
    try:
        answer = engine.answer(image, case.question)
        text, details = answer.text, answer.details
    except Exception as exc:  # noqa: BLE001 - a crash on one photo is a result too
        text, details, error = "", {}, f"{type(exc).__name__}: {exc}"
    elapsed_ms = (time.perf_counter() - start) * 1000
    body = strip_note(text)
    return {"id": case.id, "split": case.split, "kind": case.kind, "usable": case.usable,
            "question": case.question, "description": case.description,
            "answer": body, "error": error, "ms": round(elapsed_ms, 1),
            "recall": round(recall(case.description, body), 3),
            "flagged": says_cant_tell(body),
            "missing_facts": [list(g) for g in check_facts(body, case)],
            "intent": details.get("intent", ""), "labeller": details.get("labeller", "")}


def summarise(rows: list[dict]) -> dict:
    """The headline figures for a list of scored cases."""
    import numpy as np

    usable = [r for r in rows if r["usable"]]
    unusable = [r for r in rows if not r["usable"]]
    times = np.array([r["ms"] for r in rows]) if rows else np.zeros(1)

    def mean(values):
        return round(float(np.mean(values)), 3) if values else 0.0
    return {
        "cases": len(rows), "usable": len(usable), "unusable": len(unusable),
        "recall_all": mean([r["recall"] for r in rows]),
        "recall_usable": mean([r["recall"] for r in usable]),
        "recall_unusable": mean([r["recall"] for r in unusable]),
        "wrongly_unusable": sum(r["flagged"] for r in usable),
        "caught_unusable": sum(r["flagged"] for r in unusable),
        "facts_complete": sum(not r["missing_facts"] for r in usable),
        "errors": sum(bool(r["error"]) for r in rows),
        "ms_mean": round(float(times.mean()), 1), "ms_median": round(float(np.median(times)), 1),
        "ms_p90": round(float(np.percentile(times, 90)), 1),
    }


def _print_row(row: dict) -> None:
    flags = ("usable" if row["usable"] else "UNUSABLE") + (" flagged" if row["flagged"] else "")
    missing = "; ".join("/".join(g) for g in row["missing_facts"]) or "-"
    print(f"{row['id']} [{row['split']}, {flags}] recall {row['recall']:.2f}  "
          f"{row['ms']:.0f} ms  missing: {missing}")
    print(f"  Q: {row['question']}")
    print(f"  A: {row['answer'] or row['error']}")


def _print_summary(report: dict, splits, rows) -> None:
    print(f"\ncode {report['code']} ({report['commit']}); {report['machine']}; "
          f"photo set built in {report['photoset_build_s']} s")
    labellers = sorted({r["labeller"] for r in rows if r["labeller"]})
    if labellers:
        print(f"labeller: {', '.join(labellers)}")
    kinds = sorted({r["kind"] for r in rows})
    print("\nper kind (all splits): kind, cases, mean recall, facts complete / usable")
    for kind in kinds:
        chosen = [r for r in rows if r["kind"] == kind]
        usable = [r for r in chosen if r["usable"]]
        mean = sum(r["recall"] for r in chosen) / len(chosen)
        facts = sum(not r["missing_facts"] for r in usable)
        print(f"  {kind:<9} {len(chosen):>3}  {mean:.2f}  {facts}/{len(usable)}")
    header = (f"\n{'split':<8}{'cases':>6}{'recall':>8}{'usable':>8}{'unusbl':>8}"
              f"{'wrong-unusable':>16}{'caught':>9}{'facts':>9}{'mean ms':>9}{'median':>8}"
              f"{'p90':>8}")
    print(header)
    for split in splits:
        s = report["summary"][split]
        print(f"{split:<8}{s['cases']:>6}{s['recall_all']:>8.3f}{s['recall_usable']:>8.3f}"
              f"{s['recall_unusable']:>8.3f}{s['wrongly_unusable']:>10} / {s['usable']:<3}"
              f"{s['caught_unusable']:>4} / {s['unusable']:<2}{s['facts_complete']:>4} / "
              f"{s['usable']:<3}{s['ms_mean']:>8.0f}{s['ms_median']:>8.0f}{s['ms_p90']:>8.0f}")
        if s["errors"]:
            print(f"         {s['errors']} photos raised an error")


def _real_photos(engine, prepare, folder: Path, verbose: bool) -> dict:
    """The real photos, scored by their own score.py, in this warm process."""
    import importlib.util
    import statistics

    from PIL import Image

    from photoset.score import strip_note

    if not (folder / "score.py").exists():
        print(f"\nreal photos: {folder} not found, skipped")
        return {}
    spec = importlib.util.spec_from_file_location("real_score", folder / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)   # type: ignore[union-attr]
    rows = [json.loads(line) for line in (folder / "captions.jsonl").read_text().splitlines()]
    answers, times = [], []
    for row in rows:
        with Image.open(folder / "images" / row["image"]) as img:
            image = prepare(img)
        start = time.perf_counter()
        answers.append(strip_note(engine.answer(image, "What is in front of me?").text))
        times.append((time.perf_counter() - start) * 1000)
        if verbose:
            print(f"{row['image']}: {answers[-1]}\n    human: {row['human']}")
    result = scorer.score(rows, answers)
    result["ms_median"] = round(statistics.median(times), 1)
    result["ms_p90"] = round(sorted(times)[int(0.9 * (len(times) - 1))], 1)
    print(f"\nreal photos ({len(rows)}, {folder}): recall {result['recall']}, usable refused "
          f"{result['refusals']}, unusable caught {result['caught']}, median "
          f"{result['ms_median']:.0f} ms, p90 {result['ms_p90']:.0f} ms per photo")
    return result


def _commit(code: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(code), "log", "-1", "--format=%h %s"],
                              capture_output=True, text=True, timeout=10).stdout.strip()[:60]
    except (OSError, subprocess.SubprocessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())

"""python -m tests.acceptance [--packs A,B] [--lang en|es] [--keep DIR] [--render DIR] [--show N]

Exports every acceptance pack (tests/acceptance/packs/ and the whole catalog) in English and Spanish
to the deck, the workbook, the handout on Letter and A4 and the bundle, reads each back and prints the
counts per pack and in total (tests/acceptance/check.py says what each counter counts). Exit 1 when
any count is above zero. --render DIR also renders every output through LibreOffice and pdftoppm to one
PNG contact sheet per pack and language, for a person to look at.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tests.acceptance.check import COUNTERS, check_pack, load_packs

SHORT = {"handout_pages": "pages", "process_words": "process", "english_on_spanish": "english",
         "periods": "period", "small_text": "small", "overflow": "overflow", "missing_in_cache": "cache",
         "properties": "props", "manifest": "manifest"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.acceptance", description=__doc__.split("\n\n")[1])
    ap.add_argument("--packs", help="comma-separated pack names (default: all)")
    ap.add_argument("--lang", choices=("en", "es"), help="one language (default: both)")
    ap.add_argument("--keep", type=Path, help="write the exports into this folder and keep them")
    ap.add_argument("--render", type=Path, help="also render PNG contact sheets into this folder")
    ap.add_argument("--show", type=int, default=5, help="findings to print per pack and counter (default 5)")
    args = ap.parse_args(argv)
    names = set(args.packs.split(",")) if args.packs else None
    packs = load_packs(names)
    if names and names - set(packs):
        print(f"no such pack: {', '.join(sorted(names - set(packs)))}; known: {', '.join(sorted(load_packs()))}",
              file=sys.stderr)
        return 2
    langs = (args.lang,) if args.lang else ("en", "es")
    if args.render:
        from tests.acceptance.render import have_renderer

        ok, why = have_renderer()
        if not ok:
            print(f"--render: {why}", file=sys.stderr)
            return 2
    tmp = tempfile.TemporaryDirectory(prefix="nap-acceptance-")
    root = args.keep or Path(tmp.name)
    head = f"{'pack':22} {'lang':4} {'slides':>6} {'pages L/A4':>10} " + " ".join(f"{SHORT[c]:>8}" for c in COUNTERS)
    print(head + "   sources official/report/secondary")
    totals = {c: 0 for c in COUNTERS}
    details: list[str] = []
    started = time.perf_counter()
    for name, (pack, catalog) in packs.items():
        for lang in langs:
            result, out = check_pack(name, pack, catalog, lang, root / f"{name}-{lang}")
            counts = {c: result.count(c) for c in COUNTERS}
            for c, n in counts.items():
                totals[c] += n
            st = result.statuses
            pages = f"{result.pages.get('letter', 0)}/{result.pages.get('a4', 0)}"
            print(f"{name:22} {lang:4} {result.slides:6} {pages:>10} " + " ".join(f"{counts[c]:8}" for c in COUNTERS)
                  + f"   {st.get('official', 0)}/{st.get('report', 0)}/{st.get('secondary', 0)}", flush=True)
            for c in COUNTERS:
                found = [f for f in result.findings if f[0] == c]
                for _, where, what in found[: args.show]:
                    details.append(f"{name} {lang} {c}: {where}: {what}")
                if len(found) > args.show:
                    details.append(f"{name} {lang} {c}: … and {len(found) - args.show} more")
            if args.render:
                from tests.acceptance.render import render_contact_sheet

                sheet = render_contact_sheet([out.deck, out.book, out.handouts["letter"], out.handouts["a4"]],
                                             args.render / f"{name}-{lang}.png", title=f"{name} ({lang}): {pack.title}")
                print(f"  contact sheet: {sheet}", flush=True)
    print(f"{'total':22} {'':4} {'':6} {'':>10} " + " ".join(f"{totals[c]:8}" for c in COUNTERS))
    print(f"({len(packs)} packs x {len(langs)} languages in {time.perf_counter() - started:.0f} s)")
    if details:
        print("\n" + "\n".join(details))
    tmp.cleanup()
    return 1 if any(totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

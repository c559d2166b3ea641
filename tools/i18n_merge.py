"""Bring a .po in line with the .pot: keep its translations, add new strings, drop gone ones.

usage: i18n_merge.py TEMPLATE.pot TARGET.po [EXTRA.po ...]
Translations found in EXTRA files fill strings the target does not translate yet; the
first EXTRA file wins over later ones (pass your own terms before Odoo's generic catalogs).
"""

import sys

import polib


def main(pot_path, po_path, *extra_paths):
    pot = polib.pofile(pot_path)
    known = {}
    for path in (*reversed(extra_paths), po_path):  # later wins: the target, then the first extra
        try:
            source = polib.pofile(path)
        except OSError:
            continue
        known.update({(e.msgctxt, e.msgid): e.msgstr for e in source if e.msgstr and not e.obsolete})
        known.update({(None, e.msgid): e.msgstr for e in source if e.msgstr and not e.obsolete})
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({"Language": "zh_CN", "Plural-Forms": "nplurals=1; plural=0;"})
    missing = []
    for entry in pot:
        msgstr = known.get((entry.msgctxt, entry.msgid)) or known.get((None, entry.msgid), "")
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=msgstr,
                msgctxt=entry.msgctxt,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
            )
        )
        if not msgstr:
            missing.append(entry.msgid)
    po.save(po_path)
    print(f"{po_path}: {len(pot) - len(missing)} of {len(pot)} strings translated")
    for msgid in missing:
        print(f"  untranslated: {msgid!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])

#!/usr/bin/python3
"""Structural PDF/UA-1 checker: the conditions of ISO 14289-1 a machine can verify.

Usage: pdfua_check.py FILE.pdf [FILE.pdf ...]
Prints one line per problem and exits 1 if any file has a problem, 0 otherwise.

Checks:
  catalog     /MarkInfo /Marked true, /Lang, /ViewerPreferences /DisplayDocTitle true,
              XMP metadata with pdfuaid:part 1 and a dc:title, /StructTreeRoot
  structure   every element type standard (or role-mapped to one); Figure has /Alt;
              Link has an OBJR; TH has /Scope; headings never skip a level going down;
              every /Lang a well-formed language tag (BCP 47)
  tables      a table that continues on another page has header cells (TH) on every
              page its data cells (TD) are on, so each page's part has its headers
  content     every text and painting operator inside marked content that is either an
              /Artifact or carries an MCID; no marked-content sequence with an MCID is
              empty (a tagged sequence with nothing drawn in it); every MCID found in the ParentTree and owned
              by the element that references it; every MCR in the tree present on its page
  annotations each has /StructParent mapping to an element with an OBJR to it; Link
              annotations have /Contents; pages with annotations have /Tabs /S
  fonts       every font embedded (FontFile, FontFile2 or FontFile3)

Needs python3-pikepdf (Debian); run with /usr/bin/python3.
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}
TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI"}
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def number_tree(node, out):
    """Flattens a number tree into {key: value}."""
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    if "/Kids" in node:
        for kid in node.Kids:
            number_tree(kid, out)
    return out


def as_list(obj):
    if obj is None:
        return []
    if isinstance(obj, pikepdf.Array):
        return list(obj)
    return [obj]


def key(obj):
    return obj.objgen if obj.is_indirect else id(obj)


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def fail(self, msg):
        self.problems.append(msg)

    def run(self):
        try:
            pdf = pikepdf.open(self.path)
        except Exception as e:  # noqa: BLE001 - any open failure is a problem
            self.fail(f"cannot open: {e}")
            return self.problems
        with pdf:
            self.pdf = pdf
            self.catalog(pdf.Root)
            if "/StructTreeRoot" not in pdf.Root:
                self.fail("not tagged: no /StructTreeRoot")
                return self.problems
            self.structure(pdf.Root.StructTreeRoot)
            self.pages(pdf)
            self.fonts(pdf)
        return self.problems

    # ---------------------------------------------------------------- catalog
    def catalog(self, root):
        mi = root.get("/MarkInfo")
        if mi is None or not bool(mi.get("/Marked", False)):
            self.fail("catalog: /MarkInfo /Marked is not true")
        if not str(root.get("/Lang", "")).strip():
            self.fail("catalog: no /Lang")
        vp = root.get("/ViewerPreferences")
        if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
            self.fail("catalog: /ViewerPreferences /DisplayDocTitle is not true")
        if "/Metadata" not in root:
            self.fail("catalog: no XMP /Metadata")
            return
        try:
            xml = ET.fromstring(root.Metadata.read_bytes())
        except ET.ParseError as e:
            self.fail(f"XMP: not well-formed ({e})")
            return
        parts = [e.text for e in xml.iter(f"{{{NS['pdfuaid']}}}part")]
        parts += [v for e in xml.iter(f"{{{NS['rdf']}}}Description")
                  for k, v in e.attrib.items() if k == f"{{{NS['pdfuaid']}}}part"]
        if [p.strip() for p in parts if p] != ["1"]:
            self.fail(f"XMP: pdfuaid:part is {parts or 'missing'}, expected 1")
        titles = [li.text for t in xml.iter(f"{{{NS['dc']}}}title") for li in t.iter(f"{{{NS['rdf']}}}li")]
        if not any(t and t.strip() for t in titles):
            self.fail("XMP: no dc:title")

    # ---------------------------------------------------------------- structure tree
    def structure(self, tree_root):
        self.role_map = {str(k)[1:]: str(v)[1:] for k, v in tree_root.get("/RoleMap", {}).items()}
        self.parent_tree = number_tree(tree_root.ParentTree, {}) if "/ParentTree" in tree_root else {}
        if not self.parent_tree:
            self.fail("structure: no /ParentTree")
        self.mcrs = {}        # (page objgen, mcid) -> element objgen
        self.objrs = {}       # annotation objgen -> element objgen
        self.elements = {}    # objgen -> element
        self.headings = []
        seen = set()

        def visit(elem, page):
            k = key(elem)
            if k in seen:
                self.fail(f"structure: element {k} reached twice")
                return
            seen.add(k)
            self.elements[k] = elem
            s = str(elem.get("/S", "/?"))[1:]
            std = s
            for _ in range(8):
                if std in STANDARD:
                    break
                std = self.role_map.get(std, std)
            if std not in STANDARD:
                self.fail(f"structure: element type /{s} is neither standard nor role-mapped")
            pg = elem.get("/Pg", page)
            has_objr = False
            for kid in as_list(elem.get("/K")):
                if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_name == "integer"):
                    if pg is None:
                        self.fail(f"structure: /{s} has an MCID but no /Pg")
                        continue
                    self.mcrs[(pg.objgen, int(kid))] = k
                elif isinstance(kid, pikepdf.Dictionary):
                    t = kid.get("/Type")
                    if t == Name.MCR:
                        kpg = kid.get("/Pg", pg)
                        self.mcrs[(kpg.objgen, int(kid.MCID))] = k
                    elif t == Name.OBJR:
                        has_objr = True
                        self.objrs[kid.Obj.objgen] = k
                    else:
                        visit(kid, pg)
            if std == "Figure" and not str(elem.get("/Alt", "")).strip() and "/ActualText" not in elem:
                self.fail(f"structure: Figure {k} has no /Alt")
            if std == "Link" and not has_objr:
                self.fail(f"structure: Link {k} has no OBJR (link annotation)")
            if std == "TH":
                scopes = [a.get("/Scope") for a in as_list(elem.get("/A")) if isinstance(a, pikepdf.Dictionary)]
                if not any(sc in (Name.Row, Name.Column, Name.Both) for sc in scopes):
                    self.fail(f"structure: TH {k} has no /Scope")
            if re.fullmatch(r"H[1-6]", std):
                self.headings.append(int(std[1]))
            if "/Lang" in elem and not LANG_TAG.fullmatch(str(elem.Lang)):
                self.fail(f"structure: /{s} {k} has /Lang ({elem.Lang}), not a language tag")

        for kid in as_list(tree_root.get("/K")):
            visit(kid, None)
        self.parent_of = {}
        for k, elem in self.elements.items():
            for kid in as_list(elem.get("/K")):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    self.parent_of[key(kid)] = k
        last = 0
        for h in self.headings:
            if h > last + 1:
                self.fail(f"structure: heading level skipped (H{last} → H{h})")
                break
            last = h

    # ---------------------------------------------------------------- page content
    def pages(self, pdf):
        found = set()
        for i, page in enumerate(pdf.pages):
            pobj = page.obj
            sp = pobj.get("/StructParents")
            mcid_parents = as_list(self.parent_tree.get(int(sp))) if sp is not None else []
            props = page.Resources.get("/Properties", {}) if "/Resources" in pobj else {}
            stack = []  # per open sequence: ("artifact" | "mcid" | "other", mcid)
            drawn = []  # per open sequence: operators drawn in it (nested ones included)
            empty = 0
            # ISO 32000-1 14.6: a marked-content sequence and a text object nest;
            # one begun inside BT … ET ends inside it, one begun outside ends outside.
            in_text = False
            began_in_text = []  # per open sequence
            bad_nesting = bad_text = bad_paint = 0
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "BT":
                    if in_text:
                        bad_nesting += 1
                    in_text = True
                elif op == "ET":
                    if not in_text or (began_in_text and began_in_text[-1]):
                        bad_nesting += 1
                    in_text = False
                if op in ("BDC", "BMC"):
                    began_in_text.append(in_text)
                elif op == "EMC" and began_in_text:
                    if began_in_text.pop() != in_text:
                        bad_nesting += 1
                if op in ("BDC", "BMC"):
                    drawn.append(0)
                    tag = str(operands[0])[1:]
                    if tag == "Artifact":
                        stack.append(("artifact", None))
                        continue
                    if op == "BDC":
                        d = operands[1]
                        if isinstance(d, Name):
                            d = props.get(str(d), pikepdf.Dictionary())
                        if "/MCID" in d:
                            mcid = int(d.MCID)
                            stack.append(("mcid", mcid))
                            found.add((pobj.objgen, mcid))
                            self.check_mcid(i, pobj, sp, mcid_parents, mcid, tag)
                            continue
                    stack.append(("other", None))
                elif op == "EMC":
                    if not stack:
                        self.fail(f"page {i + 1}: EMC without BDC/BMC")
                    else:
                        kind, _ = stack.pop()
                        n = drawn.pop() if drawn else 1
                        if kind == "mcid" and n == 0:
                            empty += 1
                        if drawn:
                            drawn[-1] += n
                elif op in TEXT_OPS or op in PAINT_OPS:
                    if drawn:
                        drawn[-1] += 1
                    if not any(s[0] in ("artifact", "mcid") for s in stack):
                        if op in TEXT_OPS:
                            bad_text += 1
                        else:
                            bad_paint += 1
            if stack:
                self.fail(f"page {i + 1}: {len(stack)} marked-content sequence(s) not closed")
            if bad_nesting or in_text:
                self.fail(f"page {i + 1}: marked content and text objects (BT/ET) do not nest")
            if empty:
                self.fail(f"page {i + 1}: {empty} empty marked-content sequence(s) (an MCID with nothing drawn in it)")
            if bad_text:
                self.fail(f"page {i + 1}: {bad_text} text operator(s) outside tagged content or artifacts")
            if bad_paint:
                self.fail(f"page {i + 1}: {bad_paint} painting operator(s) outside tagged content or artifacts")
            self.annotations(i, pobj)
        for (pg, mcid), elem in self.mcrs.items():
            if (pg, mcid) not in found:
                self.fail(f"structure: element {elem} references MCID {mcid} on page {pg}, "
                          "which is not in that page's content")
        self.tables(pdf)

    def table_of(self, k):
        """The Table element a cell element `k` belongs to, or None."""
        for _ in range(16):
            k = self.parent_of.get(k)
            if k is None:
                return None
            if str(self.elements[k].get("/S", "/?"))[1:] == "Table":
                return k
        return None

    def tables(self, pdf):
        """Every page with a table's data cells (TD) has header cells (TH) of that table."""
        page_no = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
        cells = {}  # table -> {"TD": pages, "TH": pages}
        for (pg, _mcid), k in self.mcrs.items():
            role = str(self.elements[k].get("/S", "/?"))[1:]
            if role not in ("TD", "TH"):
                continue
            t = self.table_of(k)
            if t is not None:
                cells.setdefault(t, {"TD": set(), "TH": set()})[role].add(pg)
        for t, c in cells.items():
            missing = sorted(page_no.get(p, 0) for p in c["TD"] - c["TH"])
            if missing:
                self.fail(f"tables: table {t} continues on page(s) {missing} without its header row (TH)")

    def check_mcid(self, i, pobj, sp, parents, mcid, tag):
        where = f"page {i + 1} MCID {mcid} (/{tag})"
        if sp is None:
            self.fail(f"{where}: page has no /StructParents")
            return
        if mcid >= len(parents) or not isinstance(parents[mcid], pikepdf.Dictionary):
            self.fail(f"{where}: not in the ParentTree")
            return
        owner = key(parents[mcid])
        if self.mcrs.get((pobj.objgen, mcid)) != owner:
            self.fail(f"{where}: ParentTree names an element that does not reference it")

    def annotations(self, i, pobj):
        annots = [a for a in as_list(pobj.get("/Annots")) if a.get("/Subtype") != Name.Popup]
        if not annots:
            return
        if pobj.get("/Tabs") != Name.S:
            self.fail(f"page {i + 1}: has annotations but /Tabs is not /S")
        for a in annots:
            what = f"page {i + 1}: {str(a.get('/Subtype'))[1:]} annotation {a.objgen}"
            if a.get("/Subtype") == Name.Link and not str(a.get("/Contents", "")).strip():
                self.fail(f"{what}: no /Contents")
            sp = a.get("/StructParent")
            if sp is None:
                self.fail(f"{what}: no /StructParent")
                continue
            elem = self.parent_tree.get(int(sp))
            if elem is None or self.objrs.get(a.objgen) != key(elem):
                self.fail(f"{what}: /StructParent does not lead to an element with an OBJR to it")

    # ---------------------------------------------------------------- fonts
    def fonts(self, pdf):
        seen = set()
        for i, page in enumerate(pdf.pages):
            res = page.obj.get("/Resources")
            if res is None or "/Font" not in res:
                continue
            for name, font in res.Font.items():
                if key(font) in seen:
                    continue
                seen.add(key(font))
                sub = font.get("/Subtype")
                if sub == Name.Type3:
                    continue
                desc_font = font.DescendantFonts[0] if sub == Name.Type0 else font
                fd = desc_font.get("/FontDescriptor")
                if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.fail(f"font {str(font.get('/BaseFont'))[1:]} (page {i + 1}) is not embedded")
                if sub == Name.Type0 and "/ToUnicode" not in font:
                    self.fail(f"font {str(font.get('/BaseFont'))[1:]} has no /ToUnicode")


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    bad = 0
    for path in argv[1:]:
        problems = Checker(path).run()
        for p in problems[:40]:
            print(f"{path}: {p}")
        if len(problems) > 40:
            print(f"{path}: … and {len(problems) - 40} more")
        if problems:
            bad += 1
        else:
            print(f"{path}: PDF/UA structure OK")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

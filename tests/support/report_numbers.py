"""How the report writes a number, re-derived independently of the C++ code, for the
fidelity checks of the PDF and the HTML edition (tests/pdf/fidelity_check.py,
tests/html/check_html.py): `decimals` decimals, grouped in threes with "," and "." in
English and a no-break space and "," in Norwegian, no sign on a value that rounds to 0."""

NBSP = "\u00a0"


def format_number(v, decimals, lang):
    s = f"{abs(v):.{max(0, min(10, decimals))}f}"
    digits, _, frac = s.partition(".")
    group, point = (NBSP, ",") if lang in ("nb", "nn") else (",", ".")
    out = ""
    for i, ch in enumerate(digits):
        if i > 0 and (len(digits) - i) % 3 == 0:
            out += group
        out += ch
    if frac:
        out += point + frac
    if v < 0 and out.strip("0,." + NBSP):
        out = "-" + out
    return out

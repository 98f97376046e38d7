"""Table cells of a JSON model (sdgreport_model 1 or 2) as objects.

Version 2 writes a cell without a status bare (a number or a string); version 1
and cells with a status or without a value are objects. Checks that read the
model's tables use cell_object() so they read both the same way.

    from model_cells import cell_object
    for row in table["rows"]:
        for c in map(cell_object, row): c.get("number"), c.get("text"), c.get("status")
"""


def cell_object(cell):
    if isinstance(cell, bool):
        raise ValueError(f"not a table cell: {cell!r}")
    if isinstance(cell, (int, float)):
        return {"number": cell}
    if isinstance(cell, str):
        return {"text": cell}
    return cell

#!/usr/bin/python3
"""Fidelity of the Word edition to its model: LibreOffice's PDF of the DOCX must hold
every table cell of the JSON model as one intact token with its status symbol, and
the keys must explain the symbols — tests/pdf/fidelity_check.py, without its
text-area check (that one measures the PDF writer's own page layout).

Usage: fidelity_docx.py MODEL.json LIBREOFFICE.pdf
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pdf"))
import fidelity_check  # noqa: E402

fidelity_check.check_text = lambda path, problems: None
sys.exit(fidelity_check.main(sys.argv[1], sys.argv[2]))

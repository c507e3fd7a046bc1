"""What counts as a control character in data strings: the loader rejects them, renderers escape them.

One definition, so a string the loader accepts can never carry a terminal escape to the screen.
"""

from __future__ import annotations

# C0 controls except newline and tab, DEL, and the C1 controls (ESC-less CSI among them).
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0, 32), *range(127, 160)] if chr(c) not in "\n\t"}
# Bidirectional embeddings, overrides and isolates reorder the text around them on screen ("Trojan Source"),
# and the line and paragraph separators break a line where none is seen: no plan needs them in a name or quote.
_CONTROL |= {c: f"\\u{c:04x}" for c in [0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def escape_controls(text: str) -> str:
    """Make a terminal escape or other control character visible instead of obeyed."""
    return text.translate(_CONTROL)


def has_controls(text: str) -> bool:
    # Every control character here is one str.isprintable() refuses (with tab, newline and some others): a text it
    # accepts, as nearly all are, is not looked at character by character.
    return not text.isprintable() and escape_controls(text) != text

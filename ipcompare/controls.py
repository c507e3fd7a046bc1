"""What counts as a control character in data strings: the loader rejects them, renderers escape them.

One definition, so a string the loader accepts can never carry a terminal escape to the screen.
"""

from __future__ import annotations

# C0 controls except newline and tab, DEL, and the C1 controls (ESC-less CSI among them).
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0, 32), *range(127, 160)] if chr(c) not in "\n\t"}


def escape_controls(text: str) -> str:
    """Make a terminal escape or other control character visible instead of obeyed."""
    return text.translate(_CONTROL)


def has_controls(text: str) -> bool:
    return escape_controls(text) != text

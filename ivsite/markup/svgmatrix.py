"""SVG and CSS transforms as matrices: where a drawing puts a piece of text.

Drawing tools place text by a transform, not by ``x``/``y``: Illustrator writes
``transform="matrix(1 0 0 1 46 20)"`` on every ``<text>``, Inkscape a
``translate`` on an enclosing ``<g>`` (red team 9, R9-31). A turn or a mirror
(``rotate(180)``, ``scale(-1 1)``) draws the letters in the reverse order
(R9-32). ivsite.markup.svgtext composes these to know where each piece lands and which
way its line runs.
"""

from __future__ import annotations

import math
import re

Matrix = tuple[float, float, float, float, float, float]
"""``(a, b, c, d, e, f)``: x' = a x + c y + e, y' = b x + d y + f (as SVG's matrix())."""
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_FUNCTION = re.compile(r"([a-zA-Z]+)\s*\(([^)]*)\)")
_NUMBER = re.compile(r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(deg|rad|grad|turn|%)?",
                     re.I)
_TURN = {"deg": math.pi / 180, "rad": 1.0, "grad": math.pi / 200, "turn": 2 * math.pi,
         "": math.pi / 180}


def times(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then, inside it, ``n`` (an ancestor's transform times its child's)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s,
            a * t + c * u + e, b * t + d * u + f)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def scale_of(m: Matrix) -> float:
    """How much the matrix enlarges a length, on average."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0


def _angle(raw: str, unit: str | None) -> float:
    angle = float(raw) * _TURN.get((unit or "").casefold(), math.pi / 180)
    return angle if math.isfinite(angle) else 0.0  # "1e999deg": no turn, not a traceback


def _rotation(angle: float, cx: float = 0.0, cy: float = 0.0) -> Matrix:
    cos, sin = math.cos(angle), math.sin(angle)
    turn = (cos, sin, -sin, cos, 0.0, 0.0)
    return times(times((1.0, 0.0, 0.0, 1.0, cx, cy), turn), (1.0, 0.0, 0.0, 1.0, -cx, -cy))


def _one(name: str, args: list[tuple[str, str | None]]) -> Matrix:
    v = [float(n) for n, _ in args]
    name = name.casefold()
    if name in ("matrix", "matrix3d") and len(v) >= 6:
        return (v[0], v[1], v[4], v[5], v[12], v[13]) if name == "matrix3d" and len(v) >= 16 \
            else (v[0], v[1], v[2], v[3], v[4], v[5])
    if name in ("translate", "translate3d") and v:
        return (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
    if name in ("translatex", "translatey") and v:
        return (1.0, 0.0, 0.0, 1.0, *((v[0], 0.0) if name == "translatex" else (0.0, v[0])))
    if name in ("scale", "scale3d") and v:
        return (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
    if name in ("scalex", "scaley") and v:
        return (v[0], 0.0, 0.0, 1.0, 0.0, 0.0) if name == "scalex" else (1.0, 0.0, 0.0, v[0],
                                                                       0.0, 0.0)
    if name in ("rotate", "rotatez") and args:
        angle = _angle(*args[0])
        return _rotation(angle, *(v[1:3] if len(v) >= 3 else ()))
    if name in ("skewx", "skewy", "skew") and args:
        t = math.tan(_angle(*args[0]))
        return (1.0, t, 0.0, 1.0, 0.0, 0.0) if name == "skewy" else (1.0, 0.0, t, 1.0, 0.0, 0.0)
    return IDENTITY


def parse(transform: str) -> Matrix:
    """An SVG ``transform`` attribute or a CSS ``transform`` value as one matrix
    (lengths in any unit read as their number; an unknown function is none)."""
    out = IDENTITY
    for m in _FUNCTION.finditer(transform):
        out = times(out, _one(m.group(1), _NUMBER.findall(m.group(2))))
    return out


def parse_parts(translate: str, rotate: str, scale: str) -> Matrix:
    """CSS's own ``translate``, ``rotate`` and ``scale`` properties, applied in
    that order (before any ``transform``)."""
    out = IDENTITY
    if translate.strip() and translate.strip() != "none":
        out = times(out, _one("translate", _NUMBER.findall(translate)))
    if rotate.strip() and rotate.strip() != "none":
        out = times(out, _one("rotate", _NUMBER.findall(rotate)[-1:]))
    if scale.strip() and scale.strip() != "none":
        out = times(out, _one("scale", _NUMBER.findall(scale)))
    return out


def in_reading_order(placed: list[tuple[float, float, float, str]]) -> list[str]:
    """Pieces ``(y, x, line height, text)`` as read: in lines top to bottom (a piece
    whose ``y`` is within half a line of the line's first is on it), each line
    left to right; pieces at one place keep their written order."""
    out: list[str] = []
    line: list[tuple[float, int, str]] = []
    top = -math.inf
    for i, (y, x, height, text) in sorted(enumerate(placed), key=lambda p: p[1][0]):
        if line and y - top > height / 2:
            out += [t for _, _, t in sorted(line)]
            line = []
        if not line:
            top = y
        line.append((x, i, text))
    return out + [t for _, _, t in sorted(line)]

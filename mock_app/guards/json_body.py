"""Request bodies as strict JSON: no NaN or Infinity, nested at most `JSON_MAX_DEPTH` deep.

Python's `json` accepts `NaN`, `Infinity` and `-Infinity` (and turns `1e400` into infinity), none
of which is JSON: stored and served again, they would make invalid JSON. It also recurses once
per level, so a body nested 1,000 deep raised RecursionError, a 500. Here each of these is a
`Refused` (a ValueError) whose message goes in the answer's `errors`.

The depth is measured on the text before parsing, so the parser never goes deep, and in one pass
over it: escape pairs (`\\` and the character after it) are cut out first, so every quote left
opens or closes a string; splitting at the quotes, every other piece is outside the strings (a
string that never ends runs to the end of the text); the brackets left become +1 and -1, and the
deepest running sum is the depth. Each step reads each character once, in C: a few ms per MiB,
whatever the body. (Cutting whole strings out with one pattern tried again from every quote of a
string that never ends: a 62.5 KiB body of escaped quotes held the interpreter for 10 s.)
"""

import json
import math
import re
from array import array
from itertools import accumulate
from typing import Any

ESCAPE = re.compile(r"\\.", re.DOTALL)  # starts only at a backslash: never a second try from the same place
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
AS_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # as signed bytes: +1, +1, -1, -1


class Refused(ValueError):
    """The body is not JSON this API takes; the message says why, for the client to read."""


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{text} is too large for a JSON number")
    return value


def depth(text: str) -> int:
    """How deeply arrays and objects nest in the JSON `text` ({} is 1); exact for valid JSON."""
    outside_strings = "".join(ESCAPE.sub("", text).split('"')[::2])
    structure = outside_strings.encode("utf-8", "surrogatepass").translate(AS_STEPS, NOT_BRACKETS)
    return max(accumulate(array("b", structure)), default=0)


def loads(data: bytes | str, max_depth: int) -> Any:
    """Parse `data` (bytes in any encoding JSON allows, or text) strictly, or raise Refused."""
    try:
        text = data if isinstance(data, str) else data.decode(json.detect_encoding(data), "surrogatepass")
    except UnicodeDecodeError as error:
        raise Refused(f"The body is not valid JSON: {error}.") from None
    too_deep = Refused(f"The body nests arrays and objects more than {max_depth} levels deep.")
    if text.count("[") + text.count("{") > max_depth and depth(text) > max_depth:
        raise too_deep
    try:
        return json.loads(text, parse_constant=_no_constants, parse_float=_finite)
    except RecursionError:  # cannot happen after the check above; kept so it never becomes a 500
        raise too_deep from None
    except ValueError as error:  # JSONDecodeError, an over-long integer, NaN...
        raise Refused(f"The body is not valid JSON: {error}.") from None

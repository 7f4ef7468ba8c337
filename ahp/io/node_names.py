"""A node or an element of the model named on a command line: by its path or id, or by its name
in either language (``服务``, ``Service``, ``service``), case and spacing aside. A name that fits
none is refused with the names close to it, or else the valid ones, in the output's language.

>>> from ahp.io.model import load_model
>>> root = load_model().root
>>> find_node(root, "服务"), find_element(root, "goal", "Quality"), find_element(root, "service", "service/attitude")
('service', 'quality', 'attitude')
>>> find_element(root, "goal", "attitude")
Traceback (most recent call last):
ahp.errors.AHPError: 'attitude' is an element of service, not of goal; the elements of goal: service, quality, \
price, competition
"""

from __future__ import annotations

import difflib

from ahp.core.hierarchy import ROOT, Node, child_path, walk
from ahp.errors import AHPError, Phrase, Worded
from ahp.io.glossary import say

#: How many close names an error offers.
CLOSE = 3


def _plain(text: str) -> str:
    """A name as it is compared: spacing collapsed, case folded."""
    return " ".join(text.split()).casefold()


def _spellings(path: str, node: Node) -> list[str]:
    """The ways to name a node: its path, its id, its name in each language."""
    return list(dict.fromkeys(s for s in (path, node.id, node.name, node.name_zh) if s))


def _matches(text: str, candidates: dict[str, list[str]]) -> list[str]:
    """The keys of ``candidates`` one of whose spellings is ``text``."""
    wanted = _plain(text)
    return [key for key, spelled in candidates.items() if any(_plain(s) == wanted for s in spelled)]


def _named(path: str, node: Node) -> Worded:
    """A node as messages name it: its path in English, its name in Chinese."""
    return Worded(path, node.label("zh"))


def _listed(named: list[Worded]) -> Worded:
    """Nodes as a list in each language."""
    return Worded(", ".join(n.en for n in named), "、".join(n.zh for n in named))


def _close(text: str, candidates: dict[str, list[str]]) -> list[str]:
    """The spellings close to ``text`` (by difflib, or holding it), at most :data:`CLOSE`."""
    spelled: dict[str, str] = {}
    for spellings in candidates.values():
        for s in spellings:
            spelled.setdefault(_plain(s), s)
    wanted = _plain(text)
    near = difflib.get_close_matches(wanted, list(spelled), n=CLOSE, cutoff=0.6)
    holding = [s for s in spelled if len(wanted) > 1 and wanted in s]
    return [spelled[s] for s in dict.fromkeys(near + holding)][:CLOSE]


def _hint(text: str, candidates: dict[str, list[str]], valid: Phrase) -> Phrase:
    """``did you mean 'x' or 'y'?`` when names are close to ``text``, else ``valid``."""
    close = _close(text, candidates)
    if not close:
        return valid
    words = Worded(say("judge.or", "en").join(repr(s) for s in close),
                   say("judge.or", "zh").join(f"「{s}」" for s in close))
    return Phrase("did you mean {names}?", {"names": words})


def _one(text: str, hits: list[str]) -> str | None:
    """The only hit, ``None`` for none; several are refused, named by their paths (ids)."""
    if len(hits) > 1:
        raise AHPError(Phrase("{text!r} names several nodes: {names}; give one of their paths",
                              {"text": text, "names": _listed([Worded(p, p) for p in hits])}))
    return hits[0] if hits else None


def find_node(root: Node, text: str) -> str:
    """The path of the node with sub-elements that ``text`` names."""
    inner = {path: node for path, node, _ in walk(root) if node.children}
    candidates = {path: _spellings(path, node) for path, node in inner.items()}
    found = _one(text, _matches(text, candidates))
    if found is None:
        valid = Phrase("nodes: {names}", {"names": _listed([_named(p, n) for p, n in inner.items()])})
        raise AHPError(Phrase("{text!r} is not a node with elements to compare; {hint}",
                              {"text": text, "hint": _hint(text, candidates, valid)}))
    return found


def find_element(root: Node, path: str, text: str) -> str:
    """The id of the element of the node at ``path`` that ``text`` names (its id, its path or
    its name); refused naming the node it belongs to when it is an element elsewhere."""
    nodes = {p: node for p, node, _ in walk(root)}
    node = nodes[path]
    children = {c.id: _spellings(child_path(path, c.id), c) for c in node.children}
    found = _one(text, _matches(text, children))
    if found is not None:
        return found
    elements = _listed([Worded(c.id, c.label("zh")) for c in node.children])
    where = {"text": text, "node": _named(path, node), "names": elements}
    elsewhere = _matches(text, {p: _spellings(p, n) for p, n in nodes.items() if p != ROOT})
    if elsewhere:
        parent = elsewhere[0].rpartition("/")[0] or ROOT
        raise AHPError(Phrase("{text!r} is an element of {parent}, not of {node}; the elements of {node}: {names}",
                              {**where, "parent": _named(parent, nodes[parent])}))
    valid = Phrase("the elements of {node}: {names}", where)
    raise AHPError(Phrase("{text!r} is not an element of {node}; {hint}",
                          {**where, "hint": _hint(text, children, valid)}))

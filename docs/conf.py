"""Sphinx configuration of the kzaz_relations documentation.

The build runs offline: no intersphinx. Names from the standard library and from
third-party packages that cannot be resolved without it are listed in
``nitpick_ignore`` / ``nitpick_ignore_regex``; the package's own names must resolve.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
try:
    import kzaz_relations
except ImportError:  # building from a source checkout without installing
    sys.path.insert(0, str(HERE.parent / "src"))
    import kzaz_relations

# -- Project -------------------------------------------------------------------

project = "kzaz_relations"
author = "The kzaz_relations contributors"
copyright = "the kzaz_relations contributors; code MIT, data CC BY 4.0"
release = kzaz_relations.__version__
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "kzaz_reference",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "generated/citation.md"]
templates_path: list[str] = []
language = "en"
pygments_style = "sphinx"
pygments_dark_style = "monokai"

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc / napoleon -----------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
autodoc_preserve_defaults = False
autodoc_default_options = {"members": True}
autodoc_inherit_docstrings = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_use_ivar = True
napoleon_attr_annotations = True

# -- Cross-references --------------------------------------------------------------

nitpicky = True

# Names outside this package. Without intersphinx (the build is offline) they cannot
# resolve; every name of kzaz_relations itself must.
_BUILTINS = (
    "str|int|float|bool|bytes|object|tuple|dict|list|set|frozenset|type|None|Ellipsis"
    "|KeyError|ValueError|TypeError|LookupError|ImportError|ZeroDivisionError|Exception"
)
nitpick_ignore_regex = [
    ("py:(class|exc|obj|data)", rf"({_BUILTINS})"),
    ("py:(class|obj)", r"(typing|collections\.abc|types|os|pathlib|enum|argparse)\..*"),
    ("py:(class|obj)", r"(PathLike|Path|Iterable|Iterator|Callable|Any|Final|TypeVar|GenericAlias|Traversable)"),
    ("py:(class|obj|func|mod|data|exc|meth|attr)", r"(decimal|datetime|json|importlib|enum|argparse)(\..*)?"),
    ("py:(class|obj|func|mod|data|exc|meth|attr)", r"(attrs|attr|cattrs)(\..*)?"),
    ("py:(class|obj|func|mod|data|exc|meth|attr)", r"(hypothesis|pandas|networkx)(\..*)?"),
    ("py:(class|obj)", r"(st\.)?(SearchStrategy|DrawFn)(\[.*\])?"),
    ("py:(class|obj)", r"(Decimal|date)"),
]
# Type variables of generic signatures (``Table[R]``, ``structure(data, cls: type[T]) -> T``)
# have no entry to link to.
nitpick_ignore = [
    ("py:class", "kzaz_relations.table.R"),
    ("py:obj", "kzaz_relations.table.R"),
    ("py:class", "kzaz_relations._convert.T"),
    ("py:obj", "kzaz_relations._convert.T"),
]

# -- HTML -----------------------------------------------------------------------------

html_theme = "furo"
html_title = f"kzaz_relations {release}"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = True
# The API page's table of contents lists its sections, not each documented object: the
# theme copies every page's entries into the sidebar of all pages, and the hundreds of
# object entries made that a third of the build. Objects are found through the index and
# the search.
toc_object_entries = False


# -- Public names ---------------------------------------------------------------------
#
# The package's classes live in internal modules (``kzaz_relations.model.records``…)
# and are documented under their public names (``kzaz_relations.Agreement``). Type hints
# and docstrings name them from the defining module, e.g. ``kzaz_relations.model.dates.
# PartialDate`` or ``Dataset`` inside ``kzaz_relations.export``. This resolves such a
# reference to the public entry, but only when the object it names *is* the public
# object; anything else still fails the nitpicky build.


def _same_public_object(path: list[str]) -> str | None:
    """``kzaz_relations.<Name>[.<member>…]`` if ``path`` names a public object, else ``None``."""
    import importlib

    for split in range(len(path) - 1, 0, -1):
        module_name, rest = ".".join(path[:split]), path[split:]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        name = rest[0]
        if name not in kzaz_relations.__all__ or not hasattr(module, name):
            return None
        if getattr(module, name) is not getattr(kzaz_relations, name):
            return None
        return ".".join(["kzaz_relations", *rest])
    return None


def _public_name(app, env, node, contnode):
    from sphinx.util.nodes import make_refnode

    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "").lstrip("~.")
    module = node.get("py:module") or ""
    full = target if target.startswith("kzaz_relations.") else f"{module}.{target}" if module else target
    if not full.startswith("kzaz_relations."):
        return None
    public = _same_public_object(full.split("."))
    if public is None or public == full:
        return None
    entry = env.get_domain("py").objects.get(public)
    if entry is None:
        return None
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, public)


# -- Field docstrings ----------------------------------------------------------------
#
# The string after each attrs field or enum member is plain prose, never a Google-style
# section; napoleon would read "text (``None``: any)" as "type: description". Such
# docstrings are kept as written.

_ATTRIBUTE_DOCS: dict[str, list[str]] = {}


def _keep_attribute_doc(app, what, name, obj, options, lines):
    if what == "attribute":
        _ATTRIBUTE_DOCS[name] = list(lines)


def _restore_attribute_doc(app, what, name, obj, options, lines):
    if what == "attribute" and name in _ATTRIBUTE_DOCS:
        lines[:] = _ATTRIBUTE_DOCS.pop(name)


def setup(app):
    app.connect("missing-reference", _public_name)
    app.connect("autodoc-process-docstring", _keep_attribute_doc, priority=100)
    app.connect("autodoc-process-docstring", _restore_attribute_doc, priority=900)

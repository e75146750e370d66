"""What every page shares: the autoescaped Jinja2 environment, inlined assets, safe JSON.

Pages are offline: vis-network's script and stylesheet are read from the installed
pyvis wheel and inlined once per page, with the package's own script and styles
(``render/static/``); or, for the folder ``arggraph render`` writes, put once into one
shared file (:data:`SHARED_ASSET`) that every page loads by a relative path. Graph data
goes into ``<script type="application/json">`` blocks written by :func:`script_json`,
and the page's script sets every text from the data with ``textContent``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

VIS_DIR = "templates/lib/vis-9.1.2"
"""Where vis-network 9.1.2 sits inside the pyvis 0.3.2 wheel."""

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VIS_RULES = frozenset({"div.vis-tooltip", ".vis-overlay", ".vis-active"})


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so no ``</script>`` or
    ``<!--`` can end or confuse the block; U+2028/U+2029 are escaped for old parsers.
    Keys keep their order (the builders make it deterministic).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _checked_inline(text: str, closing: str, name: str) -> str:
    if closing in text.lower():
        raise RuntimeError(f"{name} contains {closing!r} and cannot be inlined")
    return text


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and the rules of its stylesheet the views use.

    From the pyvis wheel. The source-map comment is dropped so that developer tools do
    not try to fetch it. Of the stylesheet only the tooltip and overlay rules are kept:
    the rest (220 KB, mostly inline images) styles the navigation buttons, editing
    toolbar and configurator, which the views do not show.
    """
    base = resources.files("pyvis").joinpath(VIS_DIR)
    script = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    style = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    script = _SOURCE_MAP.sub("", script)
    rules = _CSS_RULE.findall(style)
    style = "".join(f"{sel.strip()}{{{body}}}" for sel, body in rules if sel.strip() in _VIS_RULES)
    return (
        _checked_inline(script, "</script", "vis-network.min.js"),
        _checked_inline(style, "</style", "vis-network.css"),
    )


@cache
def static_text(name: str) -> str:
    """One of the package's own static files (``render/static/``)."""
    text = resources.files("arggraph.render").joinpath("static", name).read_text(encoding="utf-8")
    closing = "</script" if name.endswith(".js") else "</style"
    return _checked_inline(text, closing, name)


SHARED_ASSET = "assets/arggraph-views.js"
"""Where ``arggraph render`` writes the one file its pages share, relative to the pages."""


def shared_asset_text() -> str:
    """The one file the pages of ``arggraph render`` share: the stylesheets, then
    vis-network, then the views' script.

    The page loads it in its ``<head>``; its first lines add the stylesheets (ours and
    vis-network's tooltip rules) to the document before the body is drawn, so one
    file serves both, from disk, with no network.
    """
    vis_js, vis_css = vis_assets()
    css = json.dumps(vis_css + "\n" + static_text("arggraph.css"), ensure_ascii=True)
    inject = (
        "(function () { var s = document.createElement('style'); s.textContent = "
        + css
        + "; document.head.appendChild(s); })();"
    )
    return "\n".join(
        [
            "/* arggraph views: shared by every page of this folder. vis-network 9.1.2 "
            "(Apache-2.0 or MIT, from the pyvis wheel), then arggraph's script. */",
            inject,
            vis_js,
            static_text("arggraph.js"),
        ]
    )


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment for the package's templates: autoescaped, strict."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("arggraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = lambda data: Markup(script_json(data))
    return env


def render_template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` with the assets to inline available as ``assets``.

    A template given ``shared_assets`` (a relative link to :func:`shared_asset_text`'s
    file) refers to that file instead of inlining them.
    """
    vis_js, vis_css = vis_assets()
    assets = {
        "vis_js": Markup(vis_js),
        "vis_css": Markup(vis_css),
        "js": Markup(static_text("arggraph.js")),
        "report_js": Markup(static_text("report.js")),
        "css": Markup(static_text("arggraph.css")),
    }
    return environment().get_template(name).render(assets=assets, **context)

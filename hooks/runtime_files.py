"""Build time: copies what the self-check runs on into the built site: PyScript
and the Python runtime from node_modules (pinned by package-lock.json) and the
checker's own files. Nothing is ever loaded from another origin.

The runtime is MicroPython (0.7 MB); `extra: self_check_runtime: pyodide` in
mkdocs.yml switches to Pyodide (CPython, about 14 MB).
"""

import pathlib
import re
import shutil
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from hooks import bytecode  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
ASSETS = "assets/self-check"

RUNTIMES = {
    "micropython": {
        "script_type": "mpy",
        "interpreter": "micropython/micropython.mjs",
        "package": "@micropython/micropython-webassembly-pyscript",
        "files": ("micropython.mjs", "micropython.wasm"),
        "bytecode": True,  # the checker ships as .mpy (hooks/bytecode.py)
    },
    "pyodide": {
        "script_type": "py",
        "interpreter": "pyodide/pyodide.mjs",
        "package": "pyodide",
        "files": ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
        "bytecode": False,
    },
}


def runtime(config):
    name = config.extra.get("self_check_runtime", "micropython")
    if name not in RUNTIMES:
        raise PluginError(f"extra.self_check_runtime must be one of {sorted(RUNTIMES)}, not {name!r}")
    return RUNTIMES[name]


PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
# PyScript loads every plugin it has unless the config names it with "!". The page
# needs only "error" (it shows a failed start, which boot.js watches for); the
# others are for editors, terminals and games, five more scripts to fetch and run.
# It does so for each Python type (mpy, py), so the type the page does not run
# gets a config too, one that names every plugin.
KEPT_PYSCRIPT_PLUGINS = ("error",)


def pyscript_plugins():
    """The plugin names this PyScript release has, read from its own source."""
    source = (NODE_MODULES / "@pyscript" / "core" / "src" / "plugins.js").read_text(encoding="utf-8")
    names = re.findall(r'"\./plugins/([\w-]+)\.js"', source)
    if not set(KEPT_PYSCRIPT_PLUGINS) <= set(names):
        raise PluginError(f"PyScript's plugins are now {names}: update KEPT_PYSCRIPT_PLUGINS")
    return names


def unused_pyscript_plugins(kept=KEPT_PYSCRIPT_PLUGINS):
    return ["!" + name for name in pyscript_plugins() if name not in kept]


def other_script_type(chosen):
    """The Python script type the page does not run: "py" beside MicroPython's "mpy"."""
    return next(r["script_type"] for r in RUNTIMES.values() if r["script_type"] != chosen["script_type"])


def pyscript_start_modules():
    """PyScript's files a page loads at start with only the kept plugins: core.js,
    what it imports, and the kept plugins' chunks, found from the files themselves
    so that new hashed names after an upgrade need no change here."""
    def text(name):
        return (PYSCRIPT_DIST / name).read_text(encoding="utf-8")

    found, queue = [], ["core.js"]
    while queue:
        name = queue.pop(0)
        if name in found:
            continue
        found.append(name)
        queue += re.findall(r'(?:from|import)\s*"\./([\w-]+\.js)"', text(name))
        for plugin in KEPT_PYSCRIPT_PLUGINS:
            queue += re.findall(r'import\("\./(' + plugin + r'-[\w-]+\.js)"\)', text(name))
    return found


def checker_files(lang=None):
    """What the browser needs of checker/, as paths inside it: every module but
    the command line (subpackages included, checker/web/ among them), and the
    catalog of the page's language (all catalogs when no language is given)."""
    folder = ROOT / "checker"
    names = [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*.py"))
             if path.name != "__main__.py" and "__pycache__" not in path.parts]
    catalogs = sorted((folder / "catalogs").glob("*.json" if lang is None else lang + ".json"))
    return names + ["catalogs/" + path.name for path in catalogs]


def shipped_checker_files(chosen, lang=None):
    """checker_files() as the runtime `chosen` gets them: MicroPython's modules
    as bytecode, Pyodide's as source."""
    names = checker_files(lang)
    return [bytecode.mpy_name(name) for name in names] if chosen["bytecode"] else names


def copy(source, target):
    if not source.exists():
        raise PluginError(f"{source} is missing: run `make build` (it runs `npm ci`) first")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.stat().st_size != source.stat().st_size \
            or target.stat().st_mtime < source.stat().st_mtime:
        shutil.copy2(source, target)


def on_post_build(config):
    # The i18n plugin calls this once per language; every language shares the root's copy.
    assets = pathlib.Path(config.site_dir) / ASSETS
    chosen = runtime(config)
    package = NODE_MODULES / chosen["package"]
    for name in chosen["files"]:
        copy(package / name, assets / pathlib.Path(chosen["interpreter"]).parent / name)
    for source in sorted(PYSCRIPT_DIST.glob("*.js")):
        copy(source, assets / "pyscript" / source.name)
    if chosen["bytecode"]:
        bytecode.compile_tree(ROOT / "checker", checker_files(), assets / "checker")
    else:
        for name in checker_files():
            copy(ROOT / "checker" / name, assets / "checker" / name)

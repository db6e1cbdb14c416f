"""The checker ships to MicroPython as bytecode (hooks/bytecode.py): the site
holds the very bytes that tests/checker/test_runtimes.py runs the case table
on, and no source that the page would then compile instead."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hooks.bytecode import compile_tree  # noqa: E402
from hooks.runtime_files import ASSETS, RUNTIMES, checker_files, shipped_checker_files  # noqa: E402


def test_the_site_ships_the_checker_as_the_bytecode_that_is_tested(site_dir, tmp_path):
    shipped = site_dir / ASSETS / "checker"
    compile_tree(ROOT / "checker", checker_files(), tmp_path)
    names = shipped_checker_files(RUNTIMES["micropython"])
    assert sorted(path.relative_to(shipped).as_posix() for path in shipped.rglob("*") if path.is_file()) == sorted(names)
    assert not list(shipped.rglob("*.py")), "sources beside the bytecode: MicroPython would compile them instead"
    changed = [name for name in names if (shipped / name).read_bytes() != (tmp_path / name).read_bytes()]
    assert changed == [], "the site's bytecode is not what the case table runs on"


def test_the_pages_config_names_the_bytecode(site_dir):
    page = (site_dir / "self-check" / "index.html").read_text(encoding="utf-8")
    assert "checker/web/start.mpy" in page and "checker/web/start.py" not in page

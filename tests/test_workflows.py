"""The GitHub workflows: what the linters (`make lint`) do not check.

check-jsonschema validates their structure and zizmor audits their security;
these tests pin down the choices the book depends on: least privilege, actions
pinned to full commit SHAs with their version beside them, the deploy path.
"""

import re
from pathlib import Path

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parents[1] / ".github" / "workflows"
USES = re.compile(r"uses:\s*(?P<action>[\w.-]+/[\w.-]+)@(?P<ref>\S+)(?P<comment>.*)$")


def load(name):
    text = (WORKFLOWS / name).read_text()
    # YAML 1.1 reads the key `on` as True.
    config = yaml.safe_load(text)
    return text, {("on" if key is True else key): value for key, value in config.items()}


@pytest.fixture(params=sorted(path.name for path in WORKFLOWS.glob("*.yml")))
def workflow(request):
    return load(request.param)


def test_there_is_a_pages_workflow_and_a_test_workflow():
    names = {path.name for path in WORKFLOWS.glob("*.yml")}
    assert {"pages.yml", "tests.yml"} <= names


def test_every_action_is_pinned_to_a_commit_with_its_version(workflow):
    text, _ = workflow
    lines = [line for line in text.splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        found = USES.search(line)
        assert found, line
        assert re.fullmatch(r"[0-9a-f]{40}", found["ref"]), line
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", found["comment"]), line


def test_top_level_permissions_only_read_the_repository(workflow):
    _, config = workflow
    assert config["permissions"] == {"contents": "read"}


def test_checkout_does_not_keep_the_token(workflow):
    _, config = workflow
    for job in config["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_every_workflow_has_a_concurrency_group(workflow):
    _, config = workflow
    assert config["concurrency"]["group"]


def test_pip_is_cached_on_the_pinned_requirements(workflow):
    _, config = workflow
    setups = [
        step
        for job in config["jobs"].values()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert setups
    for step in setups:
        assert step["with"]["cache"] == "pip"
        assert step["with"]["cache-dependency-path"] == "requirements.txt"


def test_pages_builds_the_pdf_and_the_site_then_deploys_with_write_access_only_there():
    _, config = load("pages.yml")
    assert config["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in config["on"]
    build, deploy = config["jobs"]["build"], config["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    run = " ".join(step.get("run", "") for step in build["steps"])
    assert run.index("make pdf") < run.index("make book")
    uploads = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["path"] == "_build/html"
    assert any("deploy-pages" in step.get("uses", "") for step in deploy["steps"])


def test_pull_requests_run_what_ci_runs():
    """One definition of CI: the workflow runs .ci/run, which runs `make test` (the PDF's
    tests build the PDF in it: .ci/run does not build it again)."""
    _, config = load("tests.yml")
    assert "pull_request" in config["on"]
    runs = [step.get("run", "") for job in config["jobs"].values() for step in job["steps"]]
    assert any(line.strip() == "bash .ci/run" for run in runs for line in run.splitlines())
    script = (WORKFLOWS.parents[1] / ".ci" / "run").read_text()
    commands = [line.strip() for line in script.splitlines()]
    assert "make test" in commands and "make pdf" not in commands


def test_pages_publishes_the_launch_notebooks_with_write_access_to_contents_only():
    _, config = load("pages.yml")
    notebooks = config["jobs"]["notebooks"]
    assert notebooks["needs"] == "build"
    assert notebooks["permissions"] == {"contents": "write"}
    downloads = [s for s in notebooks["steps"] if "download-artifact" in s.get("uses", "")]
    assert downloads[0]["with"]["name"] == "github-pages"  # the site the deploy publishes
    assert "refs/heads/notebooks" in notebooks["steps"][-1]["run"]

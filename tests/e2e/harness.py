"""Shared set-up for the end-to-end tests: a copy of examples/vault in a temp directory, a
config pointing at it, and helpers that run the real freshd and freshctl binaries.

The binaries come from the environment (set by tests/e2e/CMakeLists.txt):
FRESHD, FRESHCTL and FRESHD_SOURCE_DIR. "Now" is pinned with FRESHD_NOW, so every date,
status and freshness in the output is exact.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

NOW = "2026-11-23T12:00:00Z"

# The vault and decay settings of examples/freshd.toml (the rest left at its defaults: no
# inbox note, the report in md only), spelled out so that an edit of the example config
# cannot silently move the expected values of these tests.
CONFIG_TEMPLATE = """\
[vault]
path = "{vault}"
timezone = "Europe/Berlin"
exclude = [".git/", ".obsidian/", ".trash/", "node_modules/", "archetypes/"]

[decay]
default = "medium"

[decay.classes]
weekly = "7d"
runbook = "6 months"

[[decay.rules]]
path = "news/**"
decay = "fast"

[[decay.rules]]
tag = "runbook"
decay = "runbook"

[[decay.rules]]
path = "math/**"
decay = "evergreen"

[[decay.rules]]
tag = "#meeting"
decay = "never"

[daemon]
state_dir = "{state}"
socket = "{socket}"
watch = false
"""


def required_env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(
            f"{name} is not set; run these tests through ctest, or set FRESHD, FRESHCTL "
            "and FRESHD_SOURCE_DIR by hand")
    return value


class Run:
    """The outcome of one binary run."""

    def __init__(self, argv, completed):
        self.argv = argv
        self.code = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def describe(self):
        return (f"$ {' '.join(self.argv)}\nexit {self.code}\n--- stdout\n{self.stdout}"
                f"\n--- stderr\n{self.stderr}")

    def json(self):
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as error:
            raise AssertionError(f"output is not one JSON document ({error})\n{self.describe()}")


class VaultTestCase(unittest.TestCase):
    """Each test gets its own vault copy, state directory and config."""

    maxDiff = None

    def setUp(self):
        self.freshd = required_env("FRESHD")
        self.freshctl = required_env("FRESHCTL")
        source = required_env("FRESHD_SOURCE_DIR")
        self.tmp = tempfile.mkdtemp(prefix="freshd-e2e-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.vault = os.path.join(self.tmp, "vault")
        # What the README's quick start writes into the example vault is not part of it.
        shutil.copytree(os.path.join(source, "examples", "vault"), self.vault,
                        ignore=shutil.ignore_patterns("freshd-inbox.md", "freshd-reports"))
        self.state = os.path.join(self.tmp, "state")
        self.config = os.path.join(self.tmp, "freshd.toml")
        with open(self.config, "w", encoding="utf-8") as f:
            f.write(CONFIG_TEMPLATE.format(vault=self.vault, state=self.state,
                                           socket=os.path.join(self.tmp, "freshd.sock")))
        self.env = dict(os.environ)
        self.env["FRESHD_NOW"] = NOW
        # Keep the binaries away from the user's own config, state and daemon.
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "xdg-config"),
                         ("XDG_STATE_HOME", "xdg-state"), ("XDG_RUNTIME_DIR", "xdg-run")):
            path = os.path.join(self.tmp, sub)
            os.makedirs(path, mode=0o700)
            self.env[var] = path
        self.env.pop("NOTIFY_SOCKET", None)

    # Running the binaries.

    def run_binary(self, binary, args, env=None):
        argv = [binary] + list(args)
        completed = subprocess.run(argv, capture_output=True, text=True, timeout=60,
                                   env=env or self.env)
        return Run(argv, completed)

    def freshd_run(self, *args):
        return self.run_binary(self.freshd, ["--config", self.config] + list(args))

    def ctl(self, *args):
        return self.run_binary(self.freshctl, ["--config", self.config] + list(args))

    def ok(self, run):
        self.assertEqual(run.code, 0, run.describe())
        return run

    def ctl_json(self, *args):
        return self.ok(self.ctl("--json", *args)).json()

    def index(self):
        self.ok(self.freshd_run("--once"))

    # Looking at the results.

    def notes_by_path(self, *list_args):
        doc = self.ctl_json("list", *list_args)
        return {note["path"]: note for note in doc["notes"]}

    def show(self, path):
        return self.ctl_json("show", path)["note"]

    def timeline(self, *args):
        return self.ctl_json("timeline", *args)["events"]

    def recheck(self, *paths):
        return self.ctl_json("recheck", *paths)

    # Changing the vault.

    def vault_path(self, rel):
        return os.path.join(self.vault, *rel.split("/"))

    def read_note(self, rel):
        with open(self.vault_path(rel), "rb") as f:
            return f.read()

    def write_note(self, rel, data, mtime=None):
        path = self.vault_path(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        if mtime is not None:
            os.utime(path, (mtime, mtime))

    def bump_mtime(self, rel, seconds=3600):
        """Moves the file's mtime forward, so a rescan cannot miss it even on a file
        system with coarse timestamps."""
        st = os.stat(self.vault_path(rel))
        os.utime(self.vault_path(rel), ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 10**9))


def normalized_provenance(provenance):
    """A provenance with its optional members filled in: a missing key is "", a missing
    line is 0 (the program may leave out what does not apply)."""
    if provenance is None:
        return None
    out = dict(provenance)
    out.setdefault("key", "")
    if out.get("line") is None:
        out["line"] = 0
    return out


def prov(source, key="", line=0, raw=""):
    return {"source": source, "key": key, "line": line, "raw": raw}

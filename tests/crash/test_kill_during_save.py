"""A process killed (SIGKILL) at any moment of a save leaves a project that loads and is either
the version before the save or the one being saved, with a ``.bak`` that loads too.

A few kills run by default; ``pytest -m slow tests/crash`` runs 200.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ahp.io.project import load_project

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "retail-churn-demo.ahp.toml"

#: The child: load the project, then save it again and again, each time as version n (in the
#: title and in a judgment), announcing n on stdout just before saving it.
CHILD = """
import sys
from ahp.io.project import load_project
path, n = sys.argv[1], int(sys.argv[2])
project = load_project(path)
print("ready", flush=True)
while True:
    project.title = f"v{n}"
    project.set_judgment(0, "goal", "service", "price", 1 + n % 9)
    print(n, flush=True)
    project.save()
    n += 1
"""


def kill_during_saves(folder: Path, kills: int, seed: int) -> None:
    path = folder / "p.ahp.toml"
    shutil.copy(DEMO, path)
    first = load_project(path)
    first.title = "v0"
    first.save()
    first.save()  # .bak is v0 too
    rnd = random.Random(seed)
    held = 0  # the version the file holds
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(held + 1)], stdout=subprocess.PIPE,
                                 text=True, env=env)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rnd.uniform(0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        announced = [int(line) for line in out.split()]
        project = load_project(path)  # loads: never half written
        n = int(project.title[1:])
        assert n in {held, *announced[-2:]}  # the last version saved, or the one being saved
        assert project.judgment(0, "goal", "service", "price") == 1 + n % 9 or n == 0
        bak = Path(str(path) + ".bak")
        assert load_project(bak).title in (f"v{k}" for k in range(n + 1))  # this or an earlier version, whole
        held = n
    for tmp in folder.glob(".p.ahp.toml.*.tmp"):  # what the kills left: removed once stale
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
    load_project(path).save()
    assert sorted(p.name for p in folder.iterdir()) == ["p.ahp.toml", "p.ahp.toml.bak", "p.ahp.toml.lock"]


def test_a_few_kills_during_saves_lose_nothing(tmp_path):
    kill_during_saves(tmp_path, kills=4, seed=1)


@pytest.mark.slow
def test_200_kills_during_saves_lose_nothing(tmp_path):
    kill_during_saves(tmp_path, kills=200, seed=2)

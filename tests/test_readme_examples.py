"""The README's examples are real runs (as ruff's docs are): every indented line that
starts with `$ ` is run with bash in the repository root, `cleanmt` being this
checkout's command, and its output (stdout and stderr together) must be the lines
shown under it. `python tests/test_readme_examples.py --update` rewrites them.

Also: the Python API example prints what its comments say, and the datatrove
example starts its executor only under `if __name__ == "__main__":`."""
from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COMMAND = re.compile(r"^(?P<indent> {4,})\$ (?P<cmd>.+)$")


def examples(text: str):
    """(first line index, last line index + 1, indent, command, shown output lines)."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        m = COMMAND.match(lines[i])
        if not m:
            i += 1
            continue
        indent, start = m.group("indent"), i
        i += 1
        shown = []
        while i < len(lines) and not COMMAND.match(lines[i]):
            ln = lines[i]
            if ln.startswith(indent):
                shown.append(ln[len(indent):])
            elif ln.strip() == "" and i + 1 < len(lines) and lines[i + 1].startswith(indent) \
                    and not COMMAND.match(lines[i + 1]):
                shown.append("")  # a blank line inside the output
            else:
                break
            i += 1
        out.append((start, i, indent, m.group("cmd"), shown))
    return out


def run(cmd: str, bindir: Path) -> list[str]:
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "COLUMNS": "100"}
    p = subprocess.run(["bash", "-c", cmd], cwd=ROOT, env=env, capture_output=False,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return p.stdout.decode("utf-8").rstrip("\n").split("\n")


def command_dir(tmp: Path) -> Path:
    """A `cleanmt` on PATH that runs this checkout with this interpreter."""
    tmp.mkdir(parents=True, exist_ok=True)
    exe = tmp / "cleanmt"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m cleanmt "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    return tmp


def test_readme_has_shell_examples():
    assert len(examples(README.read_text(encoding="utf-8"))) >= 10


@pytest.mark.parametrize("index", range(len(examples(README.read_text(encoding="utf-8")))))
def test_readme_shell_example_output_is_real(index, tmp_path):
    _, _, _, cmd, shown = examples(README.read_text(encoding="utf-8"))[index]
    assert run(cmd, command_dir(tmp_path)) == shown, f"README example: $ {cmd}"


def _code_block(text: str, after: str) -> str:
    start = text.index("```python", text.index(after)) + len("```python\n")
    return text[start:text.index("```", start)]


def test_python_api_example_prints_what_its_comments_say():
    block = _code_block(README.read_text(encoding="utf-8"), "### Python API reference")
    claims = [(m.group(1), m.group(2)) for m in re.finditer(r"^print\((.+?)\)\s+# (.+)$", block, re.M)]
    assert len(claims) >= 3
    env: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(block, env)
    for expr, shown in claims:
        assert str(eval(expr, env)) == shown


def test_api_reference_names_every_public_name():
    import cleanmt

    text = README.read_text(encoding="utf-8")
    ref = text[text.index("### Python API reference"):text.index("### JSON Lines streams")]
    for name in cleanmt.__all__:
        assert f"cleanmt.{name}" in ref, name


def test_datatrove_example_starts_workers_only_from_main():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### datatrove blocks"):text.index("## Dependencies")]
    for block in re.findall(r"```python\n(.*?)```", section, re.S):
        compile(block, "README", "exec")
        for m in re.finditer(r"^(\s*).*Executor\(.*\)\.run\(\)", block, re.M):
            assert m.group(1), "an executor .run() outside the __main__ guard"
        assert 'if __name__ == "__main__":' in block


def update() -> None:
    text = README.read_text(encoding="utf-8")
    lines = text.split("\n")
    bindir = command_dir(Path(os.environ.get("TMPDIR", "/tmp")) / f"cleanmt-readme-{os.getpid()}")
    for start, end, indent, cmd, _ in reversed(examples(text)):
        got = run(cmd, bindir)
        lines[start + 1:end] = [indent + ln if ln else "" for ln in got]
    README.write_text("\n".join(lines), encoding="utf-8")
    print(f"{README}: {len(examples(text))} examples")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit(pytest.main([__file__, "-q"]))

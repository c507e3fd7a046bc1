"""Hostile input and odd environments: no hangs, no tracebacks, nothing clobbered.

Each case is what a user (or an attacker's data file) can do; each answer is one located line and a
non-zero exit. Processes are run for real where the point is the process: its streams, its signals,
its exit code. A timeout on a subprocess is a guard against a hang, not a timing assertion.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from conftest import FIXTURES, PLAN, Invoke, Write

import ipcompare
from ipcompare import files, loader

#: The command as users run it (the console script's entry point, without the launcher pip writes).
COMMAND = [sys.executable, "-m", "ipcompare"]
Completed = subprocess.CompletedProcess[str]

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
? *i
: x
"""


def run(*args: str, env: dict[str, str] | None = None, stdout: int | IO[str] = subprocess.PIPE) -> Completed:
    environment = {k: v for k, v in os.environ.items() if k != "IPCOMPARE_DATA"} | (env or {})
    return subprocess.run(
        [*COMMAND, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        timeout=60,
        check=False,
    )


def shell(script: str, *args: str) -> Completed:
    """`script` run by sh with `args` as "$@": for what only a shell sets up (a closed descriptor, a removed folder)."""
    return subprocess.run(["sh", "-c", script, "sh", *args], capture_output=True, text=True, timeout=60, check=False)


def one_line(stderr: str) -> str:
    """The single line a failure prints; fails the test on a traceback or a second line."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- parser attacks -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BILLION_LAUGHS, 5, "aliases expand to more than 10,000 values"),
        ("a: &a [1, 2]\n? *a\n: x\n", 2, "a key must be text, not alias *a to a list or mapping"),
        ("plans:\n  - ? [1, 2]\n    : x\n", 2, "a key must be text, not a list or mapping"),
        ("[" * 100_000, 1, "nested more than 32 levels deep"),
        ("[" * 300 + "]" * 300 + "\n", 1, "nested more than 32 levels deep"),
        ("plans:\n" + "".join("  " * i + "- \n" for i in range(1, 60)), 33, "nested more than 32 levels deep"),
        ("a: &a [*a]\n", 1, "alias *a is inside the node it names"),
    ],
    ids=["billion-laughs", "alias-key", "list-key", "100k-brackets", "300-closed", "block-nesting", "self-alias"],
)
def test_a_parser_attack_is_one_located_line(text: str, line: int, message: str, tmp_path: Path) -> None:
    path = tmp_path / "attack.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("--data", str(path), "plans", "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line(result.stderr).startswith(f"{path}:{line}: {message}")


def test_a_parser_attack_through_diff_file_plan(tmp_path: Path) -> None:
    path = tmp_path / "attack.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    result = run("diff", "taian-strong-city-draft", f"{path}:taian-strong-city")
    assert result.returncode == 1
    assert "aliases expand to more than" in one_line(result.stderr)


def test_a_merge_key_sharing_fields_still_loads(write: Write, invoke: Invoke) -> None:
    """`<<: *common` is a fair use of aliases: bounding them must not refuse it."""
    aliased = write(
        "metrics:\n"
        "  - &mine {id: my-metric, name_zh: 我的指标, name_en: Mine, unit: 件, higher_is_better: true}\n"
        "  - <<: *mine\n"
        "    id: my-other-metric\n"
        "    name_zh: 另一指标\n"
        "    name_en: Other\n"
    )
    result = invoke("--data", str(aliased), "metrics", "--format", "json")
    assert result.exit_code == 0, result.stderr
    other = next(m for m in json.loads(result.stdout) if m["id"] == "my-other-metric")
    assert other["unit"] == "件"


# -- files that are not files -------------------------------------------------------------------------------


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run("--data", str(fifo), "plans")
    assert result.returncode == 1
    assert one_line(result.stderr) == f"{fifo}: is a pipe, not a data file"


def test_a_device_is_refused(invoke: Invoke) -> None:
    result = invoke("--data", "/dev/zero", "plans")
    assert result.exit_code == 1
    assert one_line(result.stderr) == "/dev/zero: is a device or socket, not a data file"


def test_a_symlink_loop_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    result = invoke("--data", str(tmp_path / "a.yaml"), "plans")
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"{tmp_path / 'a.yaml'}: cannot read: Too many levels of symbolic links"


def test_a_symlink_loop_as_diffs_file_is_named_not_taken_for_a_git_revision(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = invoke("diff", "taian-strong-city-draft", f"{tmp_path / 'a'}:taian-strong-city")
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"{tmp_path / 'a'}: cannot read: Too many levels of symbolic links"


def test_a_data_file_larger_than_the_cap_is_not_read(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_DATA_BYTES", 2**20)
    big = write("# " + "x" * 2**20 + "\n")
    result = invoke("--data", str(big), "plans")
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"{big}: is larger than 1 MB: not read (too large for a data file)"


# -- messages that are one line and right ----------------------------------------------------------------


def test_a_nul_byte_is_one_line_at_its_line(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"plans:\n  - id: my-plan\x00\n")
    result = invoke("--data", str(path), "plans")
    assert result.exit_code == 1
    assert (
        one_line(result.stderr)
        == f"{path}:2: a NUL character is not allowed in a YAML file: remove it (is this a text file?)"
    )


def test_a_terminal_escape_in_a_file_is_named_by_its_code(invoke: Invoke, write: Write) -> None:
    path = write("plans:\n  - id: my-plan\n    title_zh: \x1b[31m红\n")
    result = invoke("--data", str(path), "plans")
    assert one_line(result.stderr).startswith(f"{path}:3: the control character U+001B is not allowed")


def test_an_unclosed_quote_is_reported_where_it_opens(invoke: Invoke, write: Write) -> None:
    path = write('plans:\n  - id: "my-plan\n    region: xiangyang\n\n')
    result = invoke("--data", str(path), "plans")
    assert result.exit_code == 1
    assert one_line(result.stderr) == (
        f"{path}:2: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts here)"
    )


def test_an_unclosed_bracket_is_reported_where_it_opens(invoke: Invoke, write: Write) -> None:
    path = write("plans:\n  - id: my-plan\n    aliases: [a, b\n")
    line = one_line(invoke("--data", str(path), "plans").stderr)
    assert line.startswith(f"{path}:3: YAML syntax error: ")


def test_a_missing_period_end_is_said_without_a_placeholder_year(invoke: Invoke, write: Write) -> None:
    path = write(PLAN.replace("end: 2025", "end: ~"))
    assert "end: ~" in path.read_text(encoding="utf-8")
    result = invoke("--data", str(path), "plans")
    assert result.exit_code == 1
    assert "missing field 'end'" in result.stderr
    assert "9999" not in result.stderr


# -- -o writes to the path ----------------------------------------------------------------------------------


def test_output_through_a_symlink_writes_its_target(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert invoke("plans", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("[")


def test_output_to_dev_null_leaves_it_a_device(invoke: Invoke) -> None:
    assert invoke("plans", "--format", "json", "-o", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_is_written_into_it(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert invoke("plans", "--format", "json", "-o", str(fifo)).exit_code == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b'"id": "china-14th-fyp"' in received[0]


def test_output_to_dev_stdout_goes_to_standard_output() -> None:
    result = run("plans", "--format", "json", "-o", "/dev/stdout")
    assert result.returncode == 0
    assert '"id": "china-14th-fyp"' in result.stdout


@pytest.fixture
def umask_022() -> object:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask_022")
def test_a_new_output_file_gets_the_umasks_mode(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "new.csv"
    assert invoke("plans", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.usefixtures("umask_022")
def test_an_existing_output_file_keeps_its_mode(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "shared.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o664)
    assert invoke("plans", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert out.read_text(encoding="utf-8").startswith("id,")


def test_a_write_only_output_file_is_written_not_called_unreadable(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "drop.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o200)
    result = invoke("plans", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "readable" not in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o200
    out.chmod(0o600)
    assert out.read_text(encoding="utf-8").startswith("[")


def test_ctrl_c_while_writing_leaves_the_old_file_and_no_temporary_one(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_sync", interrupted)
    result = invoke("plans", "-o", str(out))
    assert result.exit_code == 130
    assert result.stderr == "ipcompare: interrupted\n"
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_failed_write_leaves_no_temporary_file(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.json"

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_sync", full)
    result = invoke("plans", "-o", str(out))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"ipcompare: error: cannot write {out}: No space left on device"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_an_empty_result_replaces_the_previous_file(invoke: Invoke, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "hvp.txt"
    out.write_text("the previous report, with figures", encoding="utf-8")
    result = invoke("metric", "high-value-patents", "--year", "1999", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    assert "no targets for high-value-patents match these options" in result.stderr
    written = out.read_text(encoding="utf-8")
    assert "previous report" not in written
    assert "Region" in written  # the table's header, with no rows under it


def test_output_to_a_directory_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("plans", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"ipcompare: error: cannot write {tmp_path}: it is a directory"


# -- output that cannot be written ----------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_file_dev_full_is_one_line_and_stays_a_device() -> None:
    result = run("plans", "--format", "json", "-o", "/dev/full")
    assert result.returncode == 1
    assert one_line(result.stderr) == "ipcompare: error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["plans", "--format", "json"], ["plans"], ["compare", "-h"], ["--version"]])
def test_standard_output_on_dev_full_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full)
    assert result.returncode == 1
    assert one_line(result.stderr) == "ipcompare: error: cannot write to standard output: No space left on device"


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_cannot_show_chinese_is_told_so(encoding: str) -> None:
    result = run("metric", "trademarks", "--format", "json", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line(result.stderr) == (
        f"ipcompare: error: standard output cannot show Chinese text (its encoding is {encoding}): "
        "set PYTHONIOENCODING=utf-8, or write a file with -o"
    )


@pytest.mark.parametrize("args", [["metric", "trademarks", "--format", "markdown"], ["-h"], ["show", "襄阳"]])
def test_a_reader_that_stops_early_is_success_every_time(args: list[str]) -> None:
    """`| head` exits 0 whether or not the output still fitted in the pipe: as ripgrep does."""
    for _ in range(3):
        process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(1)
        process.stdout.close()
        errors = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
        assert errors == ""


# -- Ctrl-C --------------------------------------------------------------------------------------------------


def _startup_seconds() -> float:
    """How long Python takes to start and import what pip's launcher imports, before ipcompare's code runs."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import re"], check=True)
    return time.perf_counter() - start


def _frames_in_ipcompare(traceback: bytes) -> list[str]:
    """The frames of a traceback in ipcompare's own files (not Python's, nor the console script's)."""
    package = str(Path(ipcompare.__file__).parent) + os.sep
    frames = re.findall(r'File "([^"]+)"', traceback.decode(errors="replace"))
    return [f for f in frames if f.startswith(package)]


def test_ctrl_c_at_any_moment_after_start_up_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """From ipcompare's first line on (the interpreter's own start-up is Python's), while modules load and while
    the command runs: `ipcompare: interrupted`, exit 130, no traceback, no temporary file."""
    script = Path(sys.executable).with_name("ipcompare")
    command = [str(script)] if script.exists() else COMMAND
    first = 2 * _startup_seconds()
    for step in range(12):
        process = subprocess.Popen(
            [*command, "metric", "trademarks", "-o", str(tmp_path / "out.csv")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(first + step * 0.03)
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=60)
        if process.returncode == 0:  # it had finished
            continue
        if process.returncode == -signal.SIGINT:  # killed before ipcompare's first line: what the shell shows
            # as 130 too, with nothing printed (before Python had started) or Python's own traceback of its start-up
            # and of the console script's first imports (a loaded machine starts slower than measured above)
            assert errors == b"" or not _frames_in_ipcompare(errors), errors
            continue
        assert process.returncode == 130, errors
        assert errors.decode() == "ipcompare: interrupted\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- help that teaches ---------------------------------------------------------------------------------------

COMMANDS = ["plans", "show", "metrics", "metric", "compare", "diff", "progress", "extract", "validate", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_has_examples_and_no_python_types(invoke: Invoke, command: str) -> None:
    short, long = invoke(command, "-h"), invoke(command, "--help")
    assert short.exit_code == 0
    assert short.stdout == long.stdout
    usage = short.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: ipcompare {command} [OPTIONS]")
    assert not re.search(r"<(list|str|Path|int)\b|\{[A-Z]", short.stdout), short.stdout
    examples = short.stdout.split("Examples:\n", 1)[1].splitlines()
    assert examples and all(line.strip().startswith("ipcompare ") for line in examples if line.strip())
    assert any(f" {command}" in line for line in examples)


def _examples(invoke: Invoke, command: str) -> list[list[str]]:
    text = invoke(command, "-h").stdout.split("Examples:\n", 1)[1]
    return [line.split()[1:] for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_example_in_the_help_runs(
    invoke: Invoke, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The examples name files an analyst would have: here they are made from the test fixtures."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "final.yaml").write_text((FIXTURES / "taian_final.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    nxt = (FIXTURES / "inner_mongolia_14th.yaml").read_text(encoding="utf-8")
    (tmp_path / "next.yaml").write_text(nxt.replace("inner-mongolia-14th-made-up", "inner-mongolia-14th-fyp"), "utf-8")
    (tmp_path / "plan.html").write_text("<p>到2025年，每万人口高价值发明专利拥有量达到12件。</p>", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "documents").mkdir()
    for args in _examples(invoke, command):
        if any(a.endswith(".docx") for a in args):
            pytest.importorskip("docx")
            _docx(tmp_path / "plan.docx")
        if "--rev" in args:
            continue  # needs a git checkout of the data: tests/test_diff.py runs --rev
        result = invoke(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)  # validate --strict and diff may exit 1 by design
        assert "Traceback" not in result.stderr
        assert result.stdout or any(a in ("-o", "--output") for a in args) or command == "validate", args


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("到2025年，每万人口高价值发明专利拥有量达到12件。")
    document.save(str(path))


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o default -F"), ("zsh", "compdef ")])
def test_completion_scripts_for_bash_and_zsh(shell: str, marker: str) -> None:
    result = run("--show-completion", shell, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    assert "_IPCOMPARE_COMPLETE" in result.stdout


def test_completion_installs_for_bash(tmp_path: Path) -> None:
    result = run(
        "--install-completion",
        "bash",
        env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "ipcompare" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_completion_completes_commands_and_formats() -> None:
    env = {"_IPCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "ipcompare met", "COMP_CWORD": "1"}
    assert run(env=env).stdout.split() == ["metrics", "metric"]
    env |= {"COMP_WORDS": "ipcompare metric --format ", "COMP_CWORD": "3"}
    assert run(env=env).stdout.split() == ["table", "markdown", "csv", "json"]


def test_completion_completes_the_names_in_the_data() -> None:
    env = {"_IPCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "ipcompare metric high-v", "COMP_CWORD": "2"}
    assert run(env=env).stdout.split() == ["high-value-patents"]
    env |= {"COMP_WORDS": "ipcompare show xi", "COMP_CWORD": "2"}
    assert run(env=env).stdout.split() == ["xiangyang-14th-fyp"]
    env |= {"COMP_WORDS": "ipcompare compare xiangyang t", "COMP_CWORD": "3"}
    assert run(env=env).stdout.split() == ["taian"]


def test_completion_with_broken_data_completes_nothing_and_says_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("plans: [\n", encoding="utf-8")
    env = {"_IPCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "ipcompare show xi", "COMP_CWORD": "2"}
    result = run(env=env | {"IPCOMPARE_DATA": str(broken)})
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


def test_the_library_imports_lightly() -> None:
    """`import ipcompare` (and so the command's entry point) loads no YAML parser or CLI library until used."""
    code = "import sys, ipcompare; print(sorted(m for m in ('yaml', 'typer', 'rich') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"
    assert ipcompare.load is loader.load


# -- found by a hostile review beyond the list ---------------------------------------------------------


def test_a_write_protected_output_file_is_refused_as_the_shell_does(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kept.json"
    out.write_text("keep", encoding="utf-8")
    out.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root may write anything: be a user
    result = invoke("plans", "-o", str(out))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"ipcompare: error: cannot write {out}: Permission denied"
    assert out.read_text(encoding="utf-8") == "keep"


def test_a_hard_linked_output_file_is_written_for_every_name(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    other = tmp_path / "also.json"
    os.link(out, other)
    assert invoke("plans", "-o", str(out)).exit_code == 0
    assert other.read_text(encoding="utf-8").startswith("[")
    assert out.stat().st_ino == other.stat().st_ino


@pytest.mark.parametrize(("value", "said"), [("newdir/", "'newdir/' is not a file name (it ends in /)"), ("", "''")])
def test_an_output_name_that_is_no_file_name_is_a_usage_error(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("plans", "-o", value)
    assert result.exit_code == 2
    assert said in one_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_output_over_a_file_being_read_is_refused(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    mine = write(PLAN)
    result = invoke("--data", str(mine), "plans", "-o", str(mine))
    assert result.exit_code == 1
    assert one_line(result.stderr) == (
        f"ipcompare: error: cannot write {mine}: it is one of the files this command reads; write to another file"
    )
    assert mine.read_text(encoding="utf-8") == PLAN
    document = tmp_path / "plan.txt"
    document.write_text("到2025年，有效注册商标量达到9万件。", encoding="utf-8")
    assert invoke("extract", str(document), "-o", str(document)).exit_code == 1
    assert document.read_text(encoding="utf-8") == "到2025年，有效注册商标量达到9万件。"


def test_a_file_name_that_is_not_utf8_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    document = os.fsencode(tmp_path) + b"/plan\xff.txt"
    with open(document, "wb") as handle:
        handle.write("到2025年，有效注册商标量达到9万件。".encode())
    name = os.fsdecode(document)
    for extra in (["-o", str(tmp_path / "draft.yaml")], []):
        result = run("extract", name, *extra)
        assert result.returncode == 1
        assert "is not UTF-8 text" in one_line(result.stderr)
    assert not (tmp_path / "draft.yaml").exists()


@pytest.mark.parametrize("columns", ["0", "²", "-5", "abc", "9" * 5000, "99999999999"])
def test_any_columns_value_draws_a_table(columns: str) -> None:
    result = run("metric", "trademarks", env={"COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "85,000 件" in result.stdout


def test_columns_zero_on_a_terminal_draws_a_table() -> None:
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "IPCOMPARE_DATA"} | {"COLUMNS": "0"}
    process = subprocess.Popen([*COMMAND, "plans"], stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    shown = b""
    with contextlib.suppress(OSError):  # the terminal closes when the process ends
        while chunk := os.read(leader, 65536):
            shown += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    assert process.stderr is not None and process.stderr.read() == b""
    assert "Plans in the dataset" in shown.decode("utf-8", "replace")


def test_a_closed_standard_output_is_one_line() -> None:
    result = shell('exec "$@" >&-', *COMMAND, "plans", "--format", "json")
    assert result.returncode == 1
    assert one_line(result.stderr) == "ipcompare: error: cannot write to standard output: it is closed"


def test_git_settings_of_a_data_files_repository_run_nothing(tmp_path: Path) -> None:
    """`diff HEAD:PLAN` runs git in the data file's folder: that repository's hooks must not run."""
    repo = tmp_path / "theirs"
    repo.mkdir()
    (repo / "mine.yaml").write_text(PLAN, encoding="utf-8")
    marker = tmp_path / "ran"

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "mine.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    git("config", "core.fsmonitor", f"touch {marker}; false")
    result = run("--data", str(repo / "mine.yaml"), "diff", "HEAD:my-plan", "my-plan")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


def test_a_damaged_pdf_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    fake = tmp_path / "plan.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    result = run("extract", str(fake))
    assert result.returncode == 1
    assert one_line(result.stderr).startswith(f"{fake}: not a readable PDF")


@pytest.mark.parametrize("name", ["bad\nname.txt", "nodir/\x1b[31mRED.txt"])
def test_a_file_name_with_a_newline_or_escape_is_shown_not_obeyed(invoke: Invoke, name: str) -> None:
    result = invoke("extract", name)
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert "\x1b" not in line
    assert line.endswith(": no such file")


def test_a_removed_current_folder_is_said(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    result = shell('cd "$1" && rmdir "$1" && shift && exec "$@"', str(gone), *COMMAND, "plans", "-o", "x.csv")
    assert result.returncode == 1
    assert one_line(result.stderr) == "ipcompare: error: the current folder no longer exists: cd to one that does"


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u2028"])
def test_text_that_reorders_or_breaks_lines_on_screen_is_refused(invoke: Invoke, write: Write, character: str) -> None:
    mine = write(PLAN.replace("title_zh: 我的规划", f'title_zh: "我的{character}规划"'))
    result = invoke("--data", str(mine), "plans")
    assert result.exit_code == 1
    assert f"{mine}:4: plan 'my-plan': title_zh contains a control character" in result.stderr


def test_html_in_data_is_text_in_markdown(invoke: Invoke, write: Write) -> None:
    mine = write(PLAN.replace("title_en: My plan", "title_en: <script>alert(1)</script> & more"))
    result = invoke("--data", str(mine), "plans", "--format", "markdown", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert not re.search(r"(?<!\\)[<&]", result.stdout)  # every < and & is escaped: no tag, no entity
    assert r"\<script>alert(1)\</script> \& more" in result.stdout


def test_a_source_that_is_a_pipe_or_too_long_a_name_is_located(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    mine = write(PLAN.replace("    targets:", "    source: pipe.txt\n    targets:"))
    result = invoke("validate", str(mine), "--sources", str(tmp_path))
    assert result.exit_code == 1
    assert "is a pipe, not a document" in result.stderr
    long = write(PLAN.replace("    targets:", f"    source: {'x' * 5000}.txt\n    targets:"), "long.yaml")
    result = invoke("validate", str(long), "--sources", str(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert f"{long}:" in result.stderr and "not found" in result.stderr


def test_a_number_longer_than_any_figure_is_not_read(invoke: Invoke, tmp_path: Path) -> None:
    """400 nines are no figure (and no float): nothing is read from them, and the JSON stays JSON."""
    document = tmp_path / "plan.txt"
    document.write_text(
        "到2025年，每万人口高价值发明专利拥有量达到" + "9" * 400 + "件。有效注册商标量达到9万件。", "utf-8"
    )
    result = invoke("extract", str(document), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["metric"], r["value"]) for r in rows if r["role"] != "unread"] == [("trademarks", 9)]
    [unread] = [r for r in rows if r["role"] == "unread"]  # said, not dropped
    assert unread["notes"] == ["a number larger than any figure a plan states"] and "9" * 400 in unread["quote"]


@pytest.mark.parametrize(
    "number",
    [str(10**309), "9" * 5000, "0" + "7" * 400, "1" + ":59" * 200, "123456789012345678"],
    ids=["309-digits", "5000-digits", "octal-400", "base-60", "18-digits"],
)
def test_a_number_too_large_for_any_figure_is_one_located_line(invoke: Invoke, write: Write, number: str) -> None:
    mine = write(PLAN.replace("value: 9", f"value: {number}"))
    result = invoke("--data", str(mine), "plans")
    assert result.exit_code == 1
    assert "is too large to be a figure a plan states" in one_line(result.stderr)
    assert one_line(result.stderr).startswith(f"{mine}:")
    assert len(one_line(result.stderr)) < 300  # the number is shortened, not printed whole


def test_nested_merge_keys_are_not_duplicate_keys(write: Write) -> None:
    text = "metrics: []\nc: &c {x: 1}\na: {<<: &b {<<: *c, x: 2}}\nd: *b\n"
    tree, problems = loader.read_yaml_text(text, "nested.yaml")
    assert problems == []
    assert tree["a"] == tree["d"] == {"x": 2}


def test_completion_with_a_number_too_large_completes_nothing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(f"schema: {10**309}\n", encoding="utf-8")
    env = {"_IPCOMPARE_COMPLETE": "complete_bash", "COMP_WORDS": "ipcompare show xi", "COMP_CWORD": "2"}
    result = run(env=env | {"IPCOMPARE_DATA": str(big)})
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="a platform that can hold a signal back")
def test_ctrl_c_while_a_temporary_file_is_made_comes_once_its_name_is_known() -> None:
    """Between mkstemp and storing its name for the cleanup, Ctrl-C would leave the file behind: it waits."""
    reached = []
    with pytest.raises(KeyboardInterrupt), files.interrupts_held():
        os.kill(os.getpid(), signal.SIGINT)
        reached.append("the name is stored")  # still runs: the interrupt is held until the block ends
    assert reached == ["the name is stored"]

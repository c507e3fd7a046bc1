"""Command line: parses options and calls the library; all output goes through render.render().

Errors end in one place, `_Group.main` (as httpie's core.raw_main): the library raises DataError,
UsageError or OutputError in its own words, and `_report` prints one line per problem, names the
option a parameter came from, and returns the exit code (errors.ExitCode). Never a traceback.
"""

# No `from __future__ import annotations` here: Typer reads the commands' signatures at every start, and
# an annotation kept as a string costs an eval (and a compile) each time, ~2 ms a start.

import gc
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from . import __version__
from .coercion import quicken
from .controls import escape_controls
from .environment import DATA_ENV, NO_CACHE_ENV
from .errors import DataError, ExitCode, IpcompareError, OutputError, Problem, UnknownName, UsageError
from .files import encoded, write_output
from .labels import Lang, label
from .model import Dataset, Level, Status
from .records import record
from .render import Format, render
from .tables import Table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .index import Source

PROG = "ipcompare"

#: The option a library parameter comes from, where it is an option (a name given as an argument is
#: already in the message). Some depend on the command: `metric` filters with --region, `compare`
#: takes its regions as arguments.
_OPTIONS: dict[str, str] = {
    "explain": "--explain",
    "wide": "--wide",
    "min_regions": "--min-regions",
    "select": "--select",
    "ignore": "--ignore",
    "unit": "--unit",
    "per_capita": "--per-capita",
    "excel": "--excel",
    "sources": "--sources",
    "rev": "--rev",
}
_COMMAND_OPTIONS: dict[str, dict[str, str]] = {"metric": {"region": "--region"}, "compare": {"metric": "--metric"}}
#: What the command line adds to a library error that names a remedy.
_REMEDIES: dict[str, str] = {
    "list-plans": "; 'ipcompare plans' lists them",
    "per_capita": " (--per-capita)",
    "data": f"; name a file with --data or {DATA_ENV}",
    "checkout-data": "; in a checkout, use --no-bundled --data data/targets.yaml",
}


def _click_exception() -> type[Exception]:
    """Typer bundles its own Click; find its exception base without importing any click."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _Failed(Exception):
    """An ipcompare error on its way out of a command, with the command it came from."""

    def __init__(self, error: IpcompareError, command: str | None) -> None:
        super().__init__(str(error))
        self.error, self.command = error, command


class _PipeClosed(Exception):
    """Standard output's reader has gone (| head)."""


class _Interrupted(Exception):
    """Ctrl-C, carried past Click."""


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's last flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # AttributeError: standard output was closed from the start
        pass


def _say(line: str) -> None:
    """One line on standard error: a file name with a newline or a terminal escape in it is shown, not obeyed."""
    if sys.stderr is None:  # started with standard error closed (2>&-)
        return
    sys.stderr.write(escape_controls(line).replace("\n", "\\n") + "\n")


def _report(error: IpcompareError, command: str | None) -> ExitCode:
    """The one place an error becomes output and an exit code."""
    if isinstance(error, DataError):
        for problem in error.problems:
            _say(str(problem))
        if error.summary:
            _say(f"{PROG}: {error.summary}")
        return ExitCode.ERROR
    message = str(error)
    if isinstance(error, UsageError):
        option = {**_OPTIONS, **_COMMAND_OPTIONS.get(command or "", {})}.get(error.about or "")
        message = f"{option}: {message}" if option else message
        message += _REMEDIES.get(error.remedy or "", "")
    _say(f"{PROG}: error: {message}")
    return ExitCode.USAGE if isinstance(error, UsageError) else ExitCode.ERROR


@contextmanager
def _carried(ctx: Any) -> Iterator[None]:
    """Carries what ends a command past Click (which would exit 1 for a closed pipe, or print an empty line
    for Ctrl-C) to `_Group.main`, which reports it."""
    try:
        yield
    except IpcompareError as error:
        raise _Failed(error, _command(ctx)) from error
    except BrokenPipeError:
        raise _PipeClosed from None
    except OSError as e:  # Click printing help to a full disk; every file the library opens is its own error
        where = f"{e.filename}: " if e.filename else "cannot write to standard output: "
        raise _Failed(_StdoutFailed(f"{where}{e.strerror or e}"), _command(ctx)) from None
    except KeyboardInterrupt:
        raise _Interrupted from None


def _command(ctx: Any) -> str | None:
    """The command being run, once Click has chosen it (it is not known while the options are parsed)."""
    return getattr(ctx, "invoked_subcommand", None)


class _Group(TyperGroup):
    """Turns Click's multi-line usage errors into one line, with the option it is about, and every
    ipcompare error into its message and exit code."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _carried(None):  # --help and --version print while the options are parsed
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        with _carried(ctx):
            return super().invoke(ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        click_error = _click_exception()
        _INPUTS.clear()
        try:
            os.getcwd()
        except OSError:
            _say(f"{PROG}: error: the current folder no longer exists: cd to one that does")
            code: Any = ExitCode.ERROR
        else:
            code = self._run(args, prog_name, complete_var, windows_expand_args, click_error, **extra)
        if not standalone_mode:
            return code
        sys.exit(int(code) if isinstance(code, int) else ExitCode.OK)

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        windows_expand_args: bool,
        click_error: type[Exception],
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except _Failed as failed:
            if isinstance(failed.error, _StdoutFailed):
                _silence_stdout()
            code = _report(failed.error, failed.command)
        except _PipeClosed:
            # The reader stopped reading (| head): what it read was right, so this is success, every time,
            # whether or not the output still fit in the pipe (as ripgrep does).
            _silence_stdout()
            code = ExitCode.OK
        except click_error as e:
            message = e.format_message()  # type: ignore[attr-defined]
            ctx = getattr(e, "ctx", None)
            command = ctx.command_path if ctx is not None else PROG
            _say(f"{PROG}: error: {message} (see '{command} --help')")
            code = getattr(e, "exit_code", ExitCode.USAGE)
        except (typer.Abort, _Interrupted, KeyboardInterrupt):
            _say(f"{PROG}: interrupted")
            code = ExitCode.INTERRUPTED
        return code


class _Command(TyperCommand):
    """Help as a user reads it: `REGION...` rather than Typer's `{REGION...}... <list[str]>`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            pieces += [_argument_name(param)] if isinstance(param, TyperArgument) else param.get_usage_pieces(ctx)
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_argument_name(param).strip("[]"), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: TyperArgument) -> str:
    """REGION... for a list, [FILE...] when it may be left out: the metavar, not the Python type."""
    name = (param.metavar or (param.name or "").upper()).strip("[]")  # brackets are added here, once
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if param.required else f"[{name}]"


def _examples(*lines: str) -> str:
    """A command's examples, shown at the end of its --help as written (\b keeps Click from rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="Compare the quantified targets of Chinese IP plans across regions and plan versions.",
    rich_markup_mode=None,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_examples(
        "ipcompare metric 高价值发明专利",
        "ipcompare compare 襄阳 泰安 青海 --national",
        "ipcompare show 襄阳 --format markdown",
        "ipcompare COMMAND -h          (each command's options and examples)",
    ),
)


@record(frozen=False, kw_only=False)
class Settings:
    data: list[Path]
    bundled: bool
    cache: bool = True

    def load(self, extra: Sequence[Path] = ()) -> Dataset:
        """The whole dataset, read directly from the files (validate and extract, which need their lines)."""
        from .loader import load

        dataset = load([*self.data, *extra], bundled=self.bundled)
        _read(dataset.files)  # every file the dataset came from, the shipped one and IPCOMPARE_DATA's too
        return dataset

    def source(self) -> "Source":
        """The data, through the index (index.py) unless --no-cache."""
        from .index import open_source

        source = open_source(self.data, bundled=self.bundled, cache=self.cache)
        _read(source.files)
        if source.note:
            _say(f"{PROG}: note: {source.note}")
        return source


#: The files this run reads (data files, documents): -o must not write over one of them.
_INPUTS: list[str | Path] = []


def _read(paths: Sequence[str | Path]) -> None:
    _INPUTS.extend(paths)  # their real paths only when something is written (thousands of files cost ~40 ms)


def _not_an_input(path: Path) -> None:
    """An output file is never one of the files being read (a typo away from `--data mine.yaml -o mine.yaml`)."""
    if os.path.realpath(path) in {os.path.realpath(p) for p in _INPUTS}:
        raise OutputError(f"cannot write {path}: it is one of the files this command reads; write to another file")


def _write(path: Path, text: str) -> None:
    """-o FILE."""
    _not_an_input(path)
    write_output(path, text)


def _output_path(value: str | None) -> Path | None:
    """-o's value as a path; a name ending in / names a folder, which the shell's > refuses too."""
    if value is None:
        return None
    if not value or value.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{value!r} is not a file name" + (" (it ends in /)" if value else ""))
    return Path(value)


def _version(value: bool) -> None:
    if value:
        _stdout(f"{PROG} {__version__}\n")
        raise typer.Exit(int(ExitCode.OK))


def _names(kind: str) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion of plan, metric or region ids (with their Chinese name as the help), from the shipped
    data and IPCOMPARE_DATA; data that does not load completes nothing rather than failing."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        from .loader import load

        try:
            data = load()
        except Exception:  # completion runs at every TAB: it may say nothing, but never a traceback
            return []
        items: list[tuple[str, str]] = {
            "plan": [(p.id, p.title_zh) for p in data.plans],
            "metric": [(m.id, m.name_zh) for m in data.metrics],
            "region": [(r.id, r.name_zh) for r in data.regions],
        }[kind]
        return [(ident, help) for ident, help in items if ident.startswith(incomplete)]

    return complete


DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        metavar="FILE",
        help="Add a data file, or a folder of them, of your own (repeatable). "
        f"{DATA_ENV} adds files too, separated by '{os.pathsep}'.",
    ),
]
NoBundledOption = Annotated[
    bool, typer.Option("--no-bundled", help="Leave out the shipped dataset (for a complete dataset of your own).")
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar=NO_CACHE_ENV,
        help=f"Read the data files directly, not through the index in the cache folder ({NO_CACHE_ENV}=1 too).",
    ),
]


@app.callback()
def _options(
    ctx: typer.Context,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Compare the quantified targets of Chinese IP plans across regions and plan versions.

    --data and --no-bundled work before the command and after it.
    """
    ctx.obj = Settings(list(data or []), not no_bundled, not no_cache)
    if ctx.invoked_subcommand is None:
        _stdout(ctx.get_help() + "\n")
        raise typer.Exit(int(ExitCode.OK))


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format: a table on the terminal, or markdown, csv, json "
        "(default: from the -o file's extension, .md .csv .json, else a table).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of standard output.",
        parser=_output_path,  # written, not read: a write-only file is fine; a name ending in / is not
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option("--excel", help="With CSV: start with a byte-order mark so Excel and WPS read Chinese."),
]
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language of headers and names (default: names in both, headers in English)."),
]
YearOption = Annotated[int | None, typer.Option("--year", metavar="YEAR", help="Only targets for this year.")]
ExactOption = Annotated[
    bool, typer.Option("--exact", help="Only the metric's own targets, not those of the metrics that are part of it.")
]
PerCapitaOption = Annotated[
    bool, typer.Option("--per-capita", help="Divide counts and money by population: per 10k people.")
]
AllOption = Annotated[bool, typer.Option("--all", help="Also list the qualitative targets (a direction, no number).")]

#: The format an output file's extension asks for, when --format is not given.
_SUFFIX_FORMATS = {".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN, ".csv": Format.CSV, ".json": Format.JSON}


def _wrote(path: Path, line: str) -> None:
    """Say what was written on standard output, or on standard error when the file written is standard output
    itself (-o /dev/stdout): the line would otherwise end up inside the report or the database."""
    try:
        same = os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno())) if sys.stdout is not None else False
    except (OSError, ValueError, AttributeError):  # no descriptor behind sys.stdout (a test's capture)
        same = False
    if same:
        _say(line)
    else:
        _stdout(line + "\n")


def _stdout(text: str) -> None:
    """Everything a command prints goes out here, in one write, so that it goes out whole or not at all."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise _StdoutFailed("cannot write to standard output: it is closed")
    encoded(text, "standard output")  # a file name that is not UTF-8 is said, not written half-encoded
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        raise OutputError(
            f"standard output cannot show Chinese text (its encoding is {encoding}): "
            "set PYTHONIOENCODING=utf-8, or write a file with -o"
        ) from None
    except BrokenPipeError:
        raise  # the reader has gone (| head): _Group.main ends quietly
    except OSError as e:
        raise _StdoutFailed(f"cannot write to standard output: {e.strerror or e}") from None


class _StdoutFailed(OutputError):
    """Standard output itself failed (a full disk, /dev/full): nothing more can be written to it."""


@record(kw_only=False)
class Output:
    """The output options every listing command shares: one format choice, one destination, one language."""

    fmt: Format | None
    path: Path | None
    excel: bool = False
    lang: Lang | None = None

    @property
    def format(self) -> Format:
        if self.fmt is not None:
            return self.fmt
        if self.path is not None:
            return _SUFFIX_FORMATS.get(self.path.suffix.lower(), Format.TABLE)
        return Format.TABLE

    def emit(self, table: Table[Any], empty: str | None = None) -> None:
        """Every listing command ends here. With no rows, `empty` is said on stderr; a machine format still
        gets its empty document ([])."""
        fmt = self.format
        if self.excel and fmt != Format.CSV:
            inferred = self.fmt is None and self.path is not None
            given = f"{fmt.value} (from {self.path})" if inferred else f"--format {fmt.value}"
            raise UsageError(f"only with --format csv, not {given}", "excel")
        if not table.rows and empty:
            _say(f"{PROG}: {empty}")
            if fmt in (Format.TABLE, Format.MARKDOWN) and self.path is None:
                return  # on the screen the message says it all; a file gets the empty table, not stale content
        terminal = self.path is None and sys.stdout is not None and sys.stdout.isatty()
        buffer = io.StringIO()
        render(table, fmt, buffer, terminal=terminal, excel=self.excel)
        if self.path is None:
            _stdout(buffer.getvalue())
        else:
            _write(self.path, buffer.getvalue())


def _settings(ctx: typer.Context, data: list[Path] | None, no_bundled: bool, no_cache: bool) -> Settings:
    """The global options merged with the same options given after the command."""
    settings = ctx.find_object(Settings) or Settings([], True)
    return Settings(
        [*settings.data, *(data or [])], settings.bundled and not no_bundled, settings.cache and not no_cache
    )


@app.command(
    cls=_Command, epilog=_examples("ipcompare plans", "ipcompare plans --lang zh --format csv --excel -o plans.csv")
)
def plans(
    ctx: typer.Context,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """List the plans: region, level, title, status (drafts marked), issue date, period, target counts."""
    from .tables.catalogue import plans_table

    out = Output(fmt, output, excel, lang)
    dataset, counts = _settings(ctx, data, no_bundled, no_cache).source().listing()
    out.emit(plans_table(dataset, lang, counts))


@app.command(
    cls=_Command, epilog=_examples("ipcompare show 襄阳", "ipcompare show taian-strong-city-draft --format markdown")
)
def show(
    ctx: typer.Context,
    plan: Annotated[
        str,
        typer.Argument(
            metavar="PLAN",
            help="Plan id, or a region's name when it has one plan (襄阳).",
            autocompletion=_names("plan"),
        ),
    ],
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Show every target and baseline of one plan, with unit, year, kind, baseline and quote."""
    from .tables.catalogue import show_table

    out = Output(fmt, output, excel, lang)
    dataset, (chosen,) = _settings(ctx, data, no_bundled, no_cache).source().plans_named([plan])
    out.emit(show_table(dataset, dataset.plan(chosen), lang))


@app.command(cls=_Command, epilog=_examples("ipcompare metrics", "ipcompare metrics --lang zh --format json"))
def metrics(
    ctx: typer.Context,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """List the metric catalogue, with how many plans set a target for each metric."""
    from .tables.catalogue import metrics_table

    out = Output(fmt, output, excel, lang)
    dataset, counts = _settings(ctx, data, no_bundled, no_cache).source().listing()
    out.emit(metrics_table(dataset, lang, counts))


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare metric 高价值发明专利",
        "ipcompare metric trademarks --per-capita --unit 件",
        "ipcompare metric high-value-patents --level prefecture --year 2025 -o hvp.csv",
    ),
)
def metric(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="METRIC",
            help="Metric id, alias or Chinese name (高价值发明专利); 'ipcompare metrics' lists them.",
            autocompletion=_names("metric"),
        ),
    ],
    exact: ExactOption = False,
    year: YearOption = None,
    level: Annotated[
        list[Level] | None,
        typer.Option(
            "--level", metavar="LEVEL", help="Only regions at this level: national, province, prefecture (repeatable)."
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option("--region", metavar="REGION", help="Only this region and the regions within it (repeatable)."),
    ] = None,
    status: Annotated[Status | None, typer.Option("--status", help="Only final plans, or only drafts.")] = None,
    per_capita: PerCapitaOption = False,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="UNIT", help="Show values in UNIT (亿元, 万件, ...).")
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """One metric across all regions (and its parts): normalised, with baseline, CAGR and national ratio, ranked."""
    from .compare import compare_metric
    from .tables.comparisons import metric_table

    out = Output(fmt, output, excel, lang)
    source = _settings(ctx, data, no_bundled, no_cache).source()
    catalogue = source.catalogue()
    found = catalogue.metric(name)
    comparison = compare_metric(
        source.of_metrics([found.id, *(m.id for m in catalogue.parts(found.id))]),
        name,
        exact=exact,
        year=year,
        levels=level or (),
        regions=region or (),
        status=status,
        per_capita=per_capita,
        unit=unit,
    )
    filtered = year is not None or level or region or status
    empty = f"no targets for {comparison.metric.id} {'match these options' if filtered else 'are in the data'}"
    out.emit(metric_table(comparison, lang), empty)


class KindChoice(StrEnum):
    """model.Kind's values, and qualitative (a target with no number): what `compare --kind` takes. Written out
    for Typer and mypy; tests/test_compare.py keeps it in step with Kind."""

    LEVEL = "level"
    INCREMENT = "increment"
    FLOW = "flow"
    FLOW_CHANGE = "flow-change"
    GROWTH_RATE = "growth-rate"
    PERIOD_GROWTH = "period-growth"
    SHARE = "share"
    UNCLEAR = "unclear"
    QUALITATIVE = "qualitative"


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare compare 襄阳 泰安 青海 --national",
        "ipcompare compare xiangyang taian --metric trademarks --format markdown",
    ),
)
def compare(
    ctx: typer.Context,
    regions: Annotated[
        list[str],
        typer.Argument(
            metavar="REGION...",
            help="Regions by id, English or Chinese name (襄阳 泰安 青海), or plans by id; a province with no plan "
            "of its own stands for its cities'.",
            autocompletion=_names("region"),
        ),
    ],
    metric: Annotated[
        list[str] | None,
        typer.Option(
            "--metric",
            metavar="METRIC",
            help="Only this metric (repeatable); rows follow this order.",
            autocompletion=_names("metric"),
        ),
    ] = None,
    national: Annotated[bool, typer.Option("--national", help="Add the national targets as the first column.")] = False,
    year: YearOption = None,
    kind: Annotated[
        KindChoice | None, typer.Option("--kind", help="Only targets of this kind (level, increment, ...).")
    ] = None,
    latest: Annotated[
        bool,
        typer.Option("--latest", help="One column per region: its latest final plan (default: a column per plan)."),
    ] = False,
    shared: Annotated[
        bool, typer.Option("--shared", help="Only the metrics that two or more of the columns named set a number for.")
    ] = False,
    min_regions: Annotated[
        int | None,
        # checked below, not with min=1: a bounded option makes Typer coerce through pydantic (coercion.py)
        typer.Option("--min-regions", metavar="N", help="Only the metrics that N or more columns set a number for."),
    ] = None,
    per_capita: Annotated[
        bool, typer.Option("--per-capita", help="Add each count and money target per 10k people.")
    ] = False,
    long: Annotated[
        bool,
        typer.Option("--long", help="One row per target (tidy): the form of --format csv; --wide gives the matrix."),
    ] = False,
    wide: Annotated[bool, typer.Option("--wide", help="CSV as the matrix shown, not one row per target.")] = False,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Regions side by side: metrics as rows, each region's plans as columns, each cell the targets with their
    year. CSV is one row per target, with normalised values and quotes."""
    from .compare import compare_regions
    from .tables.comparisons import compare_long_table, compare_table

    if min_regions is not None and min_regions < 1:
        raise UsageError(f"must be 1 or more, not {min_regions}", "min_regions")
    if long and wide:
        raise UsageError("--long and --wide ask for opposite forms: give one", "wide")
    out = Output(fmt, output, excel, lang)
    source = _settings(ctx, data, no_bundled, no_cache).source()
    catalogue = source.catalogue()
    wanted = [r.id for r in catalogue.regions if r.level == Level.NATIONAL]
    named: list[str] = []
    everything = False
    for name in regions:
        try:
            named.append(catalogue.region(name).id)
        except UnknownName:  # a plan id, or a typo that compare_regions words with suggestions
            everything = True
    dataset = source.everything() if everything else source.of_regions(wanted + named)
    planless = set(named) - {p.region for p in dataset.plans}
    if planless and not everything:  # a province whose plans are its cities': read those too
        below = set(planless)
        while more := {r.id for r in catalogue.regions if r.parent in below} - below:
            below |= more
        dataset = source.of_regions(wanted + named + sorted(below))
    comparison = compare_regions(
        dataset,
        regions,
        metrics=metric or (),
        national=national,
        year=year,
        kind=kind.value if kind else None,
        latest=latest,
        min_columns=min_regions or (2 if shared else 1),
        per_capita=per_capita,
    )
    tidy_form = long or (out.format == Format.CSV and not wide)
    table = compare_long_table(comparison, lang) if tidy_form else compare_table(comparison, lang)
    out.emit(table, "no targets for these regions match these options")


OldArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="OLD",
        help="The earlier plan: a plan id (a draft, the last 5-year plan), FILE:PLAN or REV:PLAN.",
        autocompletion=_names("plan"),
        show_default=False,
    ),
]
NewArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="NEW",
        help="The later plan: a plan id (the final, the next plan), FILE:PLAN or REV:PLAN.",
        autocompletion=_names("plan"),
        show_default=False,
    ),
]


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare diff taian-strong-city-draft final.yaml:taian-strong-city",
        "ipcompare diff inner-mongolia-13th-fyp next.yaml:inner-mongolia-14th-fyp --progress",
        "ipcompare --data data/targets.yaml --no-bundled diff --rev HEAD~3",
    ),
)
def diff(
    ctx: typer.Context,
    old: OldArgument = None,
    new: NewArgument = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            metavar="A..B",
            help="Instead of OLD and NEW: every plan changed between two git revisions of the data "
            "(A alone: between A and the files now).",
        ),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Also list the targets that did not change (with --progress: qualitative ones)."),
    ] = False,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress",
            help="Instead of what changed: was each OLD target met, by the figures NEW reports for its year? "
            "(as 'ipcompare progress OLD NEW')",
        ),
    ] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the plans differ and 0 when they do not, as git diff does.")
    ] = False,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """What changed between two plans (targets raised, lowered, removed, added, moved), or in every plan.

    Each side is a plan id, FILE:PLAN (a plan in another data file) or REV:PLAN (a plan at a git
    revision of the data file that holds it, e.g. HEAD~3:taian-strong-city-draft). With --progress,
    OLD and NEW are two plans of one region, and each OLD target is checked against what NEW reports.
    """
    from .diff import diff_in
    from .tables.changes import diff_table
    from .versions import resolve

    out = Output(fmt, output, excel, lang)
    if progress and exit_code:
        raise UsageError("--exit-code reports whether two plans differ; it does not go with --progress")
    if rev is not None:
        if old is not None:
            raise UsageError("--rev compares every plan in the data; give it without OLD and NEW")
        if progress:
            raise UsageError("--progress checks two plans; it does not go with --rev")
        _diff_revisions(_settings(ctx, data, no_bundled, no_cache).source().everything(), rev, show_all, exit_code, out)
        return
    if old is None or new is None:
        raise UsageError("diff needs two plans, OLD and NEW, or --rev A..B")
    dataset = _with_plans(_settings(ctx, data, no_bundled, no_cache).source(), old, new)
    if progress:
        _progress(dataset, old, new, show_all, out)
        return
    result = diff_in(*resolve(old, dataset), *resolve(new, dataset))
    empty = None if result.changed else "no differences between the two plans"
    out.emit(diff_table(result, show_all=show_all, labels=(old, new), lang=lang), empty)
    if exit_code and result.changed:
        raise typer.Exit(int(ExitCode.ERROR))


def _with_plans(source: "Source", *names: str) -> Dataset:
    """The data with the figures of the plans named (all of it when one is FILE:PLAN or REV:PLAN, or unknown:
    versions.resolve reads those, and words the error)."""
    if any(":" in name for name in names):
        return source.everything()
    try:
        return source.plans_named(names)[0]
    except UnknownName:
        return source.everything()


def _diff_revisions(dataset: Dataset, rev: str, show_all: bool, exit_code: bool, out: Output) -> None:
    from .diff import diff_datasets
    from .tables.changes import revisions_table
    from .versions import at_revisions

    versions = at_revisions(rev, dataset)
    result = diff_datasets(versions.old, versions.new)
    new_label = versions.new_rev or "the data files now"
    table = revisions_table(
        result, versions.old_rev, new_label, show_all=show_all, untracked=versions.untracked, lang=out.lang
    )
    empty = None if result.any else f"no plan changed between {versions.old_rev} and {new_label}"
    out.emit(table, empty)
    if exit_code and result.any:
        raise typer.Exit(int(ExitCode.ERROR))


def _progress(dataset: Dataset, old: str, new: str, show_all: bool, out: Output) -> None:
    from .progress import progress_in
    from .tables.changes import progress_table
    from .versions import resolve

    checked = progress_in(*resolve(old, dataset), *resolve(new, dataset))
    table = progress_table(checked, show_all=show_all, labels=(old, new), lang=out.lang)
    out.emit(table, None if table.rows else f"{old} has no quantified targets")


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare progress inner-mongolia-13th-fyp next.yaml:inner-mongolia-14th-fyp",
        "ipcompare progress inner-mongolia-13th-fyp next.yaml:inner-mongolia-14th-fyp --all -f csv",
        "ipcompare progress china-14th-fyp",
    ),
)
def progress(
    ctx: typer.Context,
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help="The earlier plan (the last 5-year plan): a plan id, FILE:PLAN or REV:PLAN.",
            autocompletion=_names("plan"),
        ),
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="[NEW]",
            help="The same region's next plan, which reports what was achieved; without it, the outcomes recorded "
            "in the data.",
            autocompletion=_names("plan"),
        ),
    ] = None,
    show_all: AllOption = False,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Were a plan's targets met? Each target of OLD against the figure NEW reports for its year: met,
    missed (by how much), or why it cannot be checked. Without NEW, against the outcomes recorded for OLD's
    region: met (and when), missed, or before the target year on track or behind."""
    out = Output(fmt, output, excel, lang)
    source = _settings(ctx, data, no_bundled, no_cache).source()
    if new is None:
        _progress_outcomes(_with_plans(source, old), old, show_all, out)
        return
    _progress(_with_plans(source, old, new), old, new, show_all, out)


def _progress_outcomes(dataset: Dataset, plan: str, show_all: bool, out: Output) -> None:
    from .progress import check_outcomes
    from .tables.changes import progress_table
    from .versions import resolve

    found_in, plan_id = resolve(plan, dataset)
    outcomes = (*dataset.outcomes, *(found_in.outcomes if found_in is not dataset else ()))
    checked = check_outcomes(found_in.plan(plan_id), outcomes, (*found_in.metrics, *dataset.metrics))
    table = progress_table(checked, show_all=show_all, labels=(plan, ""), lang=out.lang)
    out.emit(table, None if table.rows else f"{plan} has no quantified targets")


def _count(n: int, word: str) -> str:
    """'1 plan', '2 plans'; a word that does not take -s is given with its plural after '/' (quote/quotes)."""
    one, _, many = word.partition("/")
    return f"{n} {one if n == 1 else many or one + 's'}"


def _read_back(problems: list[Problem], strict: bool) -> int:
    """Quotes that read otherwise than their figures: warnings, or with --strict errors. Returns how many."""
    if problems and strict:
        raise DataError(problems, summary=f"{_count(len(problems), 'figure')} whose quote reads otherwise (--strict)")
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        where = f"{problem.file}:{problem.line}" if problem.line is not None else problem.file
        _say(f"{where}: warning: {problem.message}")
    return len(problems)


class ExtractFormat(StrEnum):
    YAML = "yaml"
    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


@app.command(
    cls=_Command,
    epilog=_examples("ipcompare extract plan.html -o draft.yaml", "ipcompare extract plan.docx --format table"),
)
def extract(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Plan documents: UTF-8 or GB18030 text, HTML pages; .docx and .pdf with ipcompare[docs].",
        ),
    ],
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="yaml: a draft data file (default); table, markdown, csv, json: the figures read, to review.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Read the targets and baselines of plan documents into a draft data file (or a table to review)."""
    from .documents import read_document
    from .extract import draft_yaml
    from .extract import extract as extract_plan

    dataset = _settings(ctx, data, no_bundled, no_cache).load()
    chosen = fmt or (ExtractFormat.YAML if output is None or output.suffix.lower() in (".yaml", ".yml") else None)
    if excel and chosen == ExtractFormat.YAML:
        raise UsageError("only with --format csv, not --format yaml", "excel")  # said before any document is read
    # A draft's `source` is a path from the draft's own folder, as the data model has it.
    base = Path(os.path.realpath(output)).parent if output is not None and chosen == ExtractFormat.YAML else None
    drafts = []
    _read(files)
    for path in files:
        text = read_document(path)
        source = os.path.relpath(os.path.realpath(path), base) if base is not None else str(path)
        drafts.append(extract_plan(text, dataset, Path(source).as_posix()))
    if chosen == ExtractFormat.YAML:
        document = draft_yaml(drafts, dataset)
        if output is None:
            _stdout(document)
        else:
            _write(output, document)
        return
    from .tables.extract import candidates_table

    table_format = Format(chosen.value) if chosen is not None else None
    out = Output(table_format, output, excel, lang)
    table = candidates_table(drafts, lang)
    if not table.rows and table.notes and out.format in (Format.TABLE, Format.MARKDOWN) and output is None:
        # no table to put them under: the numbers seen but not read are said after the message, one a line
        _say(f"{PROG}: no quantified figure was read; {_count(len(table.notes), 'number')} seen but not read:")
        for note in table.notes:
            _say(f"  {note}")
        return
    out.emit(table, "no quantified figure was read")


class SeverityChoice(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare check",
        "ipcompare check xiangyang-14th-fyp --select IP10 --format json",
        "ipcompare check --explain IP102",
    ),
)
def check(
    ctx: typer.Context,
    plans: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PLAN...]", help="Plans to check (ids); every plan when none is named."),
    ] = None,
    explain: Annotated[
        str | None, typer.Option("--explain", metavar="CODE", help="Explain a rule (IP102) and exit.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODE", help="Only these rules: a code or its start (IP1) (repeatable)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODE", help="Leave out these rules: a code or its start (repeatable)."),
    ] = None,
    severity: Annotated[
        SeverityChoice,
        typer.Option(
            "--severity",
            help="Report findings at this severity or above; exit 1 when any of them is not explained.",
        ),
    ] = SeverityChoice.INFO,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    excel: ExcelOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check that plans add up: sums, stated growth rates, targets against baselines, parts against wholes,
    spans, quotes. Prints file:line: CODE [severity] message; exit 1 when a finding is not explained."""
    from .checks import SEVERITY_ORDER, Severity, check_plans, fails, rule, selected
    from .tables.checks import finding_line, findings_table

    if explain is not None:
        found = rule(explain)
        summary, explanation = found.summary, found.explanation
        if lang == Lang.ZH and found.summary_zh:
            summary, explanation = found.summary_zh, found.explanation_zh
        shown_severity = label(f"severity.{found.severity.value}", lang)
        _stdout(f"{found.code} {found.name} ({shown_severity}): {summary}\n\n{explanation}\n")
        return
    rules = selected(select or [], ignore or [])
    out = Output(fmt, output, excel, lang)
    source = _settings(ctx, data, no_bundled, no_cache).source()
    dataset = source.everything()
    chosen = [dataset.plan(p) for p in plans] if plans else None
    level = Severity(severity.value)
    shown = SEVERITY_ORDER[: SEVERITY_ORDER.index(level) + 1]
    findings = [f for f in check_plans(dataset, chosen, rules) if f.severity in shown]
    if fmt is None and output is None:  # as a linter prints: one line each, then a count on stderr
        _stdout("".join(finding_line(f, lang) + "\n" for f in findings))
        explained = sum(f.explained is not None for f in findings)
        checked = len(chosen) if chosen is not None else len(dataset.plans)
        if lang == Lang.ZH:
            summary = label("check.summary", lang).format(findings=len(findings), plans=checked)
        else:
            summary = f"{_count(len(findings), 'finding')} in {_count(checked, 'plan')}"
        if explained:
            summary += label("check.summary-explained", lang).format(n=explained)
        _say(f"{PROG}: {summary}")
    else:
        out.emit(findings_table(findings, lang))
    if fails(findings, level):
        raise typer.Exit(int(ExitCode.ERROR))


class ReportFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"


#: The report format an output file's extension asks for, when --format is not given.
_REPORT_SUFFIXES = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".md": ReportFormat.MARKDOWN}


@app.command(
    cls=_Command,
    epilog=_examples(
        "ipcompare report --metric high-value-patents -o report.html",
        "ipcompare report 襄阳 泰安 -o briefing.md          (charts in briefing-charts/)",
        "ipcompare report --metric trademarks --region 山东 --lang zh -o 商标.html",
    ),
)
def report(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[REGION...]",
            help="Regions to brief on: their targets side by side, then a chart for each metric two of them set.",
        ),
    ] = None,
    metric: Annotated[
        list[str] | None,
        typer.Option(
            "--metric",
            "-m",
            metavar="METRIC",
            help="A metric to brief on, across regions, with its parts (repeatable).",
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option("--region", metavar="REGION", help="With --metric: only this region and those within it."),
    ] = None,
    year: YearOption = None,
    exact: ExactOption = False,
    per_capita: PerCapitaOption = False,
    latest: Annotated[
        bool,
        typer.Option(
            "--latest", help="With regions: the side-by-side table has one column per region, its latest final plan."
        ),
    ] = False,
    lang: LangOption = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (one file, charts inline) or markdown (charts as SVG files beside it); "
            "default: from the -o file's extension.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The report file to write (.html or .md).", parser=_output_path
        ),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """A briefing to hand on: charts of the targets against the national one, baseline to target and against
    outcomes, with the same tables as metric and compare, each target's quote, and what check finds."""
    from .briefing import metric_briefing
    from .report import charts_folder, to_html, to_markdown

    chosen, path = _report_format(fmt, output)
    if not metric and not regions:
        raise UsageError("name a metric (--metric high-value-patents) or regions (襄阳 泰安) to brief on", "metric")
    named = [*(regions or []), *(region or [])]
    source = _settings(ctx, data, no_bundled, no_cache).source()
    everything = source.everything()
    briefing = metric_briefing(
        everything, metric or [], named, year, lang, exact=exact, per_capita=per_capita, latest=latest
    )
    charts: dict[Path, str] = {}
    if chosen == ReportFormat.HTML:
        page, missing = to_html(briefing, lang)
        _write(path, page)
    else:
        page, charts, missing = to_markdown(briefing, path, lang)
        _write_markdown(path, page, charts)
    drawn = sum(len(s.charts) for s in briefing.sections) - missing
    tables = sum(len(s.tables) for s in briefing.sections)
    where = f" (charts in {charts_folder(path)}/)" if charts else ""
    _wrote(path, f"wrote {path}{where}: {_count(drawn, 'chart')}, {_count(tables, 'table')}")
    for said in briefing.said:
        _say(f"{PROG}: {said}")
    if missing:
        _say(
            f"{PROG}: note: {_count(missing, 'chart')} not drawn: matplotlib is not installed "
            "(pip install 'ipcompare[report]')"
        )


def _report_format(fmt: ReportFormat | None, output: Path | None) -> tuple[ReportFormat, Path]:
    """-o is required; --format, else its extension, says html or markdown."""
    if output is None:
        raise UsageError("a report is written to a file: name it with -o report.html or -o report.md", "output")
    chosen = fmt or _REPORT_SUFFIXES.get(output.suffix.lower())
    if chosen is None:
        raise UsageError(
            f"cannot tell the format from {output.name!r}: end it in .html or .md, or give --format", "output"
        )
    return chosen, output


def _write_markdown(output: Path, page: str, charts: dict[Path, str]) -> None:
    """The charts first, into the folder beside the page, then the page; then the charts an earlier run left."""
    from .report import charts_folder, stale_charts

    folder = charts_folder(output)
    if charts:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as e:
            raise OutputError(f"cannot write the charts to {folder}: {e.strerror or e}") from None
    for path, text in charts.items():
        _write(path, text)
    _write(output, page)
    for stale in stale_charts(folder, charts):
        stale.unlink(missing_ok=True)


@app.command(
    cls=_Command, epilog=_examples("ipcompare validate", "ipcompare validate mine.yaml --sources documents/ --strict")
)
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE...",
            help="Data files to check, together with the shipped data and --data files; their plans' quotes are "
            "checked (every plan's when no file is named).",
        ),
    ] = None,
    sources: Annotated[
        list[Path] | None,
        typer.Option(
            "--sources",
            metavar="DIR",
            help="Look for source documents in DIR (repeatable) before looking beside each data file; "
            "a document found in neither is then an error.",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail (exit 1) when a figure's quote reads otherwise than the figure: its value, unit, "
            "comparator, kind or year.",
        ),
    ] = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check data files for mistakes, and every quote against its source document; reports file:line: message."""
    from .paths import data_paths, display_path
    from .validate import check_quotes, check_readings

    for directory in sources or []:
        if not os.path.isdir(directory):
            raise UsageError(f"{directory} is not a directory", "sources")
    dataset = _settings(ctx, data, no_bundled, no_cache).load(files or [])
    # The files named, a folder as the data files in it (as --data reads it): theirs are the plans checked.
    named = [display_path(f) for f in data_paths(files, bundled=False, env=False)] if files else None
    quotes = check_quotes(dataset, sources or [], named)
    # Without --sources a document that is not beside its data file is only not checked; with it, it must be found.
    errors = quotes.not_found + (quotes.no_document + quotes.no_source if sources else [])
    if errors:
        missing = len(quotes.not_found)
        counts = [(missing, f"{_count(missing, 'quote')} not found in {'its' if missing == 1 else 'their'} source")]
        if sources:
            documents = len(quotes.missing)
            counts.append((documents, f"{_count(documents, 'source document')} not found or unreadable"))
            counts.append((len(quotes.no_source), f"{_count(len(quotes.no_source), 'plan')} naming no source"))
        raise DataError(errors, summary="; ".join(text for n, text in counts if n))
    readings = _read_back(check_readings(dataset, named), strict)
    for problem in sorted(quotes.no_document):
        _say(f"{problem}; its quotes are not checked (name its folder with --sources)")
    for problem in sorted(quotes.no_source):
        _say(f"{problem}, so its quotes are not checked")

    plans = [p for p in dataset.plans if named is None or p.loc.file in named]
    figures = sum(len(p.targets) + len(p.baselines) for p in plans)
    scope = f"{', '.join(named)}: " if named else ""
    checked = f"{_count(quotes.found, 'quote')} found in {_count(len(quotes.documents), 'source document')}"
    if quotes.unchecked:
        kinds = [_count(quotes.unchecked.count(k), k) for k in ("plan", "population") if k in quotes.unchecked]
        checked += f"; not checked: {' and '.join(kinds)}"
    if readings:
        checked += f"; {_count(readings, 'warning')} (quotes that read otherwise; --strict fails on them)"
    outcomes = sum(named is None or o.loc.file in named for o in dataset.outcomes)
    reported = f", {_count(outcomes, 'outcome')}" if outcomes else ""
    _stdout(
        f"ok: {scope}{_count(len(plans), 'plan')}, {_count(figures, 'target and baseline/targets and baselines')}"
        f"{reported} ({_count(len(dataset.files), 'data file')}, {_count(len(dataset.metrics), 'metric')}); "
        f"{checked}\n"
    )


@app.command(
    cls=_Command,
    epilog=_examples("ipcompare export --sqlite ipcompare.db", "ipcompare --data mine.yaml export --sqlite mine.db"),
)
def export(
    ctx: typer.Context,
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite",
            metavar="FILE",
            help="Write the dataset as an SQLite database (README: Export), for Datasette, DuckDB or pandas.",
            parser=_output_path,
        ),
    ],
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the dataset as tables (plans, regions, metrics, targets, baselines, outcomes) with normalised values
    and quotes."""
    from .index import SCHEMA_VERSION
    from .index import export as export_database

    dataset = _settings(ctx, data, no_bundled, no_cache).source().everything()
    _not_an_input(sqlite)
    export_database(dataset, sqlite)
    targets = sum(len(p.targets) for p in dataset.plans)
    baselines = sum(len(p.baselines) for p in dataset.plans)
    _wrote(
        sqlite,
        f"wrote {sqlite} (schema {SCHEMA_VERSION}): {_count(len(dataset.plans), 'plan')}, "
        f"{_count(targets, 'target')}, {_count(baselines, 'baseline')}, {_count(len(dataset.outcomes), 'outcome')}, "
        f"{_count(len(dataset.metrics), 'metric')}, {_count(len(dataset.regions), 'region')}",
    )


def main() -> None:
    """Console-script entry point: builds only the command being run (Typer reads every command's signature
    otherwise, ~10 ms a start), unless the arguments name none (help, a typo, shell completion)."""
    # One command, then exit: the objects it makes (thousands of rows at scale) live until then and hold no
    # cycles worth finding, so the cycle collector walking them again and again is wasted time (~15 %).
    gc.disable()
    command = _command_named(sys.argv[1:])
    everything = app.registered_commands
    if command is not None and not any(k.startswith("_IPCOMPARE_COMPLETE") for k in os.environ):
        app.registered_commands = [c for c in everything if _command_name(c) == command]
    try:
        app(prog_name=PROG)
    finally:
        app.registered_commands = everything


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__).replace("_", "-")


def _command_named(args: Sequence[str]) -> str | None:
    """The command the arguments run, when it is one of ours: the first word that is not an option (or the
    value of --data, the one global option that takes one)."""
    names = {_command_name(c) for c in app.registered_commands}
    words = iter(args)
    for word in words:
        if word == "--data":
            next(words, None)
        elif word == "--":
            return None
        elif not word.startswith("-"):
            return word if word in names else None
    return None

/// The Python program that runs an answer's tests, written into each run's temporary folder.
///
/// `python3 -I -S -B harness.py LIMITS RESULTS ANSWER TESTS`: it limits its own processor time,
/// memory, file size and processes, takes the code out of the answer (a fenced block, the whole
/// text, or the longest run of paragraphs around the `def` that compiles), runs it as a module,
/// and writes one JSON line per event to RESULTS, flushed at once, so a run killed at its time
/// limit still tells which tests passed and which one was running.
enum PythonHarness {
  static let source = #"""
    import ast, contextlib, io, json, math, re, resource, signal, sys

    limits = json.loads(sys.argv[1])
    results = open(sys.argv[2], "w", encoding="utf-8")


    def emit(**record):
        results.write(json.dumps(record) + "\n")
        results.flush()


    def limit(kind, value):
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass


    # The caller kills the run at its wall-clock limit; the alarm ends it a second later anyway,
    # should the caller itself be gone (a sleeping answer uses no processor time).
    signal.alarm(int(math.ceil(limits["wall"])) + 1)
    limit(resource.RLIMIT_CPU, limits["cpu"])
    limit(resource.RLIMIT_AS, limits["memory"])
    limit(resource.RLIMIT_FSIZE, 1 << 20)
    limit(resource.RLIMIT_NPROC, 0)
    sys.setrecursionlimit(2000)

    with open(sys.argv[3], encoding="utf-8", errors="replace") as handle:
        answer = handle.read()
    with open(sys.argv[4], encoding="utf-8") as handle:
        tests = json.load(handle)
    name = limits["function"]


    def compiles(code):
        try:
            compile(code, "answer.py", "exec")
            return True
        except (SyntaxError, ValueError):
            return False


    def defines(code):
        return re.search(r"^\s*def\s+" + re.escape(name) + r"\s*\(", code, re.M) is not None


    def extract(text):
        fences = re.findall(r"```[^\n]*\n(.*?)(?:```|\Z)", text, re.S)
        if fences:
            joined = "\n\n".join(fences)
            if compiles(joined):
                return joined
        if compiles(text):
            return text
        lines = text.split("\n")
        cuts = [0] + [i for i, line in enumerate(lines) if not line.strip()] + [len(lines)]
        defs = [i for i, line in enumerate(lines) if defines(line)]
        # Around each of the first few definitions, the longest run of paragraphs that compiles:
        # the earliest start, then the furthest end. The nearest boundaries only, so a hostile
        # answer of thousands of paragraphs costs hundreds of compiles, not millions.
        for line in defs[:3]:
            starts = [cut for cut in cuts if cut <= line][-8:]
            ends = [cut for cut in cuts if cut > line][:24]
            for start in starts:
                for end in reversed(ends):
                    code = "\n".join(lines[start:end])
                    if compiles(code):
                        return code.strip("\n")
        return "\n".join(lines[defs[0]:]) if defs else text


    def shown(value):
        try:
            text = repr(value)
        except BaseException as error:
            text = "<repr failed: %s>" % type(error).__name__
        return text if len(text) <= 300 else text[:297] + "..."


    def same(got, want):
        numbers = (int, float)
        if isinstance(got, bool) or isinstance(want, bool):
            return type(got) is type(want) and got == want
        if isinstance(got, float) or isinstance(want, float):
            if not (isinstance(got, numbers) and isinstance(want, numbers)):
                return False
            if math.isnan(got) and math.isnan(want):
                return True
            return math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-9)
        if isinstance(got, (list, tuple)) and isinstance(want, (list, tuple)):
            return (type(got) is type(want) and len(got) == len(want)
                    and all(same(a, b) for a, b in zip(got, want)))
        if isinstance(got, dict) and isinstance(want, dict):
            return got.keys() == want.keys() and all(same(got[k], want[k]) for k in want)
        return bool(got == want)


    def describe(error):
        if isinstance(error, MemoryError):
            return "MemoryError: ran out of memory (the limit is %d MB)" % (limits["memory"] >> 20)
        text = str(error)
        return type(error).__name__ + (": " + text if text else "")


    import collections, datetime, decimal, fractions
    # The names a test's call and expected value may use, whatever the answer imports.
    helpers = {"__builtins__": __builtins__,
               "datetime": datetime.datetime, "date": datetime.date,
               "timedelta": datetime.timedelta, "timezone": datetime.timezone,
               "Decimal": decimal.Decimal, "Fraction": fractions.Fraction,
               "Counter": collections.Counter, "OrderedDict": collections.OrderedDict,
               "defaultdict": collections.defaultdict, "deque": collections.deque,
               "math": math}
    namespace = dict(helpers, __name__="answer")
    code = extract(answer)
    emit(event="code", code=code)
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink):
            exec(compile(code, "answer.py", "exec"), namespace)
    except BaseException as error:
        detail = describe(error)
        if isinstance(error, SyntaxError) and error.lineno:
            detail = "SyntaxError: %s (line %d)" % (error.msg, error.lineno)
        emit(event="load", error=detail, memory=isinstance(error, MemoryError), missing=False)
        sys.exit(0)
    if not callable(namespace.get(name)):
        emit(event="load", error="the answer does not define %s()" % name, memory=False,
             missing=True)
        sys.exit(0)
    emit(event="load", error=None, memory=False, missing=False)
    calls = dict(helpers)
    calls[name] = namespace[name]

    for index, test in enumerate(tests):
        emit(event="start", index=index)
        want = eval(test["expected"], dict(helpers))
        record = {"event": "test", "index": index, "expected": shown(want)}
        try:
            with contextlib.redirect_stdout(sink):
                got = eval(test["call"], calls)
            record["actual"] = shown(got)
            record["passed"] = same(got, want)
            record["memory"] = False
        except BaseException as error:
            record["actual"] = describe(error)
            record["passed"] = False
            record["memory"] = isinstance(error, MemoryError)
        sink.seek(0)
        sink.truncate()
        emit(**record)
    emit(event="done")
    """#
}

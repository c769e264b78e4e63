/// The Python program that runs an answer's test calls, in the answer's own sandboxed process.
///
/// `python3 -I -S -B -c RUNNER SETTINGS`, with `{"answer": …, "calls": […]}` on standard input:
/// it limits its own processor time, memory, file size and processes (none: the answer cannot
/// fork, so nothing it starts outlives the run), takes the code out of the answer (a fenced block,
/// the whole text, or the longest run of paragraphs around the `def` that compiles), runs it as a
/// module, evaluates each call, and writes one JSON line per event on descriptor 3, flushed at
/// once, so a run killed at its time limit still tells which calls returned and which one was
/// running.
///
/// The runner never sees an expected value and decides nothing: it reports each call's value as
/// data (`encode`: built-in types by their content, anything else by its `repr` only), and
/// `PythonJudge` compares it with the expected value in another process. Whatever the answer
/// writes, on any descriptor, can at most claim values for its own calls; it cannot claim a pass.
enum PythonHarness {
  /// What the harness and the judge (`PythonJudge`) both do first: read their limits and their
  /// input, and define `emit` (a JSON line on descriptor 3), `limit` (a resource limit), `shown`
  /// (a value's repr, cut at 300 characters) and `describe` (an error in one line).
  static let setUp = #"""
    limits = json.loads(sys.argv[1])
    results = os.fdopen(3, "w", encoding="utf-8")
    given = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin.close()


    def emit(**record):
        results.write(json.dumps(record) + "\n")
        results.flush()


    def limit(kind, value):
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass


    def shown(value):
        try:
            text = repr(value)
        except BaseException as error:
            text = "<repr failed: %s>" % type(error).__name__
        return text if len(text) <= 300 else text[:297] + "..."


    def describe(error):
        if isinstance(error, MemoryError):
            return "MemoryError: ran out of memory (the limit is %d MB)" % (limits["memory"] >> 20)
        text = str(error)
        return type(error).__name__ + (": " + text if text else "")


    """#

  static let runner =
    "import contextlib, io, json, math, os, re, resource, signal, sys\n" + PythonHarness.setUp
      + #"""
      # The caller kills the run at its wall-clock limit; the alarm ends it a second later anyway,
      # should the caller itself be gone (a sleeping answer uses no processor time).
      signal.alarm(int(math.ceil(limits["wall"])) + 1)
      limit(resource.RLIMIT_CPU, limits["cpu"])
      limit(resource.RLIMIT_AS, limits["memory"])
      limit(resource.RLIMIT_FSIZE, 1 << 20)
      limit(resource.RLIMIT_NPROC, 0)
      sys.setrecursionlimit(2000)

      answer = given["answer"]
      tests = given["calls"]
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


      import collections, datetime, decimal, fractions


      def offset(value, *moment):
          delta = value.utcoffset(*moment)
          return None if delta is None else [delta.days, delta.seconds, delta.microseconds]


      def encode(value, depth=0):
          # A value as data, for the judge: built-in types by their content (a subclass of int,
          # float, str, dict or set by its base's content, as the comparison treats it), anything
          # else by its repr, which never equals an expected value.
          if depth > 100:
              raise RecursionError("nested too deeply")
          kind = type(value)
          inner = depth + 1
          if value is None:
              return ["none"]
          if kind is bool:
              return ["bool", value]
          if isinstance(value, int):
              return ["int", hex(int.__int__(value))]
          if isinstance(value, float):
              return ["float", float.hex(float.__float__(value))]
          if isinstance(value, str):
              return ["str", str.__str__(value)]
          if kind in (list, tuple, collections.deque):
              return [kind.__name__, [encode(item, inner) for item in list(value)]]
          if isinstance(value, dict):
              special = (collections.Counter, collections.OrderedDict, collections.defaultdict)
              pairs = [[encode(key, inner), encode(item, inner)] for key, item in dict.items(value)]
              return [kind.__name__ if kind in special else "dict", pairs]
          if isinstance(value, frozenset):
              return ["frozenset", [encode(item, inner) for item in frozenset.__iter__(value)]]
          if isinstance(value, set):
              return ["set", [encode(item, inner) for item in set.__iter__(value)]]
          if kind in (bytes, bytearray):
              return [kind.__name__, value.hex()]
          if kind is complex:
              return ["complex", value.real.hex(), value.imag.hex()]
          if kind is decimal.Decimal:
              return ["Decimal", str(value)]
          if kind is fractions.Fraction:
              return ["Fraction", hex(value.numerator), hex(value.denominator)]
          if kind is datetime.datetime:
              return ["datetime", [value.year, value.month, value.day, value.hour, value.minute,
                                   value.second, value.microsecond, value.fold], offset(value)]
          if kind is datetime.date:
              return ["date", [value.year, value.month, value.day]]
          if kind is datetime.time:
              return ["time", [value.hour, value.minute, value.second, value.microsecond,
                               value.fold], offset(value)]
          if kind is datetime.timedelta:
              return ["timedelta", [value.days, value.seconds, value.microseconds]]
          if kind is datetime.timezone:
              return ["timezone", offset(value, None)]
          if kind is range:
              return ["range", [hex(value.start), hex(value.stop), hex(value.step)]]
          return ["other", shown(value)]


      # The names a test's call may use, whatever the answer imports.
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

      for index, call in enumerate(tests):
          emit(event="start", index=index)
          try:
              with contextlib.redirect_stdout(sink):
                  got = eval(call, calls)
              try:
                  value = json.dumps(encode(got))
              except BaseException:
                  value = json.dumps(["other", shown(got)])
              record = {"event": "value", "index": index, "value": value}
          except BaseException as error:
              record = {"event": "raised", "index": index, "error": describe(error),
                        "memory": isinstance(error, MemoryError)}
          sink.seek(0)
          sink.truncate()
          emit(**record)
      emit(event="done")
      """#
}
